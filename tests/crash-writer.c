/* crash-writer.c: random but valid edits through the core, each acknowledged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: crash-writer [--no-sync] DATABASE SEED FIRST [LAST]
 *
 * Opens DATABASE with sp_database_open() and applies edits number FIRST,
 * FIRST + 1, … (up to LAST, or until killed) through the core's public API:
 * members, plan years, frames, sections, activity areas, budget lines,
 * projects, granted funds, co-funding, board members, target groups,
 * adopting and re-opening a year, and edits that change many rows at once
 * (pasting a budget column, moving a member or a section, starting the next
 * year from this one). Edit number N is a function of SEED, N and
 * the database's content only, so that the same edits applied to a copy in
 * the same state give the same result (test-crash.c relies on this).
 *
 * After each edit sp_edit_run() has committed, one line goes to standard
 * output with a single write(2) (and fdatasync(2) when it is a file):
 *
 *   ack<TAB>N<TAB>set<TAB>TABLE<TAB>ROWID<TAB>col=value<TAB>col …
 *   ack<TAB>N<TAB>del<TAB>TABLE<TAB>ROWID
 *   nak<TAB>N<TAB>TABLE<TAB>CODE     (the core refused it: nothing changed)
 *
 * "set" means: the row exists and these columns hold exactly these values
 * (g_strescape()d; a column without "=" is NULL). Before writing the line the
 * writer reads the row back and exits with status 3 when it differs, so a
 * value the core mangled never counts as acknowledged.
 *
 * --no-sync turns off fsync (PRAGMA synchronous = OFF) for the shadow copy
 * that test-crash.c replays the edits on, which is never killed; the file
 * under test keeps Samplan's own setting.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-board-member.h"
#include "sp-budget.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-member.h"
#include "sp-project-cofunding.h"
#include "sp-project-grant.h"
#include "sp-project.h"
#include "sp-section.h"
#include "sp-target-group.h"
#include "sp-plan-year.h"

#define YEAR_FIRST 2020
#define YEAR_LAST  2026

typedef struct {
  const char *op;      /* "set" or "del" */
  const char *table;
  gint64      rowid;
  GPtrArray  *columns; /* char * */
  GPtrArray  *values;  /* char *, NULL = SQL NULL */
} Ack;

static const char *const words[] = {
  "Fagersta", "Norberg", "Skinnskatteberg", "Västerås", "Köping", "Arboga",
  "Försäkringskassan", "Arbetsförmedlingen", "Region Västmanland", "samordning",
  "rehabilitering", "målgrupp", "insats", "Ökad självförsörjning", "ÅÄÖ åäö",
  "unga 16–29 år", "\"citat\"", "'; DROP TABLE member; --", "=SUM(A1:A9)",
  "+46 21 12 34 56", "-1", "@admin", "100 %", "Ünïcødé", "日本語", "😀",
  "a\\b", "50/50", "<b>fet</b>", "%s %d %n",
};

static const int accounts[] = { 3000, 3510, 3520, 3530, 3590, 4010, 4600, 5110, 6100, 7900 };

static void
ack_init (Ack        *ack,
          const char *table)
{
  ack->op = "set";
  ack->table = table;
  ack->rowid = 0;
  ack->columns = g_ptr_array_new ();
  ack->values = g_ptr_array_new_with_free_func (g_free);
}

static void
ack_clear (Ack *ack)
{
  g_clear_pointer (&ack->columns, g_ptr_array_unref);
  g_clear_pointer (&ack->values, g_ptr_array_unref);
}

static void
ack_text (Ack        *ack,
          const char *column,
          const char *value)
{
  g_ptr_array_add (ack->columns, (gpointer) column);
  g_ptr_array_add (ack->values, g_strdup (value));
}

