/* bench-floor.c: the start-up floor, a minimal libadwaita application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench times it against Samplan. An AdwApplication
 * whose activate shows one AdwApplicationWindow (a header bar and a
 * status page, so that the first frame draws text, as Samplan's does) and
 * quits on the frame clock's first after-paint when
 * SAMPLAN_QUIT_AFTER_FIRST_FRAME is set, exactly as Samplan
 * (src/app/sp-application.c) does, with the same window size and, like
 * Samplan, a unique application (it registers on the session bus).
 * What Samplan adds to this is its own.
 */
#include <adwaita.h>

static void
on_after_paint_cb (GdkFrameClock  *frame_clock,
                   GApplication   *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, app);
  g_application_quit (app);
}

static void
on_window_realize_cb (GtkWidget    *window,
                      GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint_cb), app, 0);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Floor");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  if (g_getenv ("SAMPLAN_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize_cb), app, 0);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.samplan.BenchFloor",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
