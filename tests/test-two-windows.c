/* test-two-windows.c: two Samplans on one file, seen from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application on a file another Samplan has open (the question, and
 * each answer), a window that shows what another connection wrote, and a
 * window whose edit meets another program's lock: it stays responsive, keeps
 * what was typed and stores it once the lock is gone; and its undo, which
 * refuses to overwrite the other one's change. Runs in Swedish. With
 * SP_TWO_WINDOWS_SCREENSHOT=FILE.png, saves a picture of the question.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <string.h>
#include <unistd.h>

#include "sp-budget-line.h"
#include "sp-database-private.h"
#include "sp-example.h"
#include "sp-presence.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-budget-cell.h"
#include "ui/sp-budget-row.h"
#include "ui/sp-window.h"

typedef struct {
  char *dir;
  char *path;
  char *lock;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(SpDatabase) db = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "delad.db", NULL);
  f->lock = sp_presence_path_for (f->path);
  db = sp_example_create (f->path, NULL);
  assert_non_null (db);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->lock);
  g_free (f);
  return 0;
}

static void
run_app (const char        *file,
         SpTestGuiAppCheck  check,
         gpointer           data)
{
  SpTestGuiAppRun run = sp_test_gui_run_app (file, check, data);

  assert_false (run.timed_out);
  assert_true (run.checked);
  assert_int_equal (run.status, 0);
}

static void
write_presence (Fixture    *f,
                const char *host,
                gint64      pid)
{
  g_autofree char *comm = NULL;
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/self/comm", &comm, NULL, NULL))
    comm = g_strdup ("");
  g_strstrip (comm);
  text = g_strdup_printf ("[Samplan]\nUser=berit\nRealName=Berit Ek\nHost=%s\nPid=%" G_GINT64_FORMAT
                          "\nProgram=%s\nSince=2026-12-05T14:30:00Z\n", host, pid, comm);
  assert_true (g_file_set_contents (f->lock, text, -1, NULL));
}

static char *
lock_host (Fixture *f)
{
  g_autoptr(SpPresence) presence = sp_presence_read (f->path);

  return presence != NULL ? g_strdup (sp_presence_get_host (presence)) : NULL;
}

/* ---- Open elsewhere ----------------------------------------------------- */

static gboolean
dialog_shown (gpointer data)
{
  return sp_test_gui_find_dialog () != NULL;
}

static AdwMessageDialog *
expect_question (gboolean other_host)
{
  AdwMessageDialog *dialog;
  const char *body;

  sp_test_gui_wait_until (dialog_shown, NULL, "the question whether to open the file");
  dialog = sp_test_gui_find_dialog ();
  assert_string_equal (adw_message_dialog_get_heading (dialog), "Filen är öppen på annat håll");
  body = adw_message_dialog_get_body (dialog);
  assert_non_null (strstr (body, "”delad.db” är öppen i Samplan för Berit Ek (berit)"));
  assert_non_null (strstr (body, "sedan 5 december 2026 kl. 14.30"));
  assert_true (adw_message_dialog_has_response (dialog, "read-only"));
  assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  assert_string_equal (adw_message_dialog_get_response_label (dialog, "read-only"), "Öppna _skrivskyddad");
  assert_string_equal (adw_message_dialog_get_response_label (dialog, "cancel"), "_Avbryt");
  assert_int_equal (adw_message_dialog_has_response (dialog, "anyway"), other_host);
  if (g_getenv ("SP_TWO_WINDOWS_SCREENSHOT") != NULL)
    sp_test_gui_wait_for_paint (GTK_WIDGET (dialog));
  if (g_getenv ("SP_TWO_WINDOWS_SCREENSHOT") != NULL)
    sp_test_gui_save_png (GTK_WIDGET (dialog), g_getenv ("SP_TWO_WINDOWS_SCREENSHOT"));
  if (other_host)
    {
      assert_non_null (strstr (body, "på datorn ”kansli-pc”"));
      assert_string_equal (adw_message_dialog_get_response_label (dialog, "anyway"), "Öppna _ändå");
    }
  return dialog;
}

