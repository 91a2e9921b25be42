/* test-report-follow-up.c: the delårsrapport and the verksamhetsberättelse,
 * written as PDFs and read back with pdftotext: every goal with its status,
 * every area's budget, actual and deviation, every project's payout, equal
 * to what the test computes from the database with SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-example.h"
#include "sp-report.h"
#include "sp-test-util.h"

typedef struct {
  char       *dir;
  char       *db_path;
  SpDatabase *db;
  sqlite3    *sql;
} Fixture;

/* A year followed up through October: actuals by month on every line's
 * account and area, one actual the ledger gave without an area on an
 * account two lines share (not on a line), payouts to projects (one paid
 * more than granted), statuses and comments, participants, a line whose
 * budget falls in January–April and a typed forecast. */
static const char follow_up_sql[] =
  "WITH RECURSIVE months (m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM months WHERE m < 10)"
  " INSERT INTO actual_month (year, month, account, area_id, amount)"
  " SELECT 2009, m, account, area_id, budget / 12 * (90 + (id * 7 + m * 3) % 25) / 100 + id * 1234"
  " FROM budget_line, months WHERE year = 2009;"
  "INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (2009, 3, 7010, NULL, 1234500);"
  "INSERT INTO actual_month (year, month, account, area_id, project_id, amount) VALUES"
  "  (2009, 2, 4600, 6, 1, 10000000), (2009, 6, 4600, 6, 1, 12500000), (2009, 9, 4600, 6, 1, 5000000),"
  "  (2009, 3, 4600, 6, 2, 20000000), (2009, 7, 4600, 6, 2, 15000000),"
  "  (2009, 4, 4600, 6, 3, 45000000), (2009, 10, 4600, 6, 3, 30000000);"
  "INSERT INTO budget_line_follow_up (line_id, months, forecast)"
  "  SELECT id, 15, NULL FROM budget_line WHERE year = 2009 AND account = 5810;"
  "INSERT INTO budget_line_follow_up (line_id, months, forecast)"
  "  SELECT id, 4095, 17000000 FROM budget_line WHERE year = 2009 AND account = 5010;"
  "UPDATE goal SET follow_up_status = CASE id % 4 WHEN 0 THEN 'achieved' WHEN 1 THEN 'partly_achieved'"
  "  WHEN 2 THEN 'not_achieved' ELSE 'not_assessed' END,"
  "  follow_up_comment = 'Bedömning nummer ' || id || '.' WHERE year = 2009;"
  "INSERT INTO area_follow_up (area_id, comment) VALUES (2, 'Kansliet hade en vakans under våren.'),"
  "  (6, 'Resam betalades ut i förskott.');"
  "UPDATE plan_year SET follow_up_comment = 'Året följer i stort sett budgeten.' WHERE year = 2009;"
  "INSERT OR REPLACE INTO project_participants (project_id, year, planned, women, men, age_16_29, age_30_plus,"
  "  to_work, to_studies, to_self_sufficiency) VALUES"
  "  (1, 2009, 0, 23, 14, 12, 25, 6, 3, 2), (3, 2009, 0, 41, 37, 20, 58, 11, 4, 9);";

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "exempel.db", NULL);
  g_clear_object (&f->db);
  f->db = sp_example_create (f->db_path, &error);
  assert_non_null (f->db);
  g_clear_object (&f->db);
  assert_int_equal (sqlite3_open (f->db_path, &f->sql), SQLITE_OK);
  if (sqlite3_exec (f->sql, follow_up_sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("the fixture's SQL: %s", message);
  f->db = sp_database_open (f->db_path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_non_null (f->db);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->db);
  sqlite3_close (f->sql);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f);
  return 0;
}

/* ---- Helpers ----------------------------------------------------------- */

static gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  if (sqlite3_prepare_v2 (f->sql, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (f->sql));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (Fixture    *f,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  if (sqlite3_prepare_v2 (f->sql, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (f->sql));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  assert_non_null (value);
  return value;
}

/* The first two words of a project's name: what its first line in a table begins with. */
static char *
project_label (Fixture *f,
               gint64   id)
{
  g_autofree char *full = query_text (f, "SELECT name FROM project WHERE id = %" G_GINT64_FORMAT, id);
  g_auto(GStrv) words = g_strsplit (full, " ", 3);

  return words[1] != NULL ? g_strjoin (" ", words[0], words[1], NULL) : g_strdup (words[0]);
}

/* The line of @text, after @from, that begins with @label (squeezed). */
static char *
line_with (const char *text,
           const char *from,
           const char *label)
{
  const char *start = strstr (text, from);
  g_auto(GStrv) lines = NULL;

  if (start == NULL)
    g_error ("no “%s” in the document", from);
  lines = g_strsplit (start, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = sp_test_squeeze_spaces (lines[i]);

      if (g_str_has_prefix (line, label))
        return g_steal_pointer (&line);
    }
  g_error ("no line beginning “%s” after “%s”", label, from);
}

/* An amount as the documents' tables show it: whole kronor, rounded half away from zero. */
/* Whether a line after @from begins with @label and holds @needle
 * (squeezed): for a label that begins more than one line. */
static gboolean
has_line (const char *text,
          const char *from,
          const char *label,
          const char *needle)
{
  const char *start = strstr (text, from);
  g_auto(GStrv) lines = NULL;

  assert_non_null (start);
  lines = g_strsplit (start, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = sp_test_squeeze_spaces (lines[i]);

      if (g_str_has_prefix (line, label) && strstr (line, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static char *
money (SpMoney amount)
{
  SpMoney kr = (amount >= 0 ? amount + 50 : amount - 50) / 100 * 100;
  g_autofree char *text = sp_money_format (kr, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
  return sp_test_squeeze_spaces (text);
}

/* Whether @line holds the amounts, in this order, separated by spaces. */
static void
assert_amounts (const char *line,
                guint       n,
                ...)
{
  va_list args;
  const char *at = line;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      SpMoney amount = va_arg (args, SpMoney);
      g_autofree char *text = money (amount);
      g_autofree char *cell = g_strconcat (" ", text, NULL);
      const char *hit = strstr (at, cell);

      if (hit == NULL)
        g_error ("“%s” has no %s (amount %u)", line, text, i + 1);
      at = hit + strlen (cell);
    }
  va_end (args);
}

/* A deviation in per cent of the budget's size, as the follow-up page shows
 * it ("−3,4 %"), computed here in floating point; "" where the budget is 0. */
static char *
percent (SpMoney deviation,
         SpMoney budget)
{
  double x;
  long long tenths;

  if (budget == 0)
    return g_strdup ("");
  x = 1000.0 * (double) deviation / (double) ABS (budget);
  tenths = (long long) (x + (x >= 0 ? 0.5 : -0.5));
  /* Thousands apart, by a space once squeezed. */
  if (llabs (tenths) >= 10000)
    return g_strdup_printf ("%s%lld %03lld,%lld %%", tenths < 0 ? "−" : "", llabs (tenths) / 10000,
                            llabs (tenths) / 10 % 1000, llabs (tenths) % 10);
  return g_strdup_printf ("%s%lld,%lld %%", tenths < 0 ? "−" : "", llabs (tenths) / 10, llabs (tenths) % 10);
}

/* Whether @line holds the amount @deviation followed by its @budget's share. */
static void
assert_deviation_percent (const char *line,
                          SpMoney     deviation,
                          SpMoney     budget)
{
  g_autofree char *amount = money (deviation);
  g_autofree char *share = percent (deviation, budget);
  g_autofree char *cells = g_strdup_printf (" %s %s", amount, share);

  if (strstr (line, cells) == NULL)
    g_error ("“%s” has not “%s”", line, cells);
}

static char *
write_pdf (Fixture      *f,
           SpReportKind  kind,
           guint         through_month,
           SpReport    **out_report)
{
  g_autofree char *path = g_build_filename (f->dir, kind == SP_REPORT_KIND_ANNUAL ? "vb.pdf"
                                                  : kind == SP_REPORT_KIND_PLAN ? "plan.pdf" : "dr.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReport) report = NULL;
  SpReportOptions options;

  sp_report_options_init (&options, SP_EXAMPLE_YEAR);
  options.kind = kind;
  options.through_month = through_month;
  report = sp_report_new (f->db, &options, &error);
  assert_null (error);
  assert_true (sp_report_write_pdf (report, path, &error));
  assert_null (error);
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return sp_test_pdf_text (path);
}

/* The budget of a line in the months 1…@through: its year budget times the
 * share of its months in the period, to whole öre. */
static SpMoney
period_budget (SpMoney budget,
               guint   months,
               guint   through)
{
  guint in_period = 0, all = 0;

  for (guint m = 0; m < 12; m++)
    if (months & (1u << m))
      {
        all++;
        if (m < through)
          in_period++;
      }
  return (SpMoney) (budget * (double) in_period / all + (budget >= 0 ? 0.5 : -0.5));
}

typedef struct {
  SpMoney year_budget;
  SpMoney period_budget;
  SpMoney actual;
  SpMoney forecast;
  gboolean revenue;
} AreaSums;

/* An area's sums, from the budget lines, their spreads and forecasts and
 * the monthly actuals, by SQL. */
static AreaSums
area_sums (Fixture *f,
           gint64   area_id,
           guint    through)
{
  AreaSums sums = { 0 };
  sqlite3_stmt *stmt = NULL;
  const char *sql =
    "SELECT budget_line.budget, coalesce (u.months, 4095), coalesce (u.forecast, budget_line.budget),"
    "       account.kind = 'revenue'"
    " FROM budget_line JOIN account ON account.number = budget_line.account"
    " LEFT JOIN budget_line_follow_up u ON u.line_id = budget_line.id"
    " WHERE budget_line.year = 2009 AND budget_line.area_id = ?";

  assert_int_equal (sqlite3_prepare_v2 (f->sql, sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, area_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SpMoney budget = sqlite3_column_int64 (stmt, 0);

      sums.year_budget += budget;
      sums.period_budget += period_budget (budget, (guint) sqlite3_column_int (stmt, 1), through);
      sums.forecast += sqlite3_column_int64 (stmt, 2);
      sums.revenue = sqlite3_column_int (stmt, 3);
    }
  sqlite3_finalize (stmt);
  sums.actual = query_int (f, "SELECT coalesce (sum (amount), 0) FROM actual_month"
                              " WHERE year = 2009 AND month <= %u AND area_id = %" G_GINT64_FORMAT, through, area_id);
  return sums;
}

static SpMoney
deviation (gboolean revenue,
           SpMoney  budget,
           SpMoney  actual)
{
  return revenue ? actual - budget : budget - actual;
}

/* The largest id of the example's areas of 2009 (they are numbered from 1). */
static gint64
n_areas (Fixture *f)
{
  return query_int (f, "SELECT max (a.id) FROM area a JOIN area_group g ON g.id = a.group_id WHERE g.year = 2009");
}

/* The first word of an area's name: what its row begins with when the name wraps. */
static char *
area_name (Fixture *f,
           gint64   id)
{
  g_autofree char *name = query_text (f, "SELECT name FROM area WHERE id = %" G_GINT64_FORMAT, id);

  return g_strndup (name, strcspn (name, " "));
}

/* ---- Tests --------------------------------------------------------------- */

/* Every area's period budget, actual, deviation, forecast and the forecast's
 * deviation; the totals and the result; every project's payout; the comments. */
static void
check_interim (Fixture *f,
               guint    through)
{
  g_autoptr(SpReport) report = NULL;
  g_autofree char *text = write_pdf (f, SP_REPORT_KIND_INTERIM, through, &report);
  g_autofree char *all = sp_test_squeeze_spaces (text);
  const char *chapter = "Budget och utfall per verksamhetsområde";
  guint month = sp_report_get_through_month (report);
  SpMoney revenue[3] = { 0 }, costs[3] = { 0 };

  if (through != 0)
    assert_int_equal (month, through);
  else
    assert_int_equal (month, query_int (f, "SELECT max (month) FROM actual_month WHERE year = 2009"));
  for (gint64 id = 1; id <= n_areas (f); id++)
    {
      AreaSums s = area_sums (f, id, month);
      g_autofree char *name = area_name (f, id);
      g_autofree char *line = line_with (text, chapter, name);

      assert_amounts (line, 5, s.period_budget, s.actual, deviation (s.revenue, s.period_budget, s.actual),
                      s.forecast, deviation (s.revenue, s.year_budget, s.forecast));
      assert_deviation_percent (line, deviation (s.revenue, s.period_budget, s.actual), s.period_budget);
      (s.revenue ? revenue : costs)[0] += s.period_budget;
      (s.revenue ? revenue : costs)[1] += s.actual;
      (s.revenue ? revenue : costs)[2] += s.forecast;
    }
  /* The members' contributions, derived from the frame: the state's half and
   * the region's and the municipalities' quarters, each spread evenly. */
  {
    g_autofree char *line = line_with (text, chapter, "Medlemsavgifter");
    SpMoney frame = query_int (f, "SELECT frame FROM plan_year WHERE year = 2009");
    SpMoney parts[3] = {
      frame * query_int (f, "SELECT share_state FROM plan_year WHERE year = 2009") / 10000,
      frame * query_int (f, "SELECT share_region FROM plan_year WHERE year = 2009") / 10000,
      frame * query_int (f, "SELECT share_municipalities FROM plan_year WHERE year = 2009") / 10000,
    };
    SpMoney period = 0, year = 0;

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        period += period_budget (parts[i], 4095, month);
        year += parts[i];
      }
    assert_amounts (line, 5, period, (SpMoney) 0, -period, year, (SpMoney) 0);
    revenue[0] += period;
    revenue[2] += year;
  }
  /* The actual the ledger gave without an area, on an account two lines share. */
  {
    SpMoney unallocated = query_int (f, "SELECT coalesce (sum (amount), 0) FROM actual_month"
                                        " WHERE year = 2009 AND month <= %u AND area_id IS NULL", month);
    g_autofree char *line = line_with (text, chapter, "Inte på");

    assert_amounts (line, 2, (SpMoney) 0, unallocated);
    costs[1] += unallocated;
  }
  {
    g_autofree char *line = line_with (text, chapter, "Summa intäkter");
    assert_amounts (line, 3, revenue[0], revenue[1], deviation (TRUE, revenue[0], revenue[1]));
    assert_deviation_percent (line, deviation (TRUE, revenue[0], revenue[1]), revenue[0]);
  }
  {
    g_autofree char *line = line_with (text, chapter, "Summa kostnader");
    assert_amounts (line, 3, costs[0], costs[1], deviation (FALSE, costs[0], costs[1]));
    assert_deviation_percent (line, deviation (FALSE, costs[0], costs[1]), costs[0]);
  }
  {
    g_autofree char *line = line_with (text, chapter, "Resultat (");
    SpMoney budget = revenue[0] - costs[0], actual = revenue[1] - costs[1];
    assert_amounts (line, 4, budget, actual, actual - budget, revenue[2] - costs[2]);
    assert_deviation_percent (line, actual - budget, budget);
  }

  /* Every project that runs in the year: granted and paid through the month. */
  for (gint64 id = 1; id <= 8; id++)
    {
      g_autofree char *label = project_label (f, id);
      SpMoney granted = query_int (f, "SELECT coalesce (sum (amount), 0) FROM project_grant"
                                      " WHERE year = 2009 AND project_id = %" G_GINT64_FORMAT, id);
      SpMoney paid = query_int (f, "SELECT coalesce (sum (amount), 0) FROM actual_month WHERE year = 2009"
                                   " AND month <= %u AND project_id = %" G_GINT64_FORMAT, month, id);
      g_autofree char *line = line_with (text, "Utbetalningar till projekten\n", label);

      assert_amounts (line, 3, granted, paid, granted - paid);
      if (paid > granted)
        assert_non_null (strstr (all, "(mer utbetalt än beviljat)"));
    }
  assert_non_null (strstr (all, "Året följer i stort sett budgeten."));
  assert_non_null (strstr (all, "Kansliet hade en vakans under våren."));
  assert_non_null (strstr (all, "Resam betalades ut i förskott."));
}

static void
test_interim (void **state)
{
  Fixture *f = *state;

  check_interim (f, 4);
  check_interim (f, 8);
  /* Through the last month with actuals (October). */
  check_interim (f, 0);
}

/* The title says the period; a year without actuals has none to default to. */
static void
test_interim_title (void **state)
{
  Fixture *f = *state;
  g_autofree char *text = write_pdf (f, SP_REPORT_KIND_INTERIM, 8, NULL);
  g_autofree char *all = sp_test_squeeze_spaces (text);
  g_autoptr(GError) error = NULL;
  SpReportOptions options;
  char *message = NULL;

  assert_non_null (strstr (all, "Delårsrapport januari–augusti 2009"));
  assert_non_null (strstr (all, "Utfall till och med augusti 2009"));
  assert_null (strstr (all, "Utkast"));

  assert_int_equal (sqlite3_exec (f->sql, "DELETE FROM actual_month; DELETE FROM actual", NULL, NULL, &message),
                    SQLITE_OK);
  sp_report_options_init (&options, SP_EXAMPLE_YEAR);
  options.kind = SP_REPORT_KIND_INTERIM;
  assert_null (sp_report_new (f->db, &options, &error));
  assert_true (g_error_matches (error, SP_REPORT_ERROR, SP_REPORT_ERROR_NO_ACTUALS));
  assert_non_null (strstr (error->message, "inga utfall för 2009"));
}

static const char *
status_label (const char *status)
{
  if (g_str_equal (status, "achieved"))
    return "Uppnått";
  if (g_str_equal (status, "partly_achieved"))
    return "Delvis uppnått";
  if (g_str_equal (status, "not_achieved"))
    return "Ej uppnått";
  return "Ej bedömt";
}

/* Every goal with its target, status and comment; every area's year budget,
 * actual and deviation; every project's granted and paid and participants;
 * every member's contribution. */
static void
test_annual (void **state)
{
  Fixture *f = *state;
  g_autofree char *text = write_pdf (f, SP_REPORT_KIND_ANNUAL, 0, NULL);
  g_autofree char *all = sp_test_squeeze_spaces (text);
  const char *at;
  sqlite3_stmt *stmt = NULL;
  guint n_goals = 0;

  assert_non_null (strstr (all, "Verksamhetsberättelse 2009"));
  assert_null (strstr (all, "Utkast"));

  /* The goals, in the plan's order (strategic first), each with its status. */
  at = strstr (all, "Mål och måluppfyllelse");
  assert_non_null (at);
  at = strstr (at + 1, "Mål och måluppfyllelse");
  assert_non_null (at);
  assert_int_equal (sqlite3_prepare_v2 (f->sql,
                                        "SELECT text, target_value, follow_up_status, follow_up_comment FROM goal"
                                        " WHERE year = 2009 AND project_id IS NULL"
                                        " ORDER BY kind = 'measurable', position, id", -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *goal = sp_test_squeeze_spaces ((const char *) sqlite3_column_text (stmt, 0));
      g_autofree char *target = sp_test_squeeze_spaces ((const char *) sqlite3_column_text (stmt, 1));
      g_autofree char *status = g_strdup_printf ("Uppföljningsstatus: %s",
                                                 status_label ((const char *) sqlite3_column_text (stmt, 2)));
      g_autofree char *comment = g_strdup_printf ("Kommentar: %s", sqlite3_column_text (stmt, 3));

      at = strstr (at, goal);
      if (at == NULL)
        g_error ("the goal “%s” is missing or out of order", goal);
      if (target[0] != '\0')
        assert_non_null (at = strstr (at, target));
      at = strstr (at, status);
      if (at == NULL)
        g_error ("the goal “%s” has not “%s” after it", goal, status);
      assert_non_null (at = strstr (at, comment));
      n_goals++;
    }
  sqlite3_finalize (stmt);
  assert_true (n_goals >= 4);
  assert_int_equal (query_int (f, "SELECT count (DISTINCT follow_up_status) FROM goal WHERE year = 2009"), 4);

  for (gint64 id = 1; id <= n_areas (f); id++)
    {
      AreaSums s = area_sums (f, id, 12);
      g_autofree char *name = area_name (f, id);
      g_autofree char *line = line_with (text, "Budget och utfall\n", name);

      assert_amounts (line, 3, s.year_budget, s.actual, deviation (s.revenue, s.year_budget, s.actual));
      assert_deviation_percent (line, deviation (s.revenue, s.year_budget, s.actual), s.year_budget);
    }

  for (gint64 id = 1; id <= 8; id++)
    {
      g_autofree char *label = project_label (f, id);
      SpMoney granted = query_int (f, "SELECT coalesce (sum (amount), 0) FROM project_grant"
                                      " WHERE year = 2009 AND project_id = %" G_GINT64_FORMAT, id);
      SpMoney paid = query_int (f, "SELECT coalesce (sum (amount), 0) FROM actual_month WHERE year = 2009"
                                   " AND project_id = %" G_GINT64_FORMAT, id);
      g_autofree char *line = line_with (text, "Beviljat och utbetalt", label);
      g_autofree char *first_word = g_strndup (label, strcspn (label, " "));
      gint64 women = query_int (f, "SELECT women FROM project_participants WHERE year = 2009 AND planned = 0"
                                   " AND project_id = %" G_GINT64_FORMAT, id);

      assert_amounts (line, 3, granted, paid, granted - paid);
      if (women > 0)
        {
          g_autofree char *counts = g_strdup_printf (
            " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
            " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, women,
            query_int (f, "SELECT men FROM project_participants WHERE year = 2009 AND planned = 0"
                          " AND project_id = %" G_GINT64_FORMAT, id),
            query_int (f, "SELECT age_16_29 FROM project_participants WHERE year = 2009 AND planned = 0"
                          " AND project_id = %" G_GINT64_FORMAT, id),
            query_int (f, "SELECT age_30_plus FROM project_participants WHERE year = 2009 AND planned = 0"
                          " AND project_id = %" G_GINT64_FORMAT, id),
            query_int (f, "SELECT to_work FROM project_participants WHERE year = 2009 AND planned = 0"
                          " AND project_id = %" G_GINT64_FORMAT, id),
            query_int (f, "SELECT to_studies FROM project_participants WHERE year = 2009 AND planned = 0"
                          " AND project_id = %" G_GINT64_FORMAT, id),
            query_int (f, "SELECT to_self_sufficiency FROM project_participants WHERE year = 2009 AND planned = 0"
                          " AND project_id = %" G_GINT64_FORMAT, id));
          if (!has_line (text, "Deltagare\n", first_word, counts))
            g_error ("no line of “%s” has the participants “%s”", first_word, counts);
        }
    }
  assert_non_null (strstr (all, "försörjning"));
  assert_non_null (strstr (all, "Kansliet hade en vakans under våren."));
}

/* The plan's budget beside last year, which has no plan: its Budget and
 * Utfall columns of the revenue, the derived contributions, are empty, not 0,
 * and so is the result there; once last year's actuals are imported on the
 * contributions' account, its Utfall shows them. */
static void
test_plan_without_last_year (void **state)
{
  Fixture *f = *state;
  g_autofree char *text = NULL;
  g_autofree char *revenue = NULL;
  g_autofree char *result = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *frames = NULL;
  SpMoney costs_budget = query_int (f, "SELECT sum (l.previous_budget) FROM budget_line l JOIN account a"
                                       " ON a.number = l.account WHERE l.year = 2009 AND a.kind = 'cost'");
  SpMoney costs_actual = query_int (f, "SELECT sum (l.previous_actual) FROM budget_line l JOIN account a"
                                       " ON a.number = l.account WHERE l.year = 2009 AND a.kind = 'cost'");
  SpMoney received = 190000000;
  char *message = NULL;

  assert_int_equal (query_int (f, "SELECT count (*) FROM plan_year WHERE year = 2008"), 0);
  assert_true (costs_budget > 0 && costs_actual > 0);
  {
    g_autofree char *f0 = money (query_int (f, "SELECT frame FROM plan_year WHERE year = 2009"));
    g_autofree char *f1 = money (query_int (f, "SELECT frame_plan1 FROM plan_year WHERE year = 2009"));
    g_autofree char *f2 = money (query_int (f, "SELECT frame_plan2 FROM plan_year WHERE year = 2009"));

    frames = g_strdup_printf ("%s %s %s", f0, f1, f2);
  }

  text = write_pdf (f, SP_REPORT_KIND_PLAN, 0, NULL);
  revenue = line_with (text, "Budgetpost", "Summa intäkter");
  expected = g_strdup_printf ("Summa intäkter %s", frames);
  assert_string_equal (revenue, expected);
  result = line_with (text, "Budgetpost", "Resultat (");
  {
    g_autofree char *minus_budget = money (-costs_budget);
    g_autofree char *minus_actual = money (-costs_actual);

    if (strstr (result, minus_budget) != NULL || strstr (result, minus_actual) != NULL)
      g_error ("“%s”: a result for 2008, which has no revenue", result);
  }

  if (sqlite3_exec (f->sql, "INSERT INTO actual (year, account, amount) VALUES (2008, 3510, 190000000)",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&revenue, g_free);
  g_clear_pointer (&result, g_free);
  g_clear_pointer (&expected, g_free);
  text = write_pdf (f, SP_REPORT_KIND_PLAN, 0, NULL);
  revenue = line_with (text, "Budgetpost", "Summa intäkter");
  {
    g_autofree char *actual = money (received);

    expected = g_strdup_printf ("Summa intäkter %s %s", actual, frames);
  }
  assert_string_equal (revenue, expected);
  result = line_with (text, "Budgetpost", "Resultat (");
  assert_amounts (result, 1, received - costs_actual);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_interim, setup, teardown),
    cmocka_unit_test_setup_teardown (test_interim_title, setup, teardown),
    cmocka_unit_test_setup_teardown (test_annual, setup, teardown),
    cmocka_unit_test_setup_teardown (test_plan_without_last_year, setup, teardown),
  };

  /* The documents are in Swedish, as the board reads them. */
  g_setenv ("LANGUAGE", "sv", TRUE);
  g_setenv ("SOURCE_DATE_EPOCH", "1228000000", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return cmocka_run_group_tests_name ("report-follow-up", tests, NULL, NULL);
}
