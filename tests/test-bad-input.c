/* test-bad-input.c: a catalogue of bad input through the core's API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row of the table below goes through a public entry point of the core,
 * the one a page of the window calls with what the user typed or pasted. Each
 * is either refused with a non-empty message and the database dump unchanged,
 * or stored exactly as typed: read back from the file with SQL, it is the
 * same bytes (for names after the documented clean-up: surrounding spaces
 * removed and Unicode NFC, which the table spells out).
 *
 * NUL bytes: every entry point of the core takes NUL-terminated UTF-8, as GTK
 * hands it over (GtkEditable and GtkTextBuffer text are C strings), so a NUL
 * cannot reach the core inside a text: whatever follows it is never seen.
 * The rows marked "NUL" prove that this cut is safe: the part before the NUL
 * is stored exactly, nothing after it ends up anywhere in the file, and an
 * amount "12\0 34" reads as 12 kr, never as 1 234 kr.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-association.h"
#include "sp-budget.h"
#include "sp-database-private.h"
#include "sp-limits.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-money.h"
#include "sp-project-decision.h"
#include "sp-project-grant.h"
#include "sp-project.h"
#include "sp-text.h"
#include "sp-section.h"
#include "sp-test-util.h"
#include "sp-plan-year.h"

#define YEAR 2025

typedef enum {
  REFUSE,
  STORE,
} Expect;

/* The entry points. */
typedef enum {
  MEMBER_NAME,        /* sp_member_add: name */
  MEMBER_POPULATION,  /* sp_member_add: population (number) */
  MEMBER_YEARS,       /* sp_member_add: from_year, to_year (number, number2) */
  SECTION_TITLE,      /* sp_section_add: title */
  SECTION_BODY,       /* sp_section_add: body */
  PROJECT_NAME,       /* sp_project_add: name */
  PROJECT_DESCRIPTION,/* sp_project_add: description */
  PROJECT_DATES,      /* sp_project_add: start_date = text, end_date = text2 */
  PROJECT_PRIORITY,   /* sp_project_add: priority */
  DECISION_DATE,      /* sp_project_add_decision: date */
  BUDGET_TEXT,        /* sp_budget_line_set_text */
  BUDGET_PASTE,       /* sp_budget_line_paste: one row as typed, in kr */
  BUDGET_PASTE_TKR,   /* the same in a tkr column */
  BUDGET_AMOUNT,      /* sp_budget_line_set_amount: öre */
  GRANT,              /* sp_project_set_grant: öre for the year number2 */
  FRAME,              /* sp_plan_year_set_frame: öre */
  YEAR_CREATE,        /* sp_plan_year_create */
  SHARES,             /* sp_plan_year_set_shares: number, number2, number3 */
  KEY_PERCENTAGE,     /* sp_plan_year_set_member_key: percentage */
  GROUP_NAME,         /* sp_area_group_add */
} Entry;

typedef struct {
  const char *what;
  Entry       entry;
  Expect      expect;
  const char *text;
  const char *text2;
  gint64      number;
  gint64      number2;
  gint64      number3;
  const char *stored;  /* STORE: what reads back; NULL = exactly the text (or number) */
} BadInput;

typedef struct {
  char       *dir;
  SpDatabase *db;
  gint64      member;
  gint64      area;
  gint64      line;
  gint64      project;
  guint       counter;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SpMemberData member = { "Fagersta kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 11000, 0, 0 };
  SpProjectData project = { .name = "Steget vidare" };
  SpBudgetLineData line;
  gint64 group;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "indata.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_non_null (f->db);

  f->member = sp_member_add (f->db, &member, &error);
  assert_true (sp_plan_year_create (f->db, YEAR, &error));
  group = sp_area_group_add (f->db, YEAR, "Administration", &error);
  f->area = sp_area_add (f->db, group, "Styrelse", &error);
  sp_budget_line_data_init (&line);
  line.area_id = f->area;
  line.account = 5010;
  line.text = "Arvoden";
  f->line = sp_budget_line_add (f->db, YEAR, &line, &error);
  f->project = sp_project_add (f->db, &project, &error);
  assert_null (error);
  assert_true (f->member > 0 && f->area > 0 && f->line > 0 && f->project > 0);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->db);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f);
  return 0;
}