static gboolean
no_dialog (gpointer data)
{
  return sp_test_gui_find_dialog () == NULL;
}

/* Clicks the response's button, as the user would: it answers and closes. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  GtkWidget *button = sp_test_gui_find_button (GTK_WIDGET (dialog),
                                               adw_message_dialog_get_response_label (dialog, response));

  assert_non_null (button);
  gtk_widget_activate (button);
  sp_test_gui_wait_until (no_dialog, NULL, "the question closed");
}

static gboolean
window_has_database (gpointer data)
{
  return sp_window_get_database (SP_WINDOW (data)) != NULL;
}

static void
check_answer_read_only (GtkWindow *window,
                        gpointer   data)
{
  Fixture *f = data;
  AdwMessageDialog *dialog = expect_question (TRUE);
  g_autofree char *host = NULL;
  SpDatabase *db;

  /* Nothing is open until the user answered. */
  assert_null (sp_window_get_database (SP_WINDOW (window)));
  answer (dialog, "read-only");
  sp_test_gui_wait_until (window_has_database, window, "the file opened read-only");
  db = sp_window_get_database (SP_WINDOW (window));
  assert_true (sp_database_is_read_only (db));
  assert_string_equal (sp_database_get_path (db), f->path);
  host = lock_host (f);
  assert_string_equal (host, "kansli-pc");
}

static void
test_open_elsewhere_read_only (void **state)
{
  Fixture *f = *state;
  g_autofree char *host = NULL;

  write_presence (f, "kansli-pc", 4242);
  run_app (f->path, check_answer_read_only, f);
  host = lock_host (f);
  assert_string_equal (host, "kansli-pc");
}

static void
check_answer_anyway (GtkWindow *window,
                     gpointer   data)
{
  Fixture *f = data;
  AdwMessageDialog *dialog = expect_question (TRUE);
  g_autofree char *host = NULL;

  answer (dialog, "anyway");
  sp_test_gui_wait_until (window_has_database, window, "the file opened anyway");
  assert_false (sp_database_is_read_only (sp_window_get_database (SP_WINDOW (window))));
  host = lock_host (f);
  assert_string_equal (host, g_get_host_name ());
}

static void
test_open_elsewhere_anyway (void **state)
{
  Fixture *f = *state;

  write_presence (f, "kansli-pc", 4242);
  run_app (f->path, check_answer_anyway, f);
}

/* The other Samplan runs on this computer: it is not to be taken over. */
static void
check_same_host (GtkWindow *window,
                 gpointer   data)
{
  AdwMessageDialog *dialog = expect_question (FALSE);

  assert_false (adw_message_dialog_has_response (dialog, "anyway"));
  answer (dialog, "read-only");
  sp_test_gui_wait_until (window_has_database, window, "the file opened read-only");
  assert_true (sp_database_is_read_only (sp_window_get_database (SP_WINDOW (window))));
}

static void
test_open_elsewhere_same_host (void **state)
{
  Fixture *f = *state;

  write_presence (f, g_get_host_name (), getpid ());
  run_app (f->path, check_same_host, f);
}

/* A Samplan that was killed: its presence is taken over without a word. */
static void
check_no_question (GtkWindow *window,
                   gpointer   data)
{
  Fixture *f = data;
  g_autoptr(SpPresence) presence = sp_presence_read (f->path);

  if (sp_test_gui_find_dialog () != NULL)
    fail_msg ("a dialog: %s — %s", adw_message_dialog_get_heading (sp_test_gui_find_dialog ()),
              adw_message_dialog_get_body (sp_test_gui_find_dialog ()));
  assert_non_null (sp_window_get_database (SP_WINDOW (window)));
  assert_false (sp_database_is_read_only (sp_window_get_database (SP_WINDOW (window))));
  assert_non_null (presence);
  assert_int_equal (sp_presence_get_pid (presence), getpid ());
}