static void
ack_int (Ack        *ack,
         const char *column,
         gint64      value)
{
  g_ptr_array_add (ack->columns, (gpointer) column);
  g_ptr_array_add (ack->values, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

/* An integer column where @is_set FALSE is stored as NULL. */
static void
ack_optional (Ack        *ack,
              const char *column,
              gboolean    is_set,
              gint64      value)
{
  if (is_set)
    ack_int (ack, column, value);
  else
    ack_text (ack, column, NULL);
}

/* Some words, sometimes on several lines: what a user types into a field. */
static char *
random_text (GRand    *rand,
             gboolean  multi_line,
             guint     max_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, multi_line && g_rand_int_range (rand, 0, 6) == 0 ? "\n" : " ");
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (text, FALSE);
}

static SpMoney
random_amount (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return g_rand_int_range (rand, 0, 100) * SP_MONEY_ORE_PER_TKR;
    case 1:
      return (SpMoney) g_rand_int_range (rand, 0, G_MAXINT32) * 37;
    case 2:
      return g_rand_int_range (rand, 0, 1000);
    default:
      return SP_MONEY_MAX - g_rand_int_range (rand, 0, 1000);
    }
}

/* The ids a query returns, to pick one at random: 0 when there are none. */
static gint64
pick (sqlite3    *db,
      GRand      *rand,
      const char *sql)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  if (ids->len == 0)
    return 0;
  return g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
}

static gint64
query_id (sqlite3    *db,
          const char *sql,
          gint64      a,
          gint64      b,
          gint64      c,
          gint64      d)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  sqlite3_bind_int64 (stmt, 4, d);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static int
random_year (GRand *rand)
{
  return g_rand_int_range (rand, YEAR_FIRST, YEAR_LAST + 1);
}

static const char *const member_kinds[] = { "state", "region", "municipality" };

static gboolean apply_edit (SpDatabase  *database,
                            guint64      seed,
                            guint        n,
                            Ack         *ack,
                            GError     **error);

/* The edit drawn needs something that is not there yet: draw another one. */
static gboolean
retry (SpDatabase  *database,
       guint64      seed,
       guint        n,
       Ack         *ack,
       GError     **error)
{
  ack_clear (ack);
  return apply_edit (database, seed, n, ack, error);
}