/* One value from the file itself, as text (NULL for SQL NULL). */
static char *
read_back (Fixture    *f,
           const char *sql,
           gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  assert_int_equal (sqlite3_prepare_v2 (sp_database_get_handle (f->db), sql, -1, &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static char *
number_text (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* Feeds one row to its entry point; on success, returns what the file holds. */
static gboolean
apply (Fixture         *f,
       const BadInput  *c,
       char           **stored,
       GError         **error)
{
  g_autofree char *unique = g_strdup_printf ("Post %u", ++f->counter);
  gint64 id;

  switch (c->entry)
    {
    case MEMBER_NAME:
    case MEMBER_POPULATION:
    case MEMBER_YEARS:
      {
        SpMemberData data = { unique, SP_MEMBER_KIND_MUNICIPALITY, TRUE, -1, 0, 0 };

        if (c->entry == MEMBER_NAME)
          data.name = c->text;
        else if (c->entry == MEMBER_POPULATION)
          data.population = c->number;
        else
          {
            data.from_year = c->number;
            data.to_year = c->number2;
          }
        id = sp_member_add (f->db, &data, error);
        if (id <= 0)
          return FALSE;
        *stored = read_back (f, c->entry == MEMBER_NAME ? "SELECT name FROM member WHERE id = ?1" :
                                c->entry == MEMBER_POPULATION ? "SELECT population FROM member WHERE id = ?1"
                                : "SELECT from_year || '-' || to_year FROM member WHERE id = ?1", id);
        return TRUE;
      }

    case SECTION_TITLE:
    case SECTION_BODY:
      id = sp_section_add (f->db, YEAR, c->entry == SECTION_TITLE ? c->text : unique,
                           c->entry == SECTION_BODY ? c->text : "", error);
      if (id <= 0)
        return FALSE;
      *stored = read_back (f, c->entry == SECTION_TITLE ? "SELECT title FROM section WHERE id = ?1"
                                                        : "SELECT body FROM section WHERE id = ?1", id);
      return TRUE;

    case PROJECT_NAME:
    case PROJECT_DESCRIPTION:
    case PROJECT_DATES:
    case PROJECT_PRIORITY:
      {
        SpProjectData data = { .name = unique, .planned_participants = -1 };
        const char *sql = "SELECT name FROM project WHERE id = ?1";

        switch (c->entry)
          {
          case PROJECT_NAME:
            data.name = c->text;
            break;
          case PROJECT_DESCRIPTION:
            data.description = c->text;
            sql = "SELECT description FROM project WHERE id = ?1";
            break;
          case PROJECT_DATES:
            data.start_date = c->text;
            data.end_date = c->text2;
            sql = "SELECT coalesce (start_date, '') || '/' || coalesce (end_date, '') "
                  "FROM project WHERE id = ?1";
            break;
          default:
            data.priority = c->number;
            sql = "SELECT priority FROM project WHERE id = ?1";
            break;
          }
        id = sp_project_add (f->db, &data, error);
        if (id <= 0)
          return FALSE;
        *stored = read_back (f, sql, id);
        return TRUE;
      }

    case DECISION_DATE:
      {
        SpProjectDecisionData data = { c->text, "§ 4", "Beviljas" };

        id = sp_project_add_decision (f->db, f->project, &data, error);
        if (id <= 0)
          return FALSE;
        *stored = read_back (f, "SELECT date FROM project_decision WHERE id = ?1", id);
        return TRUE;
      }

    case BUDGET_TEXT:
      if (!sp_budget_line_set_text (f->db, f->line, c->text, error))
        return FALSE;
      *stored = read_back (f, "SELECT text FROM budget_line WHERE id = ?1", f->line);
      return TRUE;

    case BUDGET_PASTE:
    case BUDGET_PASTE_TKR:
      {
        const char *rows[] = { c->text, NULL };

        if (!sp_budget_line_paste (f->db, f->line, SP_BUDGET_COLUMN_BUDGET, rows,
                                   c->entry == BUDGET_PASTE ? SP_MONEY_UNIT_KR : SP_MONEY_UNIT_TKR,
                                   error))
          return FALSE;
        *stored = read_back (f, "SELECT budget FROM budget_line WHERE id = ?1", f->line);
        return TRUE;
      }

    case BUDGET_AMOUNT:
      if (!sp_budget_line_set_amount (f->db, f->line, SP_BUDGET_COLUMN_PLAN1, c->number, error))
        return FALSE;
      *stored = read_back (f, "SELECT plan1 FROM budget_line WHERE id = ?1", f->line);
      return TRUE;

    case GRANT:
      if (!sp_project_set_grant (f->db, f->project, c->number2, c->number, error))
        return FALSE;
      *stored = read_back (f, "SELECT amount FROM project_grant WHERE project_id = ?1", f->project);
      return TRUE;

    case FRAME:
      if (!sp_plan_year_set_frame (f->db, YEAR, 0, c->number, error))
        return FALSE;
      *stored = read_back (f, "SELECT frame FROM plan_year WHERE year = ?1", YEAR);
      return TRUE;

    case YEAR_CREATE:
      if (!sp_plan_year_create (f->db, c->number, error))
        return FALSE;
      *stored = read_back (f, "SELECT year FROM plan_year WHERE year = ?1", c->number);
      return TRUE;

    case SHARES:
      if (!sp_plan_year_set_shares (f->db, YEAR, c->number, c->number2, c->number3, error))
        return FALSE;
      *stored = read_back (f, "SELECT share_state || '/' || share_region || '/' || "
                              "share_municipalities FROM plan_year WHERE year = ?1", YEAR);
      return TRUE;

    case KEY_PERCENTAGE:
      if (!sp_plan_year_set_member_key (f->db, YEAR, f->member, c->number, SP_MONEY_NOT_SET, error))
        return FALSE;
      *stored = read_back (f, "SELECT percentage FROM member_key WHERE member_id = ?1", f->member);
      return TRUE;

    case GROUP_NAME:
      id = sp_area_group_add (f->db, YEAR, c->text, error);
      if (id <= 0)
        return FALSE;
      *stored = read_back (f, "SELECT name FROM area_group WHERE id = ?1", id);
      return TRUE;
    }
  g_assert_not_reached ();
}

/* Text entries are refused or stored as typed; numbers likewise. */
static gboolean
is_text_entry (Entry entry)
{
  switch (entry)
    {
    case MEMBER_NAME:
    case SECTION_TITLE:
    case SECTION_BODY:
    case PROJECT_NAME:
    case PROJECT_DESCRIPTION:
    case PROJECT_DATES:
    case DECISION_DATE:
    case BUDGET_TEXT:
    case GROUP_NAME:
      return TRUE;
    default:
      return FALSE;
    }
}

static guint n_tried;
static guint n_refused;
static guint n_stored;

/* Runs every row; returns the rows that went wrong, one per line. */
static void
run_catalogue (Fixture        *f,
               const BadInput *cases,
               guint           n_cases,
               GString        *failures)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const BadInput *c = &cases[i];
      g_autofree char *before = sp_test_dump_database (f->db);
      g_autofree char *after = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *want = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok = apply (f, c, &stored, &error);

      n_tried++;
      if (c->expect == REFUSE)
        {
          after = sp_test_dump_database (f->db);
          if (ok)
            {
              g_autofree char *s = g_strescape (stored ? stored : "NULL", NULL);
              g_string_append_printf (failures, "%s: stored “%.200s”, expected a refusal\n",
                                      c->what, s);
            }
          else if (error == NULL || error->message == NULL || error->message[0] == '\0')
            g_string_append_printf (failures, "%s: refused without a message\n", c->what);
          else if (strcmp (before, after) != 0)
            g_string_append_printf (failures, "%s: refused, but the database changed\n", c->what);
          else
            n_refused++;
          continue;
        }

      if (!ok)
        {
          g_string_append_printf (failures, "%s: refused (%s), expected to be stored\n",
                                  c->what, error->message);
          continue;
        }
      if (c->stored != NULL)
        want = g_strdup (c->stored);
      else if (is_text_entry (c->entry))
        want = g_strdup (c->text);
      else
        want = number_text (c->number);
      if (g_strcmp0 (want, stored) != 0)
        {
          g_autofree char *w = g_strescape (want ? want : "NULL", NULL);
          g_autofree char *s = g_strescape (stored ? stored : "NULL", NULL);
          g_string_append_printf (failures, "%s: typed “%.200s”, stored “%.200s”\n",
                                  c->what, w, s);
          continue;
        }
      n_stored++;
    }
}

static void
test_catalogue (void **state)
{
  Fixture *f = *state;
  g_autofree char *text_100k = g_strnfill (100000, 'x');
  g_autofree char *name_200 = g_strnfill (200, 'n');
  g_autofree char *name_201 = g_strnfill (201, 'n');
  GString *aring_200 = g_string_new (NULL);
  GString *aring_nfc = g_string_new (NULL);
  GString *swedish_100k = g_string_new (NULL);
  g_autofree char *aring_200_text = NULL;
  g_autofree char *aring_nfc_text = NULL;
  g_autofree char *swedish_100k_text = NULL;
  g_autofree char *text_over = g_strnfill (SP_TEXT_MAX_CHARS + 1, 'y');
  static const char with_nul[] = "Nollbyte\0'; DROP TABLE member; --";
  static const char amount_with_nul[] = "12\0 345";
  static const char body_with_nul[] = "Rad ett\nRad två\0\xff\xfe osynligt";

  /* 200 "å" typed as a + combining ring: 400 code points, 200 characters in NFC. */
  for (guint i = 0; i < 200; i++)
    {
      g_string_append (aring_200, "a\xcc\x8a");
      g_string_append (aring_nfc, "\xc3\xa5");
    }
  aring_200_text = g_string_free (aring_200, FALSE);
  aring_nfc_text = g_string_free (aring_nfc, FALSE);
  while (g_utf8_strlen (swedish_100k->str, -1) < 100000)
    g_string_append (swedish_100k, "Samordningsförbundet Västerås, rad ”åäö” — 16–29 år\n");
  g_string_truncate (swedish_100k, g_utf8_offset_to_pointer (swedish_100k->str, 100000) -
                     swedish_100k->str);
  swedish_100k_text = g_string_free (swedish_100k, FALSE);

  {
    const BadInput cases[] = {
      /* Names */
      { "empty name", MEMBER_NAME, REFUSE, "" },
      { "name of spaces", MEMBER_NAME, REFUSE, " \t " },
      { "NULL name", MEMBER_NAME, REFUSE, NULL },
      { "name on two lines", MEMBER_NAME, REFUSE, "Fagersta\nkommun" },
      { "name with a tab", MEMBER_NAME, REFUSE, "Fagersta\tkommun" },
      { "name with a control character", MEMBER_NAME, REFUSE, "Fager\x01sta" },
      { "name with DEL", MEMBER_NAME, REFUSE, "Fager\x7fsta" },
      { "name of 201 characters", MEMBER_NAME, REFUSE, name_201 },
      { "name of 100 000 characters", MEMBER_NAME, REFUSE, text_100k },
      { "name of 200 characters", MEMBER_NAME, STORE, name_200 },
      { "200 decomposed å: NFC, 200 characters", MEMBER_NAME, STORE, aring_200_text, NULL, 0, 0, 0,
        aring_nfc_text },
      { "name with spaces around: trimmed", MEMBER_NAME, STORE, "  Köpings kommun  ", NULL, 0, 0, 0,
        "Köpings kommun" },
      { "name pasted with a line end: trimmed", MEMBER_NAME, STORE, "Arboga kommun\r\n", NULL, 0, 0, 0,
        "Arboga kommun" },
      { "name with a carriage return inside", MEMBER_NAME, REFUSE, "Arboga\rkommun" },
      { "duplicate name, other case", MEMBER_NAME, REFUSE, "FAGERSTA KOMMUN" },
      { "name: invalid UTF-8 byte", MEMBER_NAME, REFUSE, "Fagersta \xff" },
      { "name: overlong UTF-8 for /", MEMBER_NAME, REFUSE, "a\xc0\xaf" },
      { "name: UTF-8 surrogate", MEMBER_NAME, REFUSE, "\xed\xa0\x80" },
      { "name: cut UTF-8 sequence", MEMBER_NAME, REFUSE, "Köping\xc3" },
      { "name: SQL metacharacters", MEMBER_NAME, STORE, "Robert'); DROP TABLE member; --" },
      { "name: quotes and backslash", MEMBER_NAME, STORE, "\"Norberg\" \\ 'Arboga' ` %_" },
      { "name starting with =", MEMBER_NAME, STORE, "=HYPERLINK(\"http://x.invalid\";\"klicka\")" },
      { "name starting with +", MEMBER_NAME, STORE, "+46 21 12 34 56" },
      { "name starting with -", MEMBER_NAME, STORE, "-2+3+cmd|' /C calc'!A0" },
      { "name starting with @", MEMBER_NAME, STORE, "@SUM(1+1)*cmd|' /C calc'!A0" },
      { "name: right-to-left override", MEMBER_NAME, STORE, "Kommun \xe2\x80\xae" "anul" },
      { "name: emoji and CJK", MEMBER_NAME, STORE, "Förbund 😀 日本" },
      { "name: NUL cuts the text", MEMBER_NAME, STORE, with_nul, NULL, 0, 0, 0, "Nollbyte" },
      { "area group: SQL LIKE wildcards", GROUP_NAME, STORE, "100% _ [a-z]*" },
      { "area group: = formula", GROUP_NAME, STORE, "=1+1" },
      { "section title on two lines", SECTION_TITLE, REFUSE, "Rad\nRad" },
      { "project name: invalid UTF-8", PROJECT_NAME, REFUSE, "Projekt \xfe" },
      { "project name: @ formula", PROJECT_NAME, STORE, "@Steget" },

      /* Free text */
      { "body of 100 000 characters", SECTION_BODY, STORE, text_100k },
      { "body of 100 000 Swedish characters", SECTION_BODY, STORE, swedish_100k_text },
      { "body over the limit", SECTION_BODY, REFUSE, text_over },
      { "body: lines and tabs", SECTION_BODY, STORE, "Mål:\n\t– fler i arbete\n\t– färre i bidrag\n" },
      { "body: Windows line ends become \\n", SECTION_BODY, STORE, "Rad ett\r\nRad två\r\n", NULL, 0, 0, 0,
        "Rad ett\nRad två\n" },
      { "body: old Mac line ends become \\n", SECTION_BODY, STORE, "Rad ett\rRad två", NULL, 0, 0, 0,
        "Rad ett\nRad två" },
      { "body: invalid UTF-8", SECTION_BODY, REFUSE, "Rad \x80\x80" },
      { "body: escape sequence", SECTION_BODY, REFUSE, "\x1b[31mröd\x1b[0m" },
      { "body: NUL cuts the text", SECTION_BODY, STORE, body_with_nul, NULL, 0, 0, 0,
        "Rad ett\nRad två" },
      { "body: SQL and formulas", SECTION_BODY, STORE,
        "=1+1\n+1\n-1\n@1\n'); DELETE FROM project; --\n%s%n%x" },
      { "description: 100 000 characters", PROJECT_DESCRIPTION, STORE, text_100k },
      { "budget text: = formula", BUDGET_TEXT, STORE, "=SUMMA(A1:A3)" },
      { "budget text: control character", BUDGET_TEXT, REFUSE, "Arvoden\x07" },

      /* Dates */
      { "date: 30 February", DECISION_DATE, REFUSE, "2024-02-30" },
      { "date: month 13", DECISION_DATE, REFUSE, "2024-13-01" },
      { "date: day 0", DECISION_DATE, REFUSE, "2024-05-00" },
      { "date: two-digit year", DECISION_DATE, REFUSE, "24-05-01" },
      { "date: no zero padding", DECISION_DATE, REFUSE, "2024-5-1" },
      { "date: Swedish order", DECISION_DATE, REFUSE, "01.05.2024" },
      { "date: trailing SQL", DECISION_DATE, REFUSE, "2024-05-01'--" },
      { "date: empty", DECISION_DATE, REFUSE, "" },
      { "date: signs in fields", DECISION_DATE, REFUSE, "2024-+5-+1" },
      { "date: spaces in fields", DECISION_DATE, REFUSE, "2024- 5- 1" },
      { "date: 29 February of a leap year", DECISION_DATE, STORE, "2024-02-29" },
      { "project: end before start", PROJECT_DATES, REFUSE, "2024-06-01", "2024-05-31" },
      { "project: start not a date", PROJECT_DATES, REFUSE, "snart", NULL },
      { "project: dates as typed", PROJECT_DATES, STORE, "2024-01-01", "2026-12-31", 0, 0, 0,
        "2024-01-01/2026-12-31" },

      /* Years */
      { "year 1989", YEAR_CREATE, REFUSE, NULL, NULL, 1989 },
      { "year 2101", YEAR_CREATE, REFUSE, NULL, NULL, 2101 },
      { "year -2025", YEAR_CREATE, REFUSE, NULL, NULL, -2025 },
      { "year INT_MAX", YEAR_CREATE, REFUSE, NULL, NULL, G_MAXINT },
      { "year already there", YEAR_CREATE, REFUSE, NULL, NULL, YEAR },
      { "member from 2010 to 2008", MEMBER_YEARS, REFUSE, NULL, NULL, 2010, 2008 },
      { "member years as typed", MEMBER_YEARS, STORE, NULL, NULL, 2009, 2030, 0, "2009-2030" },

      /* Populations and other counts */
      { "population -5", MEMBER_POPULATION, REFUSE, NULL, NULL, -5 },
      { "population INT64_MIN", MEMBER_POPULATION, REFUSE, NULL, NULL, G_MININT64 },
      { "population 0", MEMBER_POPULATION, STORE, NULL, NULL, 0 },
      { "population INT64_MAX", MEMBER_POPULATION, STORE, NULL, NULL, G_MAXINT64 },
      { "priority 4", PROJECT_PRIORITY, REFUSE, NULL, NULL, 4 },
      { "priority -1", PROJECT_PRIORITY, REFUSE, NULL, NULL, -1 },

      /* Percentages (hundredths of a per cent) */
      { "shares adding up to 100.01 %", SHARES, REFUSE, NULL, NULL, 5000, 2500, 2501 },
      { "a negative share", SHARES, REFUSE, NULL, NULL, 12500, -2500, 0 },
      { "shares overflowing int", SHARES, REFUSE, NULL, NULL, G_MAXINT, G_MAXINT, 2 },
      { "shares as typed", SHARES, STORE, NULL, NULL, 5000, 2000, 3000, "5000/2000/3000" },
      { "key percentage 100.01 %", KEY_PERCENTAGE, REFUSE, NULL, NULL, 10001 },
      { "key percentage -1", KEY_PERCENTAGE, REFUSE, NULL, NULL, -2 },
      { "key percentage 12.34 %", KEY_PERCENTAGE, STORE, NULL, NULL, 1234 },

      /* Amounts as typed (pasted into a budget column) */
      { "amount: exponent", BUDGET_PASTE, REFUSE, "1e6" },
      { "amount: hexadecimal", BUDGET_PASTE, REFUSE, "0x10" },
      { "amount: English thousands", BUDGET_PASTE, REFUSE, "1,234.56" },
      { "amount: ambiguous point", BUDGET_PASTE, REFUSE, "1.234" },
      { "amount: bad grouping", BUDGET_PASTE, REFUSE, "12 34" },
      { "amount: two signs", BUDGET_PASTE, REFUSE, "--5" },
      { "amount: sign after", BUDGET_PASTE, REFUSE, "5-" },
      { "amount: öre below", BUDGET_PASTE, REFUSE, "12,345" },
      { "amount: NaN", BUDGET_PASTE, REFUSE, "NaN" },
      { "amount: infinity", BUDGET_PASTE, REFUSE, "∞" },
      { "amount: too large", BUDGET_PASTE, REFUSE, "10 000 000 001" },
      { "amount: 2^63 öre", BUDGET_PASTE, REFUSE, "92233720368547758,08" },
      { "amount: Arabic-Indic digits", BUDGET_PASTE, REFUSE, "١٢٣" },
      { "amount: full-width digits", BUDGET_PASTE, REFUSE, "１２３" },
      { "amount: formula", BUDGET_PASTE, REFUSE, "=1+1" },
      { "amount: SQL", BUDGET_PASTE, REFUSE, "1; DROP TABLE budget_line" },
      { "amount: invalid UTF-8", BUDGET_PASTE, REFUSE, "12\xff" },
      { "amount: unknown unit", BUDGET_PASTE, REFUSE, "12 euro" },
      { "amount: tkr with six decimals", BUDGET_PASTE_TKR, REFUSE, "1,234567" },
      { "amount: NUL cuts it", BUDGET_PASTE, STORE, amount_with_nul, NULL, 0, 0, 0, "1200" },
      { "amount: Swedish", BUDGET_PASTE, STORE, "−1 234 567,50 kr", NULL, 0, 0, 0, "-123456750" },
      { "amount: the largest", BUDGET_PASTE, STORE, "10 000 000 000", NULL, 0, 0, 0,
        "1000000000000" },
      { "amount: tkr decimals", BUDGET_PASTE_TKR, STORE, "12,5", NULL, 0, 0, 0, "1250000" },

      /* Amounts in öre from the program */
      { "cell: one öre over the maximum", BUDGET_AMOUNT, REFUSE, NULL, NULL, SP_MONEY_MAX + 1 },
      { "cell: INT64_MIN + 1", BUDGET_AMOUNT, REFUSE, NULL, NULL, G_MININT64 + 1 },
      { "cell: the minimum", BUDGET_AMOUNT, STORE, NULL, NULL, SP_MONEY_MIN },
      { "grant: negative", GRANT, REFUSE, NULL, NULL, -1, YEAR },
      { "grant: for year 1900", GRANT, REFUSE, NULL, NULL, 100, 1900 },
      { "grant: too large", GRANT, REFUSE, NULL, NULL, SP_MONEY_MAX + 1, YEAR },
      { "grant: 1 öre", GRANT, STORE, NULL, NULL, 1, YEAR },
      { "frame: negative", FRAME, REFUSE, NULL, NULL, -100 },
      { "frame: INT64_MAX", FRAME, REFUSE, NULL, NULL, G_MAXINT64 },
    };

    g_autoptr(GString) failures = g_string_new (NULL);

    run_catalogue (f, cases, G_N_ELEMENTS (cases), failures);
    if (failures->len > 0)
      fail_msg ("%s", failures->str);
  }

  /* Nothing was cut into the file after a NUL. */
  {
    g_autofree char *dump = sp_test_dump_database (f->db);
    assert_null (strstr (dump, "DROP TABLE member; --'"));
    assert_null (strstr (dump, "osynligt"));
  }

  print_message ("# %u bad inputs tried: %u refused with a message and nothing changed, "
                 "%u stored and read back as expected\n", n_tried, n_refused, n_stored);
  assert_true (n_tried >= 40);
}

/* What the money parser makes of text that is not an amount, without the
 * database: never a crash, always a message, never an amount out of range. */
static void
test_money_parser (void **state)
{
  const char *texts[] = {
    "", " ", "kr", "tkr", "-", "+", "−", ",", ".", ",-", ":-", "1,", "1.", ",5", "1 ,5",
    "1  000", "1\xc2\xa0\xc2\xa0" "000", "0,0,0", "1'000", "1_000", "١", "٫", "1e", "e1",
    "9999999999999999999999999999", "-9999999999999999999999999999",
    "10 000 000 000,01", "kr kr", "12 kr tkr", "SEK12", "\xe2\x80\xae" "12",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (SpMoneyUnit unit = SP_MONEY_UNIT_KR; unit <= SP_MONEY_UNIT_TKR; unit++)
      {
        g_autoptr(GError) error = NULL;
        SpMoney amount = 42;

        if (sp_money_parse (texts[i], unit, &amount, &error))
          {
            assert_true (sp_money_is_valid (amount));
          }
        else
          {
            assert_non_null (error);
            assert_true (error->message[0] != '\0');
            assert_int_equal (amount, 42);
          }
      }
}

/* Counts (participants): grouped like amounts, too large called so, and
 * nothing else taken. */
static void
test_count_parser (void **state)
{
  const struct { const char *text; gint64 value; } good[] = {
    { "", 0 }, { "0", 0 }, { " 12 ", 12 }, { "1 000", 1000 }, { "1\xc2\xa0" "000", 1000 },
    { "12 345 678", 12345678 }, { "2147483647", G_MAXINT }, { "2 147 483 647", G_MAXINT },
  };
  const char *bad[] = { "-3", "12,5", "1e3", "1  000", "10 00", " 1 0000", "1 000 0", "x", "١٢", "12\xe2\x80\x8b" };
  const char *too_large[] = { "2147483648", "2 147 483 648", "99999999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      assert_true (sp_text_parse_count (good[i].text, "Kvinnor", &value, &error));
      assert_null (error);
      assert_int_equal (value, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      assert_false (sp_text_parse_count (bad[i], "Kvinnor", &value, &error));
      assert_non_null (strstr (error->message, "Kvinnor"));
      assert_non_null (strstr (error->message, "whole number"));
      assert_int_equal (value, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (too_large); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -1;

      assert_false (sp_text_parse_count (too_large[i], "Kvinnor", &value, &error));
      assert_non_null (strstr (error->message, "too large"));
      assert_null (strstr (error->message, "whole number"));
      assert_int_equal (value, -1);
    }
}

/* A förbund name of only invisible characters (zero-width spaces, joiners,
 * a byte order mark) is refused as an empty one, and nothing changes; the
 * same for the other names. */
static void
test_invisible_name (void **state)
{
  Fixture *f = *state;
  const char *names[] = {
    "\xe2\x80\x8b\xe2\x80\x8b\xe2\x80\x8b",          /* U+200B ×3 */
    " \xe2\x80\x8c\xe2\x80\x8d ",                          /* U+200C, U+200D */
    "\xef\xbb\xbf",                                         /* U+FEFF */
    "\xe2\x81\xa0\xc2\xa0\xe2\x80\x8b",                  /* U+2060, NBSP, U+200B */
  };
  g_autoptr(SpAssociation) before = NULL;

  assert_true (sp_association_update (f->db, "Samordningsförbundet Norr", "", "", NULL));
  before = sp_association_load (f->db, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpAssociation) after = NULL;

      assert_false (sp_association_update (f->db, names[i], "", "", &error));
      assert_non_null (error);
      assert_non_null (strstr (error->message, "must not be empty"));
      after = sp_association_load (f->db, NULL);
      assert_string_equal (after->name, before->name);
    }
  /* Every name goes the same way: a member's, for one. */
  {
    SpMemberData member = { names[0], SP_MEMBER_KIND_MUNICIPALITY, TRUE, 1000, 0, 0 };
    g_autoptr(SpRecordList) members = sp_member_list_new (f->db);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (members));
    g_autoptr(GError) error = NULL;

    assert_int_equal (sp_member_add (f->db, &member, &error), 0);
    assert_non_null (error);
    sp_record_list_reload (members);
    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (members)), n);
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_catalogue, setup, teardown),
    cmocka_unit_test (test_money_parser),
    cmocka_unit_test (test_count_parser),
    cmocka_unit_test_setup_teardown (test_invisible_name, setup, teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
