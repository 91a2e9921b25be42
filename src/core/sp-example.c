/* sp-example.c: the example förbund
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts come from the operational plan 2009 of Norra Västmanlands
 * samordningsförbund: its six members, the 4 000 000 kr frame, the six
 * prioritised target groups, the organisation and the eight activities
 * granted money for 2009. The texts are our own; the amounts of the budget
 * lines, the grants, the populations and the names of the board members are
 * made up to be plausible. Its revenue is the members' contributions, derived
 * from the frame (sp-budget-revenue.c): no revenue line is typed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-edit-private.h"
#include "sp-example.h"

static const char example_sql[] =
  "INSERT OR REPLACE INTO association (id, name, org_number, address,"
  "                                    revenue_account_state, revenue_account_region, revenue_account_municipalities) VALUES"
  "  (1, 'Norra Västmanlands samordningsförbund', '222000-1230', 'Box 100\n737 22 Fagersta', 3510, 3520, 3530);"

  "INSERT INTO member (id, name, kind, pays_own_share, population, position) VALUES"
  "  (1, 'Landstinget Västmanland', 'region', 1, NULL, 1),"
  "  (2, 'Fagersta kommun', 'municipality', 1, 12150, 2),"
  "  (3, 'Norbergs kommun', 'municipality', 1, 5720, 3),"
  "  (4, 'Skinnskattebergs kommun', 'municipality', 1, 4430, 4),"
  "  (5, 'Försäkringskassan', 'state', 1, NULL, 5),"
  "  (6, 'Arbetsförmedlingen', 'state', 0, NULL, 6);"

  "INSERT INTO plan_year (year, frame, frame_plan1, frame_plan2, equity_used) VALUES"
  "  (2009, 400000000, 400000000, 400000000, 31000000);"

  "INSERT INTO board_member (member_id, year, name, role, office, position) VALUES"
  "  (1, 2009, 'Margareta Holm', 'ordinary', 'chair', 1),"
  "  (1, 2009, 'Lars Nyberg', 'deputy', 'none', 2),"
  "  (2, 2009, 'Eva Lundin', 'ordinary', 'vice-chair', 3),"
  "  (2, 2009, 'Johan Sjöberg', 'deputy', 'none', 4),"
  "  (3, 2009, 'Birgitta Åkesson', 'ordinary', 'none', 5),"
  "  (3, 2009, 'Per Olsson', 'deputy', 'none', 6),"
  "  (4, 2009, 'Kent Larsson', 'ordinary', 'none', 7),"
  "  (4, 2009, 'Annika Berg', 'deputy', 'none', 8),"
  "  (5, 2009, 'Helena Strand', 'ordinary', 'none', 9),"
  "  (5, 2009, 'Mats Ekström', 'deputy', 'none', 10),"
  "  (6, 2009, 'Susanne Falk', 'ordinary', 'none', 11),"
  "  (6, 2009, 'Tomas Wikström', 'deputy', 'none', 12);"

  "INSERT INTO section (year, position, title, body) VALUES"
  "  (2009, 1, 'Verksamhetens inriktning och omfattning',"
  "   'Förbundet samlar Landstinget Västmanland, Fagersta, Norbergs och Skinnskattebergs kommuner, "
  "Försäkringskassan och Arbetsförmedlingen kring människor som behöver stöd från flera av dem samtidigt "
  "– medicinskt, socialt och på vägen mot arbete.\n\n"
  "Målet för varje insats är att deltagaren ska klara sin egen försörjning, och att medlemmarnas "
  "gemensamma pengar ska räcka så långt som möjligt.'),"
  "  (2009, 2, 'Arbetsorganisation',"
  "   'Styrelsen har en ordinarie ledamot och en ersättare från varje medlem. Presidiet – ordförande och "
  "vice ordförande – förbereder styrelsens ärenden tillsammans med förbundets verkställande tjänsteman.\n\n"
  "Beredningsgruppen, med en tjänsteman från varje medlem, går igenom projektansökningarna innan de når "
  "styrelsen. Kansliet sköter sekreterar- och ekonomiuppgifterna.'),"
  "  (2009, 3, 'Verksamhetsinriktning 2009',"
  "   'Ansökningar om projektmedel tas upp vid ett särskilt styrelsemöte på våren, och vid behov på hösten "
  "när ekonomin för året är klar. En ansökan prioriteras efter om uppdraget saknas hos medlemmarna, inte "
  "prioriteras i dag eller medför extra kostnader.\n\n"
  "Under året följer förbundet upp hur många av dem som avslutade en insats 2007 som fortfarande försörjer "
  "sig själva, kartlägger gruppen med tidsbegränsad sjukersättning och ser över hur samverkan mellan "
  "myndigheterna fungerar i vardagen.'),"
  "  (2009, 4, 'Uppföljning och utvärdering',"
  "   'Varje insats registreras i SUS. Insatserna utvärderas med självvärdering och en extern medbedömare, "
  "så att styrelsen har ett bra underlag när den tar ställning till implementering i ordinarie verksamhet.');"

  "INSERT INTO area_group (id, year, position, name) VALUES"
  "  (1, 2009, 1, 'Administration'),"
  "  (2, 2009, 2, 'Kartläggning'),"
  "  (3, 2009, 3, 'Konferens och utbildning'),"
  "  (4, 2009, 4, 'Projekt och insatser'),"
  "  (5, 2009, 5, 'Uppföljning och utvärdering');"
  "INSERT INTO area (id, group_id, position, name) VALUES"
  "  (1, 1, 1, 'Styrelse'),"
  "  (2, 1, 2, 'Kansli'),"
  "  (3, 1, 3, 'Revision'),"
  "  (4, 2, 1, 'Tidsbegränsad sjukersättning'),"
  "  (5, 3, 1, 'Gemensamma utbildningar'),"
  "  (6, 4, 1, 'Beviljade projekt'),"
  "  (7, 5, 1, 'Extern utvärdering');"

  "INSERT INTO target_group (id, year, position, name, description) VALUES"
  "  (1, 2009, 1, 'Unga vuxna 16–29 år', 'Från 2009 även 16–17-åringar, med förebyggande insatser.'),"
  "  (2, 2009, 2, 'Långvarigt beroende av samhällets stöd', "
  "'Långtidsarbetslösa, långtidssjukskrivna och personer med försörjningsstöd, där de vanliga åtgärderna inte räckt.'),"
  "  (3, 2009, 3, 'Ohälsa hos kvinnor', 'Kvinnor i norra Västmanland har mer besvär från rörelseorganen och mår sämre än männen.'),"
  "  (4, 2009, 4, 'Psykisk ohälsa', 'Den upplevda psykiska hälsan är sämre i norra länsdelen.'),"
  "  (5, 2009, 5, 'Utrikesfödda och anhöriginvandrare', 'Sysselsättningen skiljer sig mycket från infödda svenskars.'),"
  "  (6, 2009, 6, 'Behov av förebyggande hälsoåtgärder', 'Personer i arbetsför ålder som riskerar att hamna i någon av grupperna ovan.');"

  "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2, previous_budget, previous_actual, comment) VALUES"
  "  (2009, 1, 5010, 4, 'Arvoden till styrelsen', 15000000, 15000000, 15500000, 14000000, 12650000, ''),"
  "  (2009, 1, 7900, 5, 'Studiebesök och temadagar', 2000000, 2000000, 2000000, 2000000, 1430000, ''),"
  "  (2009, 2, 5110, 6, 'Verkställande tjänsteman', 52000000, 53500000, 55000000, 50000000, 49875000, ''),"
  "  (2009, 2, 5410, 7, 'Sociala avgifter', 16500000, 17000000, 17500000, 15800000, 15690000, ''),"
  "  (2009, 2, 6100, 8, 'Lokal', 6000000, 6000000, 6200000, 5800000, 5800000, ''),"
  "  (2009, 2, 7310, 9, 'Ekonomitjänster', 8000000, 8000000, 8200000, 7500000, 7940000, ''),"
  "  (2009, 3, 7150, 10, 'Revision', 4500000, 4500000, 4700000, 4500000, 4200000, ''),"
  "  (2009, 4, 7010, 11, 'Kartläggning av tidsbegränsad sjukersättning', 15000000, NULL, NULL, NULL, NULL, 'Görs med Försäkringskassan'),"
  "  (2009, 5, 5810, 12, 'Gemensamma utbildningar', 12000000, 10000000, 10000000, 8000000, 6120000, ''),"
  "  (2009, 6, 4600, 13, 'Beviljade projekt och insatser', 280000000, 279000000, 275900000, 290000000, 268400000, ''),"
  "  (2009, 7, 7010, 14, 'Extern utvärdering, del 2', 20000000, 5000000, 5000000, 15000000, 14250000, 'Rapport i augusti');"

  "INSERT INTO project (id, name, short_name, kind, description, owner_id, contact, area_id, priority, status,"
  "                     start_date, end_date, planned_participants, results, self_evaluation_done, external_assessor) VALUES"
  "  (1, 'Empowerment', 'Empowerment', 'project', 'Gruppverksamhet som stärker deltagarnas tilltro till den egna förmågan.',"
  "   2, 'Projektledare, Fagersta kommun', 6, 1, 'ongoing', '2009-01-01', '2010-12-31', 40, '', 0, ''),"
  "  (2, 'Friskare Skinnskatteberg', 'Friskare Sk', 'project', 'Hälsofrämjande insatser för invånare i Skinnskatteberg som riskerar långvarig sjukskrivning.',"
  "   4, 'Folkhälsosamordnare', 6, 2, 'ongoing', '2009-01-01', '2009-12-31', 60, '', 0, ''),"
  "  (3, 'Resam – Ett samordnat resursteam för Fagersta, Norberg och Skinnskatteberg', 'Resam', 'project',"
  "   'Ett team med personal från alla fyra parter som tillsammans planerar rehabiliteringen för personer med sammansatta behov.',"
  "   5, 'Teamledare, Försäkringskassan', 6, 1, 'ongoing', '2008-09-01', '2010-08-31', 80, '', 1, 'Extern medbedömare'),"
  "  (4, 'Arbetslivscoacher', 'Coacher', 'project', 'Coacher som följer deltagare ut på arbetsplatser och stöttar både deltagare och arbetsgivare.',"
  "   6, 'Arbetsförmedlingen Fagersta', 6, 3, 'ongoing', '2009-02-01', '2010-01-31', 50, '', 0, ''),"
  "  (5, 'Hälsocenter', 'Hälsocenter', 'initiative', 'En väg in till hälsosamtal, fysisk aktivitet och stöd vid stress och smärta.',"
  "   1, 'Vårdcentralen Fagersta', 6, 2, 'ongoing', '2009-01-01', NULL, 120, '', 0, ''),"
  "  (6, 'Grundutbildning i lösningsfokuserat arbetssätt för arbetsledare och professionella', 'LFA grund', 'project',"
  "   'Utbildning för chefer och handläggare hos alla parter i ett gemensamt, lösningsfokuserat förhållningssätt.',"
  "   3, 'Utbildningssamordnare', 6, 1, 'finished', '2009-02-01', '2009-06-30', 45, 'Alla 45 platser fylldes.', 1, ''),"
  "  (7, '2 dagars utveckling och fördjupning i lösningsfokuserat arbetssätt', 'LFA fördjupning', 'project',"
  "   'Två dagars fördjupning för dem som gått grundutbildningen.',"
  "   3, 'Utbildningssamordnare', 6, 1, 'granted', '2009-09-01', '2009-10-31', 30, '', 0, ''),"
  "  (8, 'Friskare Norberg', 'Friskare No', 'project', 'Hälsofrämjande insatser i Norberg, med samma upplägg som i Skinnskatteberg.',"
  "   3, 'Folkhälsosamordnare', 6, 2, 'ongoing', '2009-03-01', '2009-12-31', 40, '', 0, '');"

  "INSERT INTO project_decision (project_id, date, paragraph, text, status) VALUES"
  "  (1, '2008-11-21', '§ 41', 'Beviljas medel för 2009–2010.', 'granted'),"
  "  (1, '2009-01-15', '§ 2', 'Projektet har startat.', 'ongoing'),"
  "  (2, '2008-11-21', '§ 42', 'Beviljas medel för 2009.', 'granted'),"
  "  (2, '2009-01-15', '§ 3', 'Projektet har startat.', 'ongoing'),"
  "  (3, '2008-06-12', '§ 27', 'Beviljas medel för två år.', 'granted'),"
  "  (3, '2008-09-18', '§ 33', 'Projektet har startat.', 'ongoing'),"
  "  (4, '2008-11-21', '§ 43', 'Beviljas medel för ett år.', 'granted'),"
  "  (4, '2009-02-19', '§ 9', 'Projektet har startat.', 'ongoing'),"
  "  (5, '2008-11-21', '§ 44', 'Beviljas som insats.', 'granted'),"
  "  (5, '2009-01-15', '§ 4', 'Insatsen har startat.', 'ongoing'),"
  "  (6, '2009-01-15', '§ 5', 'Beviljas.', 'granted'),"
  "  (6, '2009-02-19', '§ 10', 'Utbildningen har startat.', 'ongoing'),"
  "  (6, '2009-08-20', '§ 30', 'Utbildningen är genomförd.', 'finished'),"
  "  (7, '2009-05-14', '§ 21', 'Beviljas.', 'granted'),"
  "  (8, '2009-02-19', '§ 11', 'Beviljas medel för 2009.', 'granted'),"
  "  (8, '2009-03-19', '§ 14', 'Projektet har startat.', 'ongoing');"

  "INSERT INTO project_grant (project_id, year, amount) VALUES"
  "  (1, 2009, 45000000), (1, 2010, 45000000),"
  "  (2, 2009, 30000000),"
  "  (3, 2008, 30000000), (3, 2009, 90000000), (3, 2010, 60000000),"
  "  (4, 2009, 50000000), (4, 2010, 5000000),"
  "  (5, 2009, 35000000),"
  "  (6, 2009, 12000000),"
  "  (7, 2009, 4000000),"
  "  (8, 2009, 14000000);"

  "INSERT INTO project_cofunding (project_id, member_id, year, amount, in_kind) VALUES"
  "  (3, 2, 2009, 15000000, 1), (3, 5, 2009, 20000000, 1), (3, 1, 2009, 10000000, 1),"
  "  (5, 1, 2009, 25000000, 0), (4, 6, 2009, 18000000, 1);"

  "INSERT INTO project_participants (project_id, year, planned, women, men, age_16_29, age_30_plus, to_work, to_studies, to_self_sufficiency) VALUES"
  "  (1, 2009, 1, 24, 16, 15, 25, 0, 0, 0),"
  "  (1, 2009, 0, 21, 12, 13, 20, 6, 3, 8),"
  "  (3, 2009, 0, 38, 29, 20, 47, 11, 4, 14),"
  "  (4, 2009, 0, 19, 23, 30, 12, 14, 5, 17),"
  "  (5, 2009, 0, 71, 38, 12, 97, 9, 0, 11),"
  "  (6, 2009, 0, 33, 12, 4, 41, 0, 0, 0),"
  "  (2, 2009, 0, 31, 20, 9, 42, 5, 1, 6);"

  "INSERT INTO project_target_group (project_id, target_group_id) VALUES"
  "  (1, 1), (1, 3), (2, 6), (3, 2), (3, 4), (4, 1), (4, 5), (5, 3), (5, 6), (8, 6);"

  "INSERT INTO goal (year, project_id, position, kind, text, indicator, target_value, outcome, area_id) VALUES"
  "  (2009, NULL, 1, 'strategic', 'Fler ska nå egen försörjning genom samordnad rehabilitering.', '', '', '', NULL),"
  "  (2009, NULL, 2, 'strategic', 'Medlemmarnas gemensamma resurser ska användas effektivt.', '', '', '', NULL),"
  "  (2009, NULL, 3, 'measurable', 'Deltagare i arbete eller studier efter avslutad insats.',"
  "   'Andel enligt SUS', '40 %', '', 6),"
  "  (2009, NULL, 4, 'measurable', 'Långsiktig uppföljning av dem som avslutade en insats 2007.',"
  "   'Rapport till styrelsen', 'Klar hösten 2009', '', 7),"
  "  (2009, NULL, 5, 'measurable', 'Kartläggning av gruppen med tidsbegränsad sjukersättning.',"
  "   'Redovisad kartläggning', 'Klar december 2009', '', 4),"
  "  (NULL, 3, 1, 'measurable', 'Deltagare som går vidare till arbete, studier eller annan egen försörjning.',"
  "   'Antal deltagare', '30 av 80', '29', NULL);";

/**
 * sp_example_create:
 * @path: a file that does not exist yet
 *
 * Writes the example förbund into a new database at @path. The example is
 * not part of the undo history. An existing file is never overwritten.
 *
 * Returns: (transfer full) (nullable): the example database, open
 */
SpDatabase *
sp_example_create (const char  *path,
                   GError     **error)
{
  g_autoptr(SpDatabase) database = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("“%s” already exists. The example is only written to a new file."), name);
      return NULL;
    }

  database = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, error);
  if (database == NULL)
    return NULL;

  sp_database_set_recording (database, FALSE);
  if (!sp_database_edit_begin (database, error))
    goto failed;
  if (!sp_database_exec (database, example_sql, error))
    {
      sp_database_edit_rollback (database);
      goto failed;
    }
  if (!sp_database_edit_commit (database, NULL, error))
    goto failed;
  sp_database_set_recording (database, TRUE);

  return g_steal_pointer (&database);

failed:
  /* Leave no half-made example behind. */
  {
    static const char *suffixes[] = { "", "-wal", "-shm" };
    g_autofree char *stored = g_strdup (sp_database_get_path (database));

    g_clear_object (&database);
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (stored, suffixes[i], NULL);
        g_unlink (file);
      }
  }
  return NULL;
}