/* One edit. Returns FALSE with @error set when the core refused it. */
static gboolean
apply_edit (SpDatabase  *database,
            guint64      seed,
            guint        n,
            Ack         *ack,
            GError     **error)
{
  guint32 seeds[3] = { (guint32) seed, (guint32) (seed >> 32), n };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
  sqlite3 *db = sp_database_get_handle (database);
  guint kind = g_rand_int_range (rand, 0, 100);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (kind < 8)
    {
      /* A new member; sometimes without a population. */
      SpMemberData data = { NULL, };
      gint64 id;

      name = g_strdup_printf ("Medlem %u %s", n, words[g_rand_int_range (rand, 0, 6)]);
      data.name = name;
      data.kind = g_rand_int_range (rand, 0, 3);
      data.pays_own_share = g_rand_boolean (rand);
      data.population = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 2000000) : -1;
      data.from_year = g_rand_boolean (rand) ? random_year (rand) : 0;
      ack_init (ack, "member");
      id = sp_member_add (database, &data, error);
      if (id <= 0)
        return FALSE;
      ack->rowid = id;
      ack_text (ack, "name", data.name);
      ack_text (ack, "kind", member_kinds[data.kind]);
      ack_int (ack, "pays_own_share", data.pays_own_share ? 1 : 0);
      ack_optional (ack, "population", data.population >= 0, data.population);
      ack_optional (ack, "from_year", data.from_year != 0, data.from_year);
      return TRUE;
    }

  if (kind < 12)
    {
      /* A member's new population and name. */
      gint64 id = pick (db, rand, "SELECT id FROM member ORDER BY id");
      g_autoptr(SpMember) member = NULL;
      SpMemberData data;

      ack_init (ack, "member");
      if (id == 0)
        return retry (database, seed + 1, n, ack, error);
      member = sp_member_load (database, id, error);
      if (member == NULL)
        return FALSE;
      sp_member_get_data (member, &data);
      name = g_strdup_printf ("Medlem %u ändrad", n);
      data.name = name;
      data.population = g_rand_int_range (rand, 0, 2000000);
      if (!sp_member_update (database, id, &data, error))
        return FALSE;
      ack->rowid = id;
      ack_text (ack, "name", name);
      ack_int (ack, "population", data.population);
      return TRUE;
    }

  if (kind < 15)
    {
      /* Removing a member takes its board seats and co-funding with it. */
      gint64 id = pick (db, rand, "SELECT id FROM member ORDER BY id");

      ack_init (ack, "member");
      if (id == 0 || query_id (db, "SELECT count(*) FROM member", 0, 0, 0, 0) < 4)
        return retry (database, seed + 2, n, ack, error);
      if (!sp_member_delete (database, id, error))
        return FALSE;
      ack->op = "del";
      ack->rowid = id;
      return TRUE;
    }

  if (kind < 20)
    {
      int year = random_year (rand);

      ack_init (ack, "plan_year");
      if (query_id (db, "SELECT count(*) FROM plan_year WHERE year = ?1", year, 0, 0, 0) > 0)
        {
          /* Adopt it, or re-open it. */
          if (query_id (db, "SELECT count(*) FROM plan_year WHERE year = ?1 AND status = 'adopted'",
                        year, 0, 0, 0) > 0)
            {
              if (!sp_plan_year_reopen (database, year, error))
                return FALSE;
              ack->rowid = year;
              ack_text (ack, "status", "draft");
              return TRUE;
            }
          if (g_rand_int_range (rand, 0, 3) != 0)
            return retry (database, seed + 3, n, ack, error);
          text = g_strdup_printf ("%d-%02d-%02d", year - 1, g_rand_int_range (rand, 1, 13),
                                  g_rand_int_range (rand, 1, 29));
          name = g_strdup_printf ("§ %d", g_rand_int_range (rand, 1, 200));
          if (!sp_plan_year_adopt (database, year, text, name, error))
            return FALSE;
          ack->rowid = year;
          ack_text (ack, "status", "adopted");
          ack_text (ack, "decision_date", text);
          ack_text (ack, "decision_paragraph", name);
          return TRUE;
        }
      if (!sp_plan_year_create (database, year, error))
        return FALSE;
      ack->rowid = year;
      ack_int (ack, "year", year);
      ack_text (ack, "status", "draft");
      return TRUE;
    }

  if (kind < 25)
    {
      static const char *const columns[] = { "frame", "frame_plan1", "frame_plan2" };
      gint64 year = pick (db, rand, "SELECT year FROM plan_year ORDER BY year");
      guint column = g_rand_int_range (rand, 0, 3);
      SpMoney amount = random_amount (rand);

      ack_init (ack, "plan_year");
      if (year == 0)
        return retry (database, seed + 4, n, ack, error);
      if (!sp_plan_year_set_frame (database, year, column, amount, error))
        return FALSE;
      ack->rowid = year;
      ack_int (ack, columns[column], amount);
      return TRUE;
    }

  if (kind < 32)
    {
      gint64 year = pick (db, rand, "SELECT year FROM plan_year ORDER BY year");
      gint64 id;

      ack_init (ack, "section");
      if (year == 0)
        return retry (database, seed + 5, n, ack, error);
      name = g_strdup_printf ("Avsnitt %u", n);
      text = random_text (rand, TRUE, 40);
      id = sp_section_add (database, year, name, text, error);
      if (id <= 0)
        return FALSE;
      ack->rowid = id;
      ack_int (ack, "year", year);
      ack_text (ack, "title", name);
      ack_text (ack, "body", text);
      return TRUE;
    }

  if (kind < 37)
    {
      gint64 id = pick (db, rand, "SELECT id FROM section ORDER BY id");

      ack_init (ack, "section");
      if (id == 0)
        return retry (database, seed + 6, n, ack, error);
      text = random_text (rand, TRUE, 60);
      if (!sp_section_set_body (database, id, text, error))
        return FALSE;
      ack->rowid = id;
      ack_text (ack, "body", text);
      return TRUE;
    }

  if (kind < 39)
    {
      gint64 id = pick (db, rand, "SELECT id FROM section ORDER BY id");

      ack_init (ack, "section");
      if (id == 0)
        return retry (database, seed + 7, n, ack, error);
      if (!sp_section_delete (database, id, error))
        return FALSE;
      ack->op = "del";
      ack->rowid = id;
      return TRUE;
    }

  if (kind < 43)
    {
      gint64 year = pick (db, rand, "SELECT year FROM plan_year ORDER BY year");
      gint64 id;

      ack_init (ack, "area_group");
      if (year == 0)
        return retry (database, seed + 8, n, ack, error);
      name = g_strdup_printf ("Grupp %u %s", n, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      id = sp_area_group_add (database, year, name, error);
      if (id <= 0)
        return FALSE;
      ack->rowid = id;
      ack_int (ack, "year", year);
      ack_text (ack, "name", name);
      return TRUE;
    }

  if (kind < 48)
    {
      gint64 group = pick (db, rand, "SELECT id FROM area_group ORDER BY id");
      gint64 id;

      ack_init (ack, "area");
      if (group == 0)
        return retry (database, seed + 9, n, ack, error);
      name = g_strdup_printf ("Område %u", n);
      id = sp_area_add (database, group, name, error);
      if (id <= 0)
        return FALSE;
      ack->rowid = id;
      ack_int (ack, "group_id", group);
      ack_text (ack, "name", name);
      return TRUE;
    }

  if (kind < 57)
    {
      /* A budget line with some of its five amounts set. */
      static const char *const columns[] = {
        "budget", "plan1", "plan2", "previous_budget", "previous_actual",
      };
      gint64 area = pick (db, rand, "SELECT id FROM area ORDER BY id");
      SpBudgetLineData data;
      gint64 year, id;

      ack_init (ack, "budget_line");
      if (area == 0)
        return retry (database, seed + 10, n, ack, error);
      year = query_id (db, "SELECT g.year FROM area a JOIN area_group g ON g.id = a.group_id "
                       "WHERE a.id = ?1", area, 0, 0, 0);
      sp_budget_line_data_init (&data);
      data.area_id = area;
      data.account = accounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (accounts))];
      text = random_text (rand, FALSE, 4);
      data.text = text;
      for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
        if (g_rand_int_range (rand, 0, 4) != 0)
          data.amounts[c] = random_amount (rand) * (g_rand_boolean (rand) ? 1 : -1);
      id = sp_budget_line_add (database, year, &data, error);
      if (id <= 0)
        return FALSE;
      ack->rowid = id;
      ack_int (ack, "year", year);
      ack_int (ack, "area_id", area);
      ack_int (ack, "account", data.account);
      ack_text (ack, "text", text);
      for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
        ack_optional (ack, columns[c], SP_BUDGET_IS_SET (data.amounts[c]), data.amounts[c]);
      return TRUE;
    }

  if (kind < 62)
    {
      static const char *const columns[] = {
        "budget", "plan1", "plan2", "previous_budget", "previous_actual",
      };
      gint64 id = pick (db, rand, "SELECT id FROM budget_line ORDER BY id");
      SpBudgetColumn column = g_rand_int_range (rand, 0, SP_BUDGET_N_COLUMNS);
      SpMoney amount = g_rand_int_range (rand, 0, 5) == 0 ? SP_BUDGET_NOT_SET
                                                          : -random_amount (rand);

      ack_init (ack, "budget_line");
      if (id == 0)
        return retry (database, seed + 11, n, ack, error);
      if (!sp_budget_line_set_amount (database, id, column, amount, error))
        return FALSE;
      ack->rowid = id;
      ack_optional (ack, columns[column], SP_BUDGET_IS_SET (amount), amount);
      return TRUE;
    }

  if (kind < 69)
    {
      SpProjectData data = { NULL, };
      g_autofree char *description = random_text (rand, TRUE, 30);
      gint64 id;

      ack_init (ack, "project");
      name = g_strdup_printf ("Projekt %u %s", n, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      data.name = name;
      data.kind = g_rand_int_range (rand, 0, 2);
      data.description = description;
      data.owner_id = pick (db, rand, "SELECT id FROM member ORDER BY id");
      data.priority = g_rand_int_range (rand, 0, SP_PROJECT_PRIORITY_MAX + 1);
      data.planned_participants = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 500) : -1;
      text = g_strdup_printf ("%d-0%d-1%d", random_year (rand), g_rand_int_range (rand, 1, 10),
                              g_rand_int_range (rand, 0, 10));
      data.start_date = text;
      id = sp_project_add (database, &data, error);
      if (id <= 0)
        return FALSE;
      ack->rowid = id;
      ack_text (ack, "name", name);
      ack_text (ack, "kind", data.kind == SP_PROJECT_KIND_PROJECT ? "project" : "initiative");
      ack_text (ack, "description", description);
      ack_optional (ack, "owner_id", data.owner_id != 0, data.owner_id);
      ack_optional (ack, "priority", data.priority != 0, data.priority);
      ack_optional (ack, "planned_participants", data.planned_participants >= 0,
                    data.planned_participants);
      ack_text (ack, "start_date", text);
      ack_text (ack, "status", "application");
      return TRUE;
    }

  if (kind < 75)
    {
      gint64 project = pick (db, rand, "SELECT id FROM project ORDER BY id");
      int year = random_year (rand);
      SpMoney amount = random_amount (rand);

      ack_init (ack, "project_grant");
      if (project == 0)
        return retry (database, seed + 12, n, ack, error);
      if (!sp_project_set_grant (database, project, year, amount, error))
        return FALSE;
      ack->rowid = query_id (db, "SELECT id FROM project_grant WHERE project_id = ?1 AND year = ?2",
                             project, year, 0, 0);
      ack_int (ack, "project_id", project);
      ack_int (ack, "year", year);
      ack_int (ack, "amount", amount);
      return TRUE;
    }

  if (kind < 80)
    {
      gint64 project = pick (db, rand, "SELECT id FROM project ORDER BY id");
      gint64 member = pick (db, rand, "SELECT id FROM member ORDER BY id");
      int year = random_year (rand);
      gboolean in_kind = g_rand_boolean (rand);
      SpMoney amount = random_amount (rand);

      ack_init (ack, "project_cofunding");
      if (project == 0 || member == 0)
        return retry (database, seed + 13, n, ack, error);
      if (!sp_project_set_cofunding (database, project, member, year, in_kind, amount, error))
        return FALSE;
      ack->rowid = query_id (db, "SELECT id FROM project_cofunding WHERE project_id = ?1 "
                             "AND member_id = ?2 AND year = ?3 AND in_kind = ?4",
                             project, member, year, in_kind);
      ack_int (ack, "project_id", project);
      ack_int (ack, "member_id", member);
      ack_int (ack, "year", year);
      ack_int (ack, "in_kind", in_kind);
      ack_int (ack, "amount", amount);
      return TRUE;
    }

  if (kind < 82)
    {
      gint64 project = pick (db, rand, "SELECT id FROM project ORDER BY id");
      gboolean archived = FALSE;

      ack_init (ack, "project");
      if (project == 0)
        return retry (database, seed + 14, n, ack, error);
      if (!sp_project_delete (database, project, &archived, error))
        return FALSE;
      ack->rowid = project;
      if (archived)
        ack_int (ack, "archived", 1);
      else
        ack->op = "del";
      return TRUE;
    }

  if (kind < 85)
    {
      SpBoardMemberData data = { 0, };
      gint64 member = pick (db, rand, "SELECT id FROM member ORDER BY id");
      int year = random_year (rand);
      gint64 id;

      ack_init (ack, "board_member");
      if (member == 0)
        return retry (database, seed + 15, n, ack, error);
      name = g_strdup_printf ("Ledamot %u %s", n, words[g_rand_int_range (rand, 0, 6)]);
      data.member_id = member;
      data.name = name;
      data.role = g_rand_int_range (rand, 0, 2);
      id = sp_board_add (database, year, &data, error);
      if (id <= 0)
        return FALSE;
      ack->rowid = id;
      ack_int (ack, "member_id", member);
      ack_int (ack, "year", year);
      ack_text (ack, "name", name);
      ack_text (ack, "role", data.role == SP_BOARD_ROLE_ORDINARY ? "ordinary" : "deputy");
      return TRUE;
    }

  if (kind < 90)
    {
      /* Several lines of a budget column pasted at once: all or nothing. */
      gint64 first = pick (db, rand, "SELECT id FROM budget_line ORDER BY id");
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      guint n_rows = g_rand_int_range (rand, 1, 5);
      gint64 year, n_lines;
      SpMoney amount = 0;

      ack_init (ack, "budget_line");
      if (first == 0)
        return retry (database, seed + 17, n, ack, error);
      year = query_id (db, "SELECT year FROM budget_line WHERE id = ?1", first, 0, 0, 0);
      n_lines = query_id (db, "SELECT count(*) FROM budget_line WHERE year = ?1", year, 0, 0, 0);
      n_rows = MIN (n_rows, (guint) n_lines);
      for (guint i = 0; i < n_rows; i++)
        {
          SpMoney value = random_amount (rand) * (g_rand_boolean (rand) ? 1 : -1);

          if (i == 0)
            amount = value;
          g_ptr_array_add (texts, sp_money_format (value, SP_MONEY_UNIT_KR,
                                                   SP_MONEY_FORMAT_DECIMALS));
        }
      g_ptr_array_add (texts, NULL);
      if (!sp_budget_line_paste (database, first, SP_BUDGET_COLUMN_PLAN2,
                                 (const char * const *) texts->pdata, SP_MONEY_UNIT_KR, error))
        return FALSE;
      ack->rowid = first;
      ack_int (ack, "plan2", amount);
      return TRUE;
    }

  if (kind < 93)
    {
      /* Moving a member renumbers the others. */
      gint64 id = pick (db, rand, "SELECT id FROM member ORDER BY id");
      gint64 count = query_id (db, "SELECT count(*) FROM member", 0, 0, 0, 0);

      ack_init (ack, "member");
      if (id == 0)
        return retry (database, seed + 18, n, ack, error);
      if (!sp_member_move (database, id, g_rand_int_range (rand, 0, count), error))
        return FALSE;
      ack->rowid = id;
      return TRUE;
    }

  if (kind < 95)
    {
      gint64 id = pick (db, rand, "SELECT id FROM section ORDER BY id");
      gint64 count = query_id (db, "SELECT count(*) FROM section WHERE year = "
                               "(SELECT year FROM section WHERE id = ?1)", id, 0, 0, 0);

      ack_init (ack, "section");
      if (id == 0)
        return retry (database, seed + 19, n, ack, error);
      if (!sp_section_move (database, id, g_rand_int_range (rand, 0, count), error))
        return FALSE;
      ack->rowid = id;
      return TRUE;
    }

  if (kind < 97)
    {
      /* The next year's plan from this one's: many rows in one edit. */
      gint64 year = pick (db, rand, "SELECT year FROM plan_year WHERE year < 2100 ORDER BY year");

      ack_init (ack, "plan_year");
      if (year == 0)
        return retry (database, seed + 20, n, ack, error);
      if (!sp_plan_year_create_next (database, year, error))
        return FALSE;
      ack->rowid = year + 1;
      ack_text (ack, "status", "draft");
      return TRUE;
    }

  {
    gint64 year = pick (db, rand, "SELECT year FROM plan_year ORDER BY year");
    gint64 id;

    ack_init (ack, "target_group");
    if (year == 0)
      return retry (database, seed + 16, n, ack, error);
    name = g_strdup_printf ("Målgrupp %u", n);
    text = random_text (rand, TRUE, 12);
    id = sp_target_group_add (database, year, name, text, error);
    if (id <= 0)
      return FALSE;
    ack->rowid = id;
    ack_int (ack, "year", year);
    ack_text (ack, "name", name);
    ack_text (ack, "description", text);
    return TRUE;
  }
}

