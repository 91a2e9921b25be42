/* sp-migrations.c: the numbered steps of the schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Append a step to add a table or a column; never change a step that has been
 * released. HACKING.md says how.
 */
#include "config.h"

#include "sp-database-private.h"
#include "sp-markdown.h"

static const SpMigration migrations[] = {
  { 1,
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ") STRICT;" },
  { 2,
    "CREATE TABLE association ("
    "  id            INTEGER PRIMARY KEY CHECK (id = 1),"
    "  name          TEXT NOT NULL DEFAULT '',"
    "  org_number    TEXT NOT NULL DEFAULT '',"
    "  address       TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "INSERT INTO association (id) VALUES (1);" },
  /* The förbund's domain: members, years, the plan, the budget, the portfolio.
   * Money is whole öre (INTEGER); NULL is "not set", kept apart from 0.
   * Shares and percentages are hundredths of a percent (10000 = 100 %). */
  { 3,
    "CREATE TABLE member ("
    "  id             INTEGER PRIMARY KEY,"
    "  name           TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  kind           TEXT NOT NULL CHECK (kind IN ('state', 'region', 'municipality')),"
    "  pays_own_share INTEGER NOT NULL DEFAULT 1 CHECK (pays_own_share IN (0, 1)),"
    "  population     INTEGER CHECK (population >= 0),"
    "  from_year      INTEGER CHECK (from_year BETWEEN 1990 AND 2100),"
    "  to_year        INTEGER CHECK (to_year BETWEEN 1990 AND 2100),"
    "  position       INTEGER NOT NULL DEFAULT 0,"
    "  CHECK (to_year IS NULL OR from_year IS NULL OR to_year >= from_year)"
    ") STRICT;"

    "CREATE TABLE plan_year ("
    "  year                 INTEGER PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),"
    "  status               TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted')),"
    "  decision_date        TEXT,"
    "  decision_paragraph   TEXT NOT NULL DEFAULT '',"
    "  frame                INTEGER CHECK (frame >= 0),"
    "  frame_plan1          INTEGER CHECK (frame_plan1 >= 0),"
    "  frame_plan2          INTEGER CHECK (frame_plan2 >= 0),"
    "  equity_used          INTEGER,"
    "  share_state          INTEGER NOT NULL DEFAULT 5000 CHECK (share_state BETWEEN 0 AND 10000),"
    "  share_region         INTEGER NOT NULL DEFAULT 2500 CHECK (share_region BETWEEN 0 AND 10000),"
    "  share_municipalities INTEGER NOT NULL DEFAULT 2500 CHECK (share_municipalities BETWEEN 0 AND 10000),"
    "  allocation_key       TEXT NOT NULL DEFAULT 'population'"
    "                       CHECK (allocation_key IN ('population', 'percentage', 'fixed')),"
    "  CHECK (share_state + share_region + share_municipalities = 10000)"
    ") STRICT;"

    /* A member's key for a year: its agreed percentage of the municipal part,
     * or its fixed amount, when the year's key says so. */
    "CREATE TABLE member_key ("
    "  id         INTEGER PRIMARY KEY,"
    "  member_id  INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
    "  year       INTEGER NOT NULL REFERENCES plan_year (year) ON DELETE CASCADE,"
    "  percentage INTEGER CHECK (percentage BETWEEN 0 AND 10000),"
    "  amount     INTEGER CHECK (amount >= 0),"
    "  UNIQUE (member_id, year)"
    ") STRICT;"

    "CREATE TABLE board_member ("
    "  id        INTEGER PRIMARY KEY,"
    "  member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
    "  year      INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
    "  name      TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  role      TEXT NOT NULL CHECK (role IN ('ordinary', 'deputy')),"
    "  office    TEXT NOT NULL DEFAULT 'none' CHECK (office IN ('none', 'chair', 'vice-chair')),"
    "  position  INTEGER NOT NULL DEFAULT 0"
    ") STRICT;"
    "CREATE INDEX board_member_year ON board_member (year, member_id);"

    "CREATE TABLE section ("
    "  id       INTEGER PRIMARY KEY,"
    "  year     INTEGER NOT NULL REFERENCES plan_year (year) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  title    TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 200),"
    "  body     TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE INDEX section_year ON section (year, position);"

    /* Activity areas in two levels; "lineage" follows an area (or a target
     * group) from year to year when a year is started from the one before. */
    "CREATE TABLE area_group ("
    "  id       INTEGER PRIMARY KEY,"
    "  year     INTEGER NOT NULL REFERENCES plan_year (year) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  name     TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  lineage  INTEGER"
    ") STRICT;"
    "CREATE INDEX area_group_year ON area_group (year, position);"

    "CREATE TABLE area ("
    "  id       INTEGER PRIMARY KEY,"
    "  group_id INTEGER NOT NULL REFERENCES area_group (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL DEFAULT 0,"
    "  name     TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  lineage  INTEGER"
    ") STRICT;"
    "CREATE INDEX area_group_position ON area (group_id, position);"

    "CREATE TABLE target_group ("
    "  id          INTEGER PRIMARY KEY,"
    "  year        INTEGER NOT NULL REFERENCES plan_year (year) ON DELETE CASCADE,"
    "  position    INTEGER NOT NULL DEFAULT 0,"
    "  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  description TEXT NOT NULL DEFAULT '',"
    "  lineage     INTEGER"
    ") STRICT;"
    "CREATE INDEX target_group_year ON target_group (year, position);"

    "CREATE TABLE account ("
    "  number INTEGER PRIMARY KEY CHECK (number BETWEEN 100 AND 999999),"
    "  name   TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  kind   TEXT NOT NULL CHECK (kind IN ('revenue', 'cost'))"
    ") STRICT;"

    "CREATE TABLE budget_line ("
    "  id              INTEGER PRIMARY KEY,"
    "  year            INTEGER NOT NULL REFERENCES plan_year (year) ON DELETE CASCADE,"
    "  area_id         INTEGER NOT NULL REFERENCES area (id),"
    "  account         INTEGER NOT NULL REFERENCES account (number),"
    "  position        INTEGER NOT NULL DEFAULT 0,"
    "  text            TEXT NOT NULL DEFAULT '',"
    "  budget          INTEGER CHECK (abs (budget) <= 1000000000000),"
    "  plan1           INTEGER CHECK (abs (plan1) <= 1000000000000),"
    "  plan2           INTEGER CHECK (abs (plan2) <= 1000000000000),"
    "  previous_budget INTEGER CHECK (abs (previous_budget) <= 1000000000000),"
    "  previous_actual INTEGER CHECK (abs (previous_actual) <= 1000000000000),"
    "  comment         TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "CREATE INDEX budget_line_year ON budget_line (year, position);"
    "CREATE INDEX budget_line_area ON budget_line (area_id, position);"
    "CREATE INDEX budget_line_account ON budget_line (account);"

    "CREATE TABLE project ("
    "  id                   INTEGER PRIMARY KEY,"
    "  name                 TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
    "  short_name           TEXT NOT NULL DEFAULT '',"
    "  kind                 TEXT NOT NULL DEFAULT 'project' CHECK (kind IN ('project', 'initiative')),"
    "  description          TEXT NOT NULL DEFAULT '',"
    "  owner_id             INTEGER REFERENCES member (id) ON DELETE SET NULL,"
    "  contact              TEXT NOT NULL DEFAULT '',"
    "  area_id              INTEGER REFERENCES area (id) ON DELETE SET NULL,"
    "  priority             INTEGER CHECK (priority IN (1, 2, 3)),"
    "  status               TEXT NOT NULL DEFAULT 'application'"
    "                       CHECK (status IN ('application', 'granted', 'rejected', 'ongoing',"
    "                                         'finished', 'implemented')),"
    "  start_date           TEXT,"
    "  end_date             TEXT,"
    "  planned_participants INTEGER CHECK (planned_participants >= 0),"
    "  results              TEXT NOT NULL DEFAULT '',"
    "  self_evaluation_done INTEGER NOT NULL DEFAULT 0 CHECK (self_evaluation_done IN (0, 1)),"
    "  external_assessor    TEXT NOT NULL DEFAULT '',"
    "  report_date          TEXT,"
    "  evaluation           TEXT NOT NULL DEFAULT '',"
    "  archived             INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
    "  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)"
    ") STRICT;"

    "CREATE TABLE project_decision ("
    "  id         INTEGER PRIMARY KEY,"
    "  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
    "  date       TEXT NOT NULL,"
    "  paragraph  TEXT NOT NULL DEFAULT '',"
    "  text       TEXT NOT NULL DEFAULT '',"
    "  status     TEXT CHECK (status IN ('application', 'granted', 'rejected', 'ongoing',"
    "                                    'finished', 'implemented'))"
    ") STRICT;"
    "CREATE INDEX project_decision_project ON project_decision (project_id, date);"

    "CREATE TABLE project_target_group ("
    "  id              INTEGER PRIMARY KEY,"
    "  project_id      INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
    "  target_group_id INTEGER NOT NULL REFERENCES target_group (id) ON DELETE CASCADE,"
    "  UNIQUE (project_id, target_group_id)"
    ") STRICT;"

    "CREATE TABLE project_grant ("
    "  id         INTEGER PRIMARY KEY,"
    "  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
    "  year       INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
    "  amount     INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 1000000000000),"
    "  UNIQUE (project_id, year)"
    ") STRICT;"
    "CREATE INDEX project_grant_year ON project_grant (year);"

    "CREATE TABLE project_cofunding ("
    "  id         INTEGER PRIMARY KEY,"
    "  project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
    "  member_id  INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
    "  year       INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
    "  amount     INTEGER NOT NULL CHECK (amount BETWEEN 0 AND 1000000000000),"
    "  in_kind    INTEGER NOT NULL DEFAULT 0 CHECK (in_kind IN (0, 1)),"
    "  UNIQUE (project_id, member_id, year, in_kind)"
    ") STRICT;"

    /* Participants of a year: planned = 1 is the application's plan. */
    "CREATE TABLE project_participants ("
    "  id          INTEGER PRIMARY KEY,"
    "  project_id  INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,"
    "  year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
    "  planned     INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),"
    "  women       INTEGER NOT NULL DEFAULT 0 CHECK (women >= 0),"
    "  men         INTEGER NOT NULL DEFAULT 0 CHECK (men >= 0),"
    "  age_16_29   INTEGER NOT NULL DEFAULT 0 CHECK (age_16_29 >= 0),"
    "  age_30_plus INTEGER NOT NULL DEFAULT 0 CHECK (age_30_plus >= 0),"
    "  to_work     INTEGER NOT NULL DEFAULT 0 CHECK (to_work >= 0),"
    "  to_studies  INTEGER NOT NULL DEFAULT 0 CHECK (to_studies >= 0),"
    "  to_self_sufficiency INTEGER NOT NULL DEFAULT 0 CHECK (to_self_sufficiency >= 0),"
    "  UNIQUE (project_id, year, planned)"
    ") STRICT;"

    "CREATE TABLE goal ("
    "  id           INTEGER PRIMARY KEY,"
    "  year         INTEGER REFERENCES plan_year (year) ON DELETE CASCADE,"
    "  project_id   INTEGER REFERENCES project (id) ON DELETE CASCADE,"
    "  position     INTEGER NOT NULL DEFAULT 0,"
    "  kind         TEXT NOT NULL CHECK (kind IN ('strategic', 'measurable')),"
    "  text         TEXT NOT NULL CHECK (length (text) BETWEEN 1 AND 2000),"
    "  indicator    TEXT NOT NULL DEFAULT '',"
    "  target_value TEXT NOT NULL DEFAULT '',"
    "  outcome      TEXT NOT NULL DEFAULT '',"
    "  area_id      INTEGER REFERENCES area (id) ON DELETE SET NULL,"
    "  CHECK (year IS NOT NULL OR project_id IS NOT NULL)"
    ") STRICT;"
    "CREATE INDEX goal_year ON goal (year, position);"
    "CREATE INDEX goal_project ON goal (project_id);"
    "CREATE INDEX goal_area ON goal (area_id);"
    "CREATE INDEX project_area ON project (area_id);"
    "CREATE INDEX project_owner ON project (owner_id);"

    /* A year once adopted keeps its plan and budget until it is re-opened:
     * the core refuses such edits with a clear message first, and these
     * triggers make sure nothing else (an undo, a forgotten check) can. Only
     * a goal's outcome may change, since follow-up comes after adoption. */
#define SP_LOCK(table, year_of_old, year_of_new) \
    "CREATE TRIGGER " table "_locked_insert BEFORE INSERT ON " table \
    "  WHEN (SELECT status FROM plan_year WHERE year = " year_of_new ") = 'adopted'" \
    "  BEGIN SELECT RAISE (ABORT, 'year adopted'); END;" \
    "CREATE TRIGGER " table "_locked_delete BEFORE DELETE ON " table \
    "  WHEN (SELECT status FROM plan_year WHERE year = " year_of_old ") = 'adopted'" \
    "  BEGIN SELECT RAISE (ABORT, 'year adopted'); END;"
#define SP_LOCK_UPDATE(table, year_of_old, changed) \
    "CREATE TRIGGER " table "_locked_update BEFORE UPDATE ON " table \
    "  WHEN (SELECT status FROM plan_year WHERE year = " year_of_old ") = 'adopted' AND (" changed ")" \
    "  BEGIN SELECT RAISE (ABORT, 'year adopted'); END;"
    SP_LOCK ("section", "OLD.year", "NEW.year")
    SP_LOCK_UPDATE ("section", "OLD.year", "1")
    SP_LOCK ("budget_line", "OLD.year", "NEW.year")
    SP_LOCK_UPDATE ("budget_line", "OLD.year", "1")
    SP_LOCK ("area_group", "OLD.year", "NEW.year")
    SP_LOCK_UPDATE ("area_group", "OLD.year", "1")
    SP_LOCK ("area", "(SELECT year FROM area_group WHERE id = OLD.group_id)",
             "(SELECT year FROM area_group WHERE id = NEW.group_id)")
    SP_LOCK_UPDATE ("area", "(SELECT year FROM area_group WHERE id = OLD.group_id)", "1")
    SP_LOCK ("target_group", "OLD.year", "NEW.year")
    SP_LOCK_UPDATE ("target_group", "OLD.year", "1")
    SP_LOCK ("goal", "OLD.year", "NEW.year")
    SP_LOCK_UPDATE ("goal", "OLD.year",
                    "NEW.year IS NOT OLD.year OR NEW.project_id IS NOT OLD.project_id"
                    " OR NEW.position IS NOT OLD.position OR NEW.kind IS NOT OLD.kind"
                    " OR NEW.text IS NOT OLD.text OR NEW.indicator IS NOT OLD.indicator"
                    " OR NEW.target_value IS NOT OLD.target_value OR NEW.area_id IS NOT OLD.area_id")
#undef SP_LOCK
#undef SP_LOCK_UPDATE
    "CREATE TRIGGER plan_year_locked BEFORE UPDATE OF frame, frame_plan1, frame_plan2, equity_used,"
    "  share_state, share_region, share_municipalities, allocation_key ON plan_year"
    "  WHEN OLD.status = 'adopted' AND NEW.status = 'adopted'"
    "  AND (NEW.frame IS NOT OLD.frame OR NEW.frame_plan1 IS NOT OLD.frame_plan1"
    "       OR NEW.frame_plan2 IS NOT OLD.frame_plan2 OR NEW.equity_used IS NOT OLD.equity_used"
    "       OR NEW.share_state IS NOT OLD.share_state OR NEW.share_region IS NOT OLD.share_region"
    "       OR NEW.share_municipalities IS NOT OLD.share_municipalities"
    "       OR NEW.allocation_key IS NOT OLD.allocation_key)"
    "  BEGIN SELECT RAISE (ABORT, 'year adopted'); END;"

    /* A year's goal linked to a project outlives the project; only the
     * project's own goals (without a year) go with it. */
    "CREATE TRIGGER project_unlink_goals BEFORE DELETE ON project BEGIN"
    "  UPDATE goal SET project_id = NULL WHERE project_id = OLD.id AND year IS NOT NULL;"
    "END;"

    "INSERT INTO account (number, name, kind) VALUES"
    "  (3000, 'Försäljning av verksamhet och konsulttjänster', 'revenue'),"
    "  (3510, 'Driftbidrag från staten (Försäkringskassan)', 'revenue'),"
    "  (3520, 'Driftbidrag från region', 'revenue'),"
    "  (3530, 'Driftbidrag från kommuner', 'revenue'),"
    "  (3590, 'Övriga bidrag', 'revenue'),"
    "  (3810, 'Ränteintäkter', 'revenue'),"
    "  (4010, 'Köp av huvudverksamhet', 'cost'),"
    "  (4600, 'Köp av tjänster', 'cost'),"
    "  (5010, 'Arvoden till förtroendevalda', 'cost'),"
    "  (5110, 'Löner till anställda', 'cost'),"
    "  (5410, 'Sociala avgifter', 'cost'),"
    "  (5810, 'Utbildning och konferenser', 'cost'),"
    "  (6100, 'Lokalhyror', 'cost'),"
    "  (6410, 'Förbrukningsmaterial', 'cost'),"
    "  (6550, 'Resor och transporter', 'cost'),"
    "  (6910, 'Tele- och IT-kommunikation', 'cost'),"
    "  (7010, 'Konsulttjänster och utredningar', 'cost'),"
    "  (7150, 'Revision', 'cost'),"
    "  (7310, 'Ekonomitjänster', 'cost'),"
    "  (7610, 'Informationsinsatser', 'cost'),"
    "  (7900, 'Övriga kostnader', 'cost');" },
  /* Actuals imported from the accounting system (SIE), per year and account,
   * and the mapping of accounting accounts that are not in the budget. */
  { 4,
    "CREATE TABLE actual ("
    "  id      INTEGER PRIMARY KEY,"
    "  year    INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
    "  account INTEGER NOT NULL REFERENCES account (number),"
    "  amount  INTEGER NOT NULL CHECK (abs (amount) <= 1000000000000),"
    "  UNIQUE (year, account)"
    ") STRICT;"
    "CREATE INDEX actual_account ON actual (account);"
    "CREATE TABLE sie_account_map ("
    "  id          INTEGER PRIMARY KEY,"
    "  sie_account TEXT NOT NULL UNIQUE CHECK (length (sie_account) BETWEEN 1 AND 20),"
    "  account     INTEGER REFERENCES account (number) ON DELETE CASCADE"
    ") STRICT;"
    "CREATE INDEX sie_account_map_account ON sie_account_map (account);" },
  /* A group without activity areas carries budget lines through one hidden
   * area of its own ("implicit"), made with its first line: budget lines
   * keep one area each, so totals, exports and the SIE mapping stay as
   * they are. Lists of areas leave it out. */
  { 5,
    "ALTER TABLE area ADD COLUMN implicit INTEGER NOT NULL DEFAULT 0 CHECK (implicit IN (0, 1));"
    "CREATE UNIQUE INDEX area_implicit ON area (group_id) WHERE implicit = 1;" },
  /* What each member was to pay when the board adopted a year: kept as it
   * was, whatever members and populations do later, until the year is
   * re-opened. A row keeps the member's name, since members can go. */
  { 6,
    "CREATE TABLE adopted_contribution ("
    "  id             INTEGER PRIMARY KEY,"
    "  year           INTEGER NOT NULL REFERENCES plan_year (year) ON DELETE CASCADE,"
    "  position       INTEGER NOT NULL,"
    "  member_id      INTEGER REFERENCES member (id) ON DELETE SET NULL,"
    "  name           TEXT NOT NULL,"
    "  kind           TEXT NOT NULL CHECK (kind IN ('state', 'region', 'municipality')),"
    "  pays_own_share INTEGER NOT NULL CHECK (pays_own_share IN (0, 1)),"
    "  from_year      INTEGER,"
    "  to_year        INTEGER,"
    "  key_value      INTEGER,"
    "  amount         INTEGER,"
    "  amount_plan1   INTEGER,"
    "  amount_plan2   INTEGER,"
    "  UNIQUE (year, position)"
    ") STRICT;"
    "CREATE INDEX adopted_contribution_member ON adopted_contribution (member_id);"
    /* How the members are invoiced: the number of instalments a year, their
     * due dates ("MM-DD,MM-DD"), and what the invoice says besides. */
    "CREATE TABLE invoicing ("
    "  id          INTEGER PRIMARY KEY CHECK (id = 1),"
    "  instalments INTEGER NOT NULL DEFAULT 1 CHECK (instalments IN (1, 2, 4)),"
    "  due_dates   TEXT NOT NULL DEFAULT '01-31',"
    "  payment     TEXT NOT NULL DEFAULT '',"
    "  reference   TEXT NOT NULL DEFAULT '',"
    "  contact     TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "INSERT INTO invoicing (id) VALUES (1);" },
  /* Section bodies become CommonMark: each stored plain text is escaped so
   * that it reads exactly as before (sp_markdown_escape ()), adopted years
   * too, whose lock is lifted for this step only. */
  { 7,
    "DROP TRIGGER section_locked_update;"
    "UPDATE section SET body = sp_markdown_escape (body) WHERE body <> '';"
    "CREATE TRIGGER section_locked_update BEFORE UPDATE ON section"
    "  WHEN (SELECT status FROM plan_year WHERE year = OLD.year) = 'adopted' AND (1)"
    "  BEGIN SELECT RAISE (ABORT, 'year adopted'); END;" },
  /* The document the board adopts: which generated chapters it holds and
   * where they stand among the sections (sp-document-outline.c; '' is the
   * default order), and the closing line with place, date and signer. The
   * förbund's logo for its title page: a PNG file in base64, in a table of
   * its own (the undo log keeps rows as JSON, which holds no BLOB, and
   * edits of the förbund's name need not copy the image). */
  { 8,
    "ALTER TABLE plan_year ADD COLUMN document_outline TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE plan_year ADD COLUMN closing_place TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE plan_year ADD COLUMN closing_date TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE plan_year ADD COLUMN closing_signer TEXT NOT NULL DEFAULT '';"
    "CREATE TRIGGER plan_year_document_locked BEFORE UPDATE OF document_outline, closing_place,"
    "  closing_date, closing_signer ON plan_year"
    "  WHEN OLD.status = 'adopted' AND NEW.status = 'adopted'"
    "  AND (NEW.document_outline IS NOT OLD.document_outline OR NEW.closing_place IS NOT OLD.closing_place"
    "       OR NEW.closing_date IS NOT OLD.closing_date OR NEW.closing_signer IS NOT OLD.closing_signer)"
    "  BEGIN SELECT RAISE (ABORT, 'year adopted'); END;"
    "CREATE TABLE association_logo ("
    "  id  INTEGER PRIMARY KEY CHECK (id = 1),"
    "  png TEXT NOT NULL"
    ") STRICT;" },
  /* Following the year up. The ledger's actuals per month (from its period
   * balances or its dated vouchers), with the activity area and the project
   * its objects stand for (NULL: the ledger did not say); the table `actual`
   * stays the year's sum per account. What a ledger object (a dimension and
   * a code) stands for: an area, by its lineage across the years
   * (coalesce (area.lineage, area.id)), or a project; neither: left out. A
   * ledger account may also stand for a project. Per budget line, the months
   * its budget falls in (a bit per month, January the lowest; all twelve:
   * evenly) and the forecast for the year (NULL: the budget). A goal's
   * follow-up status and comment, an area's comment and the year's, which may
   * all change after the year is adopted, as a goal's outcome may. */
  { 9,
    "CREATE TABLE actual_month ("
    "  id         INTEGER PRIMARY KEY,"
    "  year       INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),"
    "  month      INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),"
    "  account    INTEGER NOT NULL REFERENCES account (number),"
    "  area_id    INTEGER REFERENCES area (id) ON DELETE SET NULL,"
    "  project_id INTEGER REFERENCES project (id) ON DELETE SET NULL,"
    "  amount     INTEGER NOT NULL CHECK (abs (amount) <= 1000000000000)"
    ") STRICT;"
    "CREATE INDEX actual_month_year ON actual_month (year, month, account);"
    "CREATE INDEX actual_month_account ON actual_month (account);"
    "CREATE INDEX actual_month_area ON actual_month (area_id);"
    "CREATE INDEX actual_month_project ON actual_month (project_id);"
    "CREATE TABLE sie_object_map ("
    "  id           INTEGER PRIMARY KEY,"
    "  dimension    INTEGER NOT NULL CHECK (dimension BETWEEN 1 AND 999),"
    "  object       TEXT NOT NULL CHECK (length (object) BETWEEN 1 AND 40),"
    "  area_lineage INTEGER,"
    "  project_id   INTEGER REFERENCES project (id) ON DELETE CASCADE,"
    "  CHECK (area_lineage IS NULL OR project_id IS NULL),"
    "  UNIQUE (dimension, object)"
    ") STRICT;"
    "CREATE INDEX sie_object_map_project ON sie_object_map (project_id);"
    "ALTER TABLE sie_account_map ADD COLUMN project_id INTEGER REFERENCES project (id) ON DELETE SET NULL;"
    "CREATE INDEX sie_account_map_project ON sie_account_map (project_id);"
    "CREATE TABLE budget_line_follow_up ("
    "  line_id  INTEGER PRIMARY KEY REFERENCES budget_line (id) ON DELETE CASCADE,"
    "  months   INTEGER NOT NULL DEFAULT 4095 CHECK (months BETWEEN 1 AND 4095),"
    "  forecast INTEGER CHECK (abs (forecast) <= 1000000000000)"
    ") STRICT;"
    "ALTER TABLE goal ADD COLUMN follow_up_status TEXT NOT NULL DEFAULT 'not_assessed'"
    "  CHECK (follow_up_status IN ('achieved', 'partly_achieved', 'not_achieved', 'not_assessed'));"
    "ALTER TABLE goal ADD COLUMN follow_up_comment TEXT NOT NULL DEFAULT ''"
    "  CHECK (length (follow_up_comment) <= 4000);"
    "CREATE TABLE area_follow_up ("
    "  area_id INTEGER PRIMARY KEY REFERENCES area (id) ON DELETE CASCADE,"
    "  comment TEXT NOT NULL DEFAULT '' CHECK (length (comment) <= 4000)"
    ") STRICT;"
    "ALTER TABLE plan_year ADD COLUMN follow_up_comment TEXT NOT NULL DEFAULT ''"
    "  CHECK (length (follow_up_comment) <= 4000);" },
  /* The förbund's own projects (a koordinationsprojekt run by the office):
   * the förbund itself owns them, never a member as well. */
  { 10,
    "ALTER TABLE project ADD COLUMN owned_by_association INTEGER NOT NULL DEFAULT 0"
    "  CHECK (owned_by_association IN (0, 1) AND (owned_by_association = 0 OR owner_id IS NULL));" },
  /* The members' contributions are the budget's revenue, derived from the
   * frame (sp-budget-revenue.c): the revenue account of each kind of payer.
   * NULL is "no account"; the chart's own accounts where it has them. */
  { 11,
    "ALTER TABLE association ADD COLUMN revenue_account_state INTEGER REFERENCES account (number);"
    "ALTER TABLE association ADD COLUMN revenue_account_region INTEGER REFERENCES account (number);"
    "ALTER TABLE association ADD COLUMN revenue_account_municipalities INTEGER REFERENCES account (number);"
    "UPDATE association SET"
    "  revenue_account_state = (SELECT number FROM account WHERE number = 3510 AND kind = 'revenue'),"
    "  revenue_account_region = (SELECT number FROM account WHERE number = 3520 AND kind = 'revenue'),"
    "  revenue_account_municipalities = (SELECT number FROM account WHERE number = 3530 AND kind = 'revenue');" },
};

/* The C functions that steps call in their SQL. */

static void
markdown_escape_sql (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *escaped = sp_markdown_escape (text);

  sqlite3_result_text (context, escaped, -1, g_free);
}

static int
register_functions (sqlite3                           *db,
                    char                             **message,
                    const struct sqlite3_api_routines *api)
{
  return sqlite3_create_function (db, "sp_markdown_escape", 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                  NULL, markdown_escape_sql, NULL, NULL);
}

const SpMigration *
sp_migrations_get (guint *n_steps)
{
  static gsize registered = 0;

  /* Every connection opened from now on has the functions the steps call
   * (the runner opens the file after asking for the steps). */
  if (g_once_init_enter (&registered))
    {
      sqlite3_auto_extension ((void (*) (void)) register_functions);
      g_once_init_leave (&registered, 1);
    }
  *n_steps = G_N_ELEMENTS (migrations);
  return migrations;
}