static void
test_open_stale_presence (void **state)
{
  Fixture *f = *state;

  /* no process has so high a pid */
  write_presence (f, g_get_host_name (), G_MAXINT);
  run_app (f->path, check_no_question, f);
  /* Closing the window released it. */
  assert_false (g_file_test (f->lock, G_FILE_TEST_EXISTS));
}

/* ---- The window and another connection ---------------------------------- */

static gboolean
is_line_entry (GtkWidget *widget)
{
  SpBudgetCell *cell = SP_BUDGET_CELL (widget);
  SpBudgetRow *row = sp_budget_cell_get_row (cell);

  return gtk_widget_get_mapped (widget) && row != NULL &&
         sp_budget_row_get_kind (row) == SP_BUDGET_ROW_LINE &&
         sp_budget_cell_get_column (cell) == SP_BUDGET_COLUMN_BUDGET &&
         gtk_widget_get_visible (GTK_WIDGET (sp_budget_cell_get_entry (cell)));
}

typedef struct {
  GtkWidget  *window;
  gint64      line;
  const char *text;
  SpDatabase *other;
} Watch;

static SpBudgetCell *
find_line_cell (GtkWidget *root,
                gint64     line)
{
  if (SP_IS_BUDGET_CELL (root) && is_line_entry (root) &&
      (line == 0 || sp_budget_row_get_id (sp_budget_cell_get_row (SP_BUDGET_CELL (root))) == line))
    return SP_BUDGET_CELL (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      SpBudgetCell *found = find_line_cell (c, line);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The amount cell of the line watched (the first line shown, at first). */
static SpBudgetCell *
line_cell (Watch *w)
{
  return find_line_cell (w->window, w->line);
}

static gboolean
cell_found (gpointer data)
{
  return line_cell (data) != NULL;
}

static gboolean
cell_shows (gpointer data)
{
  Watch *w = data;
  SpBudgetCell *cell = line_cell (w);

  return cell != NULL && g_strcmp0 (sp_budget_cell_get_text (cell), w->text) == 0;
}

static gboolean
toast_told (gpointer data)
{
  return sp_test_gui_find_label (data, "Ett annat program ändrade filen. Det som visas är uppdaterat.") != NULL;
}

static SpMoney
stored_budget (SpDatabase *db,
               gint64      line)
{
  g_autoptr(SpBudgetLine) loaded = sp_budget_line_load (db, line, NULL);

  assert_non_null (loaded);
  return sp_budget_line_get_amount (loaded, SP_BUDGET_COLUMN_BUDGET);
}

static gboolean
stored_4711 (gpointer data)
{
  Watch *w = data;

  return stored_budget (w->other, w->line) == 4711 * SP_MONEY_ORE_PER_KR;
}

static gboolean
error_cleared (gpointer data)
{
  SpBudgetCell *cell = line_cell (data);

  return cell != NULL && !gtk_widget_has_css_class (GTK_WIDGET (sp_budget_cell_get_entry (cell)), "error");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

static void
check_changed_elsewhere (GtkWindow *window,
                         gpointer   data)
{
  Fixture *f = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) other = sp_database_open (f->path, SP_DATABASE_OPEN_EXISTING, &error);
  SpDatabase *db = sp_window_get_database (SP_WINDOW (window));
  Watch w = { GTK_WIDGET (window), 0, NULL, other };
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  SpBudgetCell *cell;
  GtkEditable *entry;

  assert_non_null (other);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget"));
  sp_test_gui_wait_until (cell_found, &w, "a budget line's cell");
  cell = line_cell (&w);
  w.line = sp_budget_row_get_id (sp_budget_cell_get_row (cell));

  /* Another Samplan changes the amount: this window shows it, by itself. */
  assert_true (sp_budget_line_set_amount (other, w.line, SP_BUDGET_COLUMN_BUDGET,
                                          98765 * SP_MONEY_ORE_PER_KR, &error));
  assert_null (error);
  w.text = expected = sp_money_format (98765 * SP_MONEY_ORE_PER_KR, SP_MONEY_UNIT_KR,
                                       SP_MONEY_FORMAT_EXACT | SP_MONEY_FORMAT_NO_UNIT);
  sp_test_gui_wait_until (cell_shows, &w, "the other connection's amount in the window");
  sp_test_gui_wait_until (toast_told, window, "the toast that says the file changed");

  /* Another program holds the write lock: the window waits only briefly... */
  assert_true (sp_test_query_int (db, "PRAGMA busy_timeout") <= 1000);
  assert_true (sp_database_begin (other, &error));
  assert_true (sp_database_exec (other, "UPDATE member SET population = population", &error));

  /* ...keeps what was typed, says why in Swedish... */
  cell = line_cell (&w);
  entry = sp_budget_cell_get_entry (cell);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "4711");
  assert_false (sp_budget_cell_commit (cell));
  assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  assert_non_null (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)),
                           "Filen är upptagen av ett annat program"));
  sp_test_gui_run_for (300);
  cell = line_cell (&w);
  assert_string_equal (sp_budget_cell_get_text (cell), "4711");
  assert_int_equal (stored_budget (other, w.line), 98765 * SP_MONEY_ORE_PER_KR);

  /* ...and stores it once the lock is gone. */
  sp_database_rollback (other);
  sp_test_gui_wait_until (stored_4711, &w, "the typed amount stored after the lock");
  sp_test_gui_wait_until (error_cleared, &w, "the cell without the busy message");
  shown = sp_money_format (4711 * SP_MONEY_ORE_PER_KR, SP_MONEY_UNIT_KR,
                           SP_MONEY_FORMAT_EXACT | SP_MONEY_FORMAT_NO_UNIT);
  assert_string_equal (sp_budget_cell_get_text (line_cell (&w)), shown);

  /* The other Samplan changes the line's comment; Ctrl+Z here would have
   * put the whole old line back. It refuses, and both changes stay. */
  assert_true (sp_budget_line_set_comment (other, w.line, "Ändrat i den andra", &error));
  assert_null (error);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  {
    AdwMessageDialog *dialog = sp_test_gui_find_dialog ();
    g_autoptr(SpBudgetLine) loaded = sp_budget_line_load (other, w.line, NULL);

    assert_non_null (dialog);
    assert_string_equal (adw_message_dialog_get_heading (dialog), "Kan inte ångra");
    assert_non_null (strstr (adw_message_dialog_get_body (dialog),
                             "kan inte ångras: ett annat program har ändrat samma uppgifter sedan dess. "
                             "Ingenting ändrades."));
    assert_string_equal (sp_budget_line_get_comment (loaded), "Ändrat i den andra");
    assert_int_equal (sp_budget_line_get_amount (loaded, SP_BUDGET_COLUMN_BUDGET), 4711 * SP_MONEY_ORE_PER_KR);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* What is being typed and not stored yet is newer than the other's change. */
  {
    guint seen = 0;
    gulong id = g_signal_connect_swapped (db, "changed-elsewhere", G_CALLBACK (count_cb), &seen);

    gtk_editable_set_text (sp_budget_cell_get_entry (line_cell (&w)), "555");
    assert_true (sp_budget_line_set_amount (other, w.line, SP_BUDGET_COLUMN_BUDGET,
                                            1 * SP_MONEY_ORE_PER_KR, &error));
    sp_test_gui_wait_until (counted, &seen, "the window noticing the other's change");
    sp_test_gui_spin ();
    assert_string_equal (sp_budget_cell_get_text (line_cell (&w)), "555");
    g_signal_handler_disconnect (db, id);
  }
}

static void
test_changed_elsewhere_and_busy (void **state)
{
  Fixture *f = *state;

  run_app (f->path, check_changed_elsewhere, f);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_open_elsewhere_read_only, setup, teardown),
    cmocka_unit_test_setup_teardown (test_open_elsewhere_anyway, setup, teardown),
    cmocka_unit_test_setup_teardown (test_open_elsewhere_same_host, setup, teardown),
    cmocka_unit_test_setup_teardown (test_open_stale_presence, setup, teardown),
    cmocka_unit_test_setup_teardown (test_changed_elsewhere_and_busy, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("two-windows", tests, NULL, NULL);
}