/* Reads the row back: NULL when it is as acknowledged, else what differs. */
static char *
check_ack (sqlite3   *db,
           const Ack *ack)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (ack->columns->len == 0)
    sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE rowid = ?1", ack->table);
  else
    {
      GString *s = g_string_new ("SELECT ");

      for (guint i = 0; i < ack->columns->len; i++)
        g_string_append_printf (s, "%s\"%s\"", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (ack->columns, i));
      g_string_append_printf (s, " FROM \"%s\" WHERE rowid = ?1", ack->table);
      sql = g_string_free (s, FALSE);
    }

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return g_strdup_printf ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, ack->rowid);
  rc = sqlite3_step (stmt);

  if (g_strcmp0 (ack->op, "del") == 0)
    {
      sqlite3_finalize (stmt);
      return rc == SQLITE_DONE ? NULL
                               : g_strdup_printf ("%s %" G_GINT64_FORMAT " still there",
                                                  ack->table, ack->rowid);
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return g_strdup_printf ("%s %" G_GINT64_FORMAT " missing", ack->table, ack->rowid);
    }
  for (guint i = 0; i < ack->columns->len; i++)
    {
      const char *want = g_ptr_array_index (ack->values, i);
      const char *have = (const char *) sqlite3_column_text (stmt, i);

      if (g_strcmp0 (want, have) != 0)
        {
          char *message = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s: acknowledged “%s”, "
                                           "stored “%s”", ack->table, ack->rowid,
                                           (const char *) g_ptr_array_index (ack->columns, i),
                                           want != NULL ? want : "NULL",
                                           have != NULL ? have : "NULL");
          sqlite3_finalize (stmt);
          return message;
        }
    }
  sqlite3_finalize (stmt);
  return NULL;
}

