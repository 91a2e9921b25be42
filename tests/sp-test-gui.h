/* sp-test-gui.h: the one fixture of the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GUI test does one of two things:
 *
 * - a page alone: sp_test_gui_start_page() puts a page (SpMembersPage, …) in
 *   a window on a copy of the example förbund in a temporary folder, shows
 *   it and returns once the window has painted its first frame;
 *   sp_test_gui_stop() closes every window and removes the folder:
 *
 *     static int
 *     setup (void **state)
 *     {
 *       *state = sp_test_gui_start_page (sp_members_page_new (), 800, 900);
 *       return 0;
 *     }
 *
 *     static int
 *     teardown (void **state)
 *     {
 *       sp_test_gui_stop (*state);
 *       return 0;
 *     }
 *
 *     int
 *     main (void)
 *     {
 *       … tests …
 *       if (!sp_test_gui_init ())
 *         return 1;
 *       return cmocka_run_group_tests_name ("members-page", tests, NULL, NULL);
 *     }
 *
 * - the real application: sp_test_gui_run_app() runs SpApplication as
 *   `samplan [FILE]` would and calls a check on its SpWindow once it has
 *   painted its first frame.
 *
 * Never wait for a time: wait for what the time was for, with
 * sp_test_gui_wait_until(). Its bound is generous (60 s times
 * SAMPLAN_TEST_TIMEOUT_MULTIPLIER) and it fails naming what it waited for.
 * The GUI tests run in Swedish, under Xvfb (see HACKING.md, Tests).
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-test-util.h"

G_BEGIN_DECLS

/* How long a wait may take at most, in seconds, before the multiplier. */
#define SP_TEST_GUI_WAIT_SECONDS 60

typedef struct {
  char       *dir;      /* the temporary folder, removed by sp_test_gui_stop() */
  char       *path;     /* the example database in it */
  SpDatabase *db;       /* open on @path; the page's "database" */
  GtkWindow  *window;   /* the window the page is in */
  GtkWidget  *overlay;  /* an AdwToastOverlay around the page, the window's child */
  GtkWidget  *page;     /* the page given to sp_test_gui_start_page() */
} SpTestGui;

/* Set-up and tear-down. */

/* Swedish (LANGUAGE=sv, sv_SE.UTF-8), the translations of the build, GTK and
 * libadwaita. FALSE, after saying why, when the locale is missing. */
gboolean   sp_test_gui_init          (void);
/* @page (floating or not) in a @width × @height window on a new copy of the
 * example, with "database" and "year" (SP_EXAMPLE_YEAR) set; returns once a
 * frame has been painted. */
SpTestGui *sp_test_gui_start_page    (GtkWidget  *page,
                                      int         width,
                                      int         height);
/* Destroys every toplevel (dialogs too), closes the database, removes the folder. */
void       sp_test_gui_stop          (SpTestGui  *gui);

typedef void (*SpTestGuiAppCheck) (GtkWindow *window,
                                   gpointer   data);

typedef struct {
  gboolean timed_out;   /* no first frame within the bound */
  gboolean checked;     /* the check ran on the window */
  int      status;      /* what g_application_run() returned */
} SpTestGuiAppRun;

/* Runs the real SpApplication with @file (NULL: the default database) and
 * calls @check with its SpWindow after the first frame; the application quits
 * when @check returns. Each run has an application id of its own. */
SpTestGuiAppRun sp_test_gui_run_app  (const char        *file,
                                      SpTestGuiAppCheck  check,
                                      gpointer           data);

/* The main loop. */

typedef gboolean (*SpTestGuiCondition) (gpointer data);

/* Runs what is pending (layout, idles, signals) until nothing is, a few times over. */
void       sp_test_gui_spin          (void);
/* Iterates the main context until @condition (@data) holds; fails the test
 * with "timed out waiting for @what" after the bound. */
void       sp_test_gui_wait_until    (SpTestGuiCondition  condition,
                                      gpointer            data,
                                      const char         *what);
/* Queues a redraw of @widget's window and waits until a frame is painted. */
void       sp_test_gui_wait_for_paint (GtkWidget         *widget);
/* Lets the main loop run for @ms milliseconds (sleeping in poll, not
 * spinning), then spins: for what must NOT happen in that time. Never use it
 * to wait for something that should happen: use sp_test_gui_wait_until(). */
void       sp_test_gui_run_for       (guint               ms);

/* Renders @widget's window as it is now into the PNG file @path; FALSE when
 * that fails. For pictures on request, never for a check. */
gboolean   sp_test_gui_save_png      (GtkWidget          *widget,
                                      const char         *path);

/* Finding widgets. Each returns NULL when there is none. */

/* The last visible toplevel of @type (GTK_TYPE_WINDOW: any). */
GtkWidget *sp_test_gui_find_toplevel (GType               type);
/* The visible AdwMessageDialog. */
AdwMessageDialog *sp_test_gui_find_dialog (void);
/* The first widget of @type under @root (depth first, @root too). */
GtkWidget *sp_test_gui_find_widget   (GtkWidget          *root,
                                      GType               type);
/* The same, of those for which @match is TRUE. */
GtkWidget *sp_test_gui_find_widget_matching (GtkWidget   *root,
                                             GType        type,
                                             gboolean   (*match) (GtkWidget *widget));
/* The GtkButton under @root whose label is @label. */
GtkWidget *sp_test_gui_find_button   (GtkWidget          *root,
                                      const char         *label);
/* The GtkLabel under @root (@root too) whose text is exactly @text, shown or not. */
GtkWidget *sp_test_gui_find_label    (GtkWidget          *root,
                                      const char         *text);
/* The widget under @root with the widget name @name (`name` in a .ui file). */
GtkWidget *sp_test_gui_find_named    (GtkWidget          *root,
                                      const char         *name);
/* The shown labels under @root (@root too) that a user cannot read whole:
 * past the right edge of their window (a column scrolled off), cut short
 * with "…" (pango_layout_is_ellipsized ()) or wrapped inside a word
 * ("Verksamhetsområ-de"). One line each, naming the label's text and
 * what is wrong, in the order of the tree; an empty array when every label
 * is whole. A label not mapped or without text is skipped. */
GPtrArray *sp_test_gui_find_cut_labels (GtkWidget        *root);
/* The template child @name of @widget of @type; fails the test when missing. */
gpointer   sp_test_gui_child         (gpointer            widget,
                                      GType               type,
                                      const char         *name);

G_END_DECLS