static char *
format_ack (guint      n,
            const Ack *ack)
{
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "ack\t%u\t%s\t%s\t%" G_GINT64_FORMAT, n, ack->op, ack->table,
                          ack->rowid);
  for (guint i = 0; i < ack->columns->len; i++)
    {
      const char *value = g_ptr_array_index (ack->values, i);

      g_string_append_printf (line, "\t%s", (const char *) g_ptr_array_index (ack->columns, i));
      if (value != NULL)
        {
          g_autofree char *escaped = g_strescape (value, NULL);
          g_string_append_printf (line, "=%s", escaped);
        }
    }
  g_string_append_c (line, '\n');
  return g_string_free (line, FALSE);
}

/* One write(2) per line: a line is in the pipe whole, or not at all. */
static void
write_line (const char *line,
            gboolean    is_file)
{
  gsize length = strlen (line);
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = write (STDOUT_FILENO, line + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_printerr ("crash-writer: write: %s\n", g_strerror (errno));
          exit (4);
        }
      done += n;
    }
  if (is_file)
    fdatasync (STDOUT_FILENO);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) database = NULL;
  struct stat st;
  gboolean is_file;
  gboolean no_sync = FALSE;
  guint64 seed;
  guint first, last;

  setlocale (LC_ALL, "");

  if (argc > 1 && strcmp (argv[1], "--no-sync") == 0)
    {
      no_sync = TRUE;
      argv++;
      argc--;
    }
  if (argc < 4 || argc > 5)
    {
      g_printerr ("usage: crash-writer [--no-sync] DATABASE SEED FIRST [LAST]\n");
      return 2;
    }
  seed = g_ascii_strtoull (argv[2], NULL, 10);
  first = (guint) g_ascii_strtoull (argv[3], NULL, 10);
  last = argc == 5 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : G_MAXUINT;
  is_file = fstat (STDOUT_FILENO, &st) == 0 && S_ISREG (st.st_mode);

  /* A kill while the file was being made leaves it empty (0 bytes); the
   * window asks before it takes such a file for a new one, and the user
   * who made it says yes. */
  database = sp_database_open (argv[1], SP_DATABASE_OPEN_DEFAULT | SP_DATABASE_OPEN_EMPTY_IS_NEW,
                               &error);
  if (database == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 2;
    }
  if (no_sync && !sp_database_exec (database, "PRAGMA synchronous = OFF", &error))
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 2;
    }

  for (guint n = first; n <= last && n != 0; n++)
    {
      g_autofree char *line = NULL;
      g_autofree char *wrong = NULL;
      Ack ack = { NULL, };

      if (apply_edit (database, seed, n, &ack, &error))
        {
          wrong = check_ack (sp_database_get_handle (database), &ack);
          if (wrong != NULL)
            {
              g_printerr ("crash-writer: edit %u: %s\n", n, wrong);
              return 3;
            }
          line = format_ack (n, &ack);
        }
      else
        {
          if (error->domain != SP_ERROR)
            {
              /* Not a refusal of the input: the database failed. */
              g_printerr ("crash-writer: edit %u: %s\n", n, error->message);
              return 3;
            }
          line = g_strdup_printf ("nak\t%u\t%s\t%d\n", n, ack.table, error->code);
          g_clear_error (&error);
        }
      ack_clear (&ack);
      write_line (line, is_file);
      if (n == G_MAXUINT)
        break;
    }
  return 0;
}
