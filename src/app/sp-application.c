/* sp-application.c: the application: actions, command line, opening databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-cli.h"

#include "sp-association.h"
#include "sp-database.h"
#include "sp-example.h"
#include "ui/sp-message.h"
#include "sp-open-elsewhere.h"
#include "ui/sp-widget-util.h"
#include "ui/sp-window.h"

struct _SpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SpOpenAs        open_as;   /* the user's answer being acted on; see sp-open-elsewhere.h */
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

/* Set to quit once the first window has drawn its first frame (benchmarks). */
#define QUIT_AFTER_FIRST_FRAME_ENV "SAMPLAN_QUIT_AFTER_FIRST_FRAME"

static SpWindow *
find_window_for_path (SpApplication *self,
                      const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      SpDatabase *database;

      if (!SP_IS_WINDOW (l->data))
        continue;
      database = sp_window_get_database (l->data);
      if (database != NULL && g_strcmp0 (sp_database_get_path (database), path) == 0)
        return l->data;
    }
  return NULL;
}

/* The check after opening found the file damaged: the window that shows it
 * says so instead, as if the file had been refused at once, and Samplan
 * does not open it again by itself next time. */
static void
on_damaged_cb (SpDatabase    *database,
               GParamSpec    *pspec,
               SpApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");
  SpWindow *window = find_window_for_path (self, sp_database_get_path (database));

  if (sp_database_wait_checked (database, &error))
    return;
  g_printerr ("samplan: %s\n", error->message);
  if (g_strcmp0 (last, sp_database_get_path (database)) == 0)
    g_settings_set_string (self->settings, "last-database", "");
  if (window != NULL)
    sp_window_show_error (window, _("The database could not be opened"), error->message);
}

/* The check after opening found values no edit could make: say what and
 * where; the file stays open. */
static void
on_problems_cb (SpDatabase    *database,
                GParamSpec    *pspec,
                SpApplication *self)
{
  SpWindow *window = find_window_for_path (self, sp_database_get_path (database));
  const char *problems = sp_database_get_problems (database);

  if (problems == NULL)
    return;
  g_printerr ("samplan: %s\n", problems);
  if (window != NULL)
    sp_show_message (GTK_WINDOW (window), _("The database holds values that look damaged"),
                     problems);
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   SpApplication *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, self);
  g_application_quit (G_APPLICATION (self));
}

static void
on_window_realize_cb (GtkWidget     *window,
                      SpApplication *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_after_paint_cb), self, 0);
}

static SpWindow *
create_window (SpApplication *self,
               SpDatabase    *database)
{
  SpWindow *window = sp_window_new (GTK_APPLICATION (self), database, self->settings);

  if (g_getenv (QUIT_AFTER_FIRST_FRAME_ENV) != NULL)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize_cb), self, 0);

  return window;
}

/* A file to open again once the user answered whether to (sp-open-elsewhere.c). */
typedef struct {
  SpApplication *application;
  char          *path;
  GtkWindow     *window;
} OpenRequest;

static OpenRequest *
open_request_new (SpApplication *self,
                  const char    *path,
                  GtkWindow     *window)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->application = g_object_ref (self);
  request->path = g_strdup (path);
  g_set_weak_pointer (&request->window, window);
  return request;
}

static void
open_request_free (OpenRequest *request)
{
  g_clear_weak_pointer (&request->window);
  g_object_unref (request->application);
  g_free (request->path);
  g_free (request);
}

static void
on_open_elsewhere_answer_cb (SpOpenAs answer,
                             gpointer user_data)
{
  OpenRequest *request = user_data;

  if (answer != SP_OPEN_AS_CANCEL)
    {
      /* open_path() acts on the answer */
      request->application->open_as = answer;
      sp_application_open_path (request->application, request->path, request->window);
      request->application->open_as = SP_OPEN_AS_ASK;
    }
  else if (SP_IS_WINDOW (request->window) && sp_window_get_database (SP_WINDOW (request->window)) == NULL)
    gtk_window_destroy (request->window);  /* made only to ask over */

  open_request_free (request);
}

/**
 * sp_application_open_path:
 * @self: the application
 * @path: the database file; created when it does not exist
 * @from_window: (nullable): the window the user asked from; reused when it
 *   has no database open
 *
 * Opens @path in a window of its own, or presents the window that already
 * shows it. A file that cannot be opened is explained in a window, never
 * silently dropped.
 */
static void open_path (SpApplication       *self,
                       const char          *path,
                       GtkWindow           *from_window,
                       SpDatabaseOpenFlags  flags);

typedef struct {
  SpApplication *self;
  char          *path;
  GtkWindow     *from_window;
} EmptyFileQuestion;

static void
on_empty_file_response_cb (AdwMessageDialog  *dialog,
                           const char        *response,
                           EmptyFileQuestion *question)
{
  if (g_strcmp0 (response, "create") == 0)
    open_path (question->self, question->path, question->from_window,
               SP_DATABASE_OPEN_CHECK_LATER | SP_DATABASE_OPEN_EMPTY_IS_NEW);
  else if (SP_IS_WINDOW (question->from_window) &&
           sp_window_get_database (SP_WINDOW (question->from_window)) == NULL)
    {
      /* Nothing was opened, and the window has nothing else to show. */
      g_autofree char *name = g_filename_display_name (question->path);
      g_autofree char *message = g_strdup_printf (_("“%s” is empty (0 bytes) and was not opened. "
                                                     "The file was not changed."), name);

      sp_window_show_error (SP_WINDOW (question->from_window),
                            _("The database could not be opened"), message);
    }
  g_clear_object (&question->from_window);
  g_object_unref (question->self);
  g_free (question->path);
  g_free (question);
}

/* An empty file is not taken for a new database unasked: it may be a copy
 * that did not finish, or a file another program is still writing. */
static void
ask_about_empty_file (SpApplication *self,
                      const char    *path,
                      GtkWindow     *from_window)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("“%s” is empty"), name);
  EmptyFileQuestion *question = g_new0 (EmptyFileQuestion, 1);
  GtkWindow *parent = from_window;
  GtkWidget *dialog;

  if (parent == NULL)
    parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (parent == NULL)
    {
      parent = GTK_WINDOW (create_window (self, NULL));
      gtk_window_present (parent);
    }
  question->self = g_object_ref (self);
  question->path = g_strdup (path);
  question->from_window = g_object_ref (parent);

  dialog = adw_message_dialog_new (parent, heading,
                                   _("The file holds nothing (0 bytes): it may be a copy that did "
                                     "not finish. Start a new, empty database in it? Nothing is "
                                     "lost if you cancel."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("_Start a New Database"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_empty_file_response_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sp_application_open_path (SpApplication *self,
                          const char    *path,
                          GtkWindow     *from_window)
{
  open_path (self, path, from_window, SP_DATABASE_OPEN_CHECK_LATER);
}

static void
open_path (SpApplication       *self,
           const char          *path,
           GtkWindow           *from_window,
           SpDatabaseOpenFlags  flags)
{
  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  SpOpenAs how = self->open_as;
  g_autoptr(SpPresence) holder = NULL;
  SpPresence *presence = NULL;
  OpenRequest *request;
  GtkWindow *parent;
  SpWindow *window;

  window = find_window_for_path (self, canonical);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* A window with nothing in it yet (an error, or a new empty database) is reused. */
  if (SP_IS_WINDOW (from_window))
    {
      SpDatabase *shown = sp_window_get_database (SP_WINDOW (from_window));
      if (shown == NULL || sp_association_is_new (shown))
        window = SP_WINDOW (from_window);
    }

  /* Another Samplan may have the file open: ask first, and open it again
   * with the answer (on_open_elsewhere_answer_cb()). */
  holder = sp_presence_read (canonical);
  if (window == NULL && how == SP_OPEN_AS_ASK && holder != NULL && !sp_presence_is_stale (holder))
    {
      /* shown first, so that the question is above it */
      window = create_window (self, NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
  parent = window != NULL ? GTK_WINDOW (window) : from_window;
  request = open_request_new (self, canonical, parent);
  if (!sp_open_elsewhere_claim (canonical, how, parent, on_open_elsewhere_answer_cb, request,
                                &presence, &flags))
    return;
  open_request_free (request);

  /* The file's pages are checked while the window opens; a write waits
   * for the check, and a damaged file is reported by on_damaged_cb(). */
  database = sp_database_open (canonical, flags, &error);
  if (database == NULL && g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_EMPTY))
    {
      g_clear_object (&presence);
      ask_about_empty_file (self, canonical, window != NULL ? GTK_WINDOW (window) : from_window);
      return;
    }
  if (database == NULL)
    {
      g_clear_object (&presence);
      g_printerr ("samplan: %s\n", error->message);
      if (window == NULL)
        window = create_window (self, NULL);
      sp_window_show_error (window, _("The database could not be opened"), error->message);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  g_signal_connect_object (database, "notify::damaged", G_CALLBACK (on_damaged_cb), self, 0);
  g_signal_connect_object (database, "notify::problems", G_CALLBACK (on_problems_cb), self, 0);
  if (window == NULL)
    window = create_window (self, database);
  else
    sp_window_set_database (window, database);
  sp_open_elsewhere_attach (database, presence, GTK_WINDOW (window), G_APPLICATION (self));

  if (sp_database_get_migration_backup (database) != NULL)
    {
      g_autofree char *backup = g_filename_display_basename (sp_database_get_migration_backup (database));
      g_autofree char *message = g_strdup_printf (_("The database was upgraded. A copy of the old file was kept as “%s”."),
                                                  backup);
      sp_window_add_toast (window, message);
    }

  g_settings_set_string (self->settings, "last-database", canonical);
  gtk_window_present (GTK_WINDOW (window));

  /* Changes a damaged log lost: said before anything else is done. */
  if (sp_database_get_open_warning (database) != NULL)
    {
      g_printerr ("samplan: %s\n", sp_database_get_open_warning (database));
      sp_show_message (GTK_WINDOW (window), _("Saved changes are missing"),
                       sp_database_get_open_warning (database));
    }
  if (sp_database_get_problems (database) != NULL)
    on_problems_cb (database, NULL, self);
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SpApplication   *self)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sp_application_open_path (self, path, parent);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_database_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Samplan databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_filter_add_pattern (databases, "*.samplan");
  gtk_file_chooser_add_filter (chooser, databases);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
on_open_database_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Database"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_database_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_new_database_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;

  /* An existing file is opened, never overwritten: see sp_database_open(). */
  chooser = gtk_file_chooser_native_new (_("New Database"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the suggested file name of a new database */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Coordination association.db"));
  add_database_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The example lives beside the default database and is made on first use. */
static void
on_open_example_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Translators: the file name of the example database */
  g_autofree char *name = g_strdup_printf (_("Example %d.db"), SP_EXAMPLE_YEAR);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "samplan", name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpDatabase) example = sp_example_create (path, &error);

      if (example == NULL)
        {
          if (SP_IS_WINDOW (parent))
            sp_window_add_toast (SP_WINDOW (parent), error->message);
          g_printerr ("samplan: %s\n", error->message);
          return;
        }
    }
  sp_application_open_path (self, path, parent);
}

static void
on_about_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SpApplication *self = user_data;
  const char *developers[] = { _("The Samplan developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Samplan"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Samplan developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("The operational plan, budget and project portfolio of a "
                                   "coordination association (samordningsförbund), with Excel "
                                   "workbooks for its members."));
  adw_about_window_set_website (about, "https://github.com/samplan/samplan");
  adw_about_window_set_issue_url (about, "https://github.com/samplan/samplan/issues");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Samplan developers"));
  /* Translators: your names, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_quit_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SpApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows as the user would, so that they save their state. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;
      windows = windows->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "open-database", on_open_database_cb },
  { "new-database", on_new_database_cb },
  { "open-example", on_open_example_cb },
  { "about", on_about_cb },
  { "quit", on_quit_cb },
};

static void
sp_application_activate (GApplication *application)
{
  SpApplication *self = SP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* The file used last, while it is still there; else the default database. */
  last = g_settings_get_string (self->settings, "last-database");
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    path = g_steal_pointer (&last);
  else
    path = sp_database_get_default_path ();

  sp_application_open_path (self, path, NULL);
}

static void
sp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SpApplication *self = SP_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autofree char *message = g_strdup_printf (_("“%s” is not a local file. Samplan opens databases on this computer only."),
                                                      uri);
          SpWindow *window = create_window (self, NULL);

          g_printerr ("samplan: %s\n", message);
          sp_window_show_error (window, _("The database could not be opened"), message);
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      sp_application_open_path (self, path, NULL);
    }
}

/* samplan --create-example FILE.db: no window. */
static int
create_example (const char *path)
{
  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);

  database = sp_example_create (path, &error);
  if (database == NULL)
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }
  g_print (_("The example association was written to “%s”.\n"), name);
  return 0;
}

/* Opens the files named on the command line, here or in the running Samplan. */
static int
open_files (GApplication  *application,
            GStrv          paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }
  g_application_open (application, (GFile **) files->pdata, files->len, "");
  /* A running Samplan opened them; this one is done. Otherwise go on to
   * the main loop (activate then presents the window just opened). */
  return g_application_get_is_remote (application) ? 0 : -1;
}

static int
sp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autofree char *example = NULL;
  g_autofree char *export_dir = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *sie_path = NULL;
  g_autofree char *plan_path = NULL;
  g_auto(GStrv) files = NULL;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "samplan", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "create-example", "^ay", &example))
    return create_example (example);

  if (g_variant_dict_lookup (options, "export-xlsx", "^ay", &export_dir))
    {
      g_auto(GStrv) members = NULL;
      g_autofree char *through = NULL;
      int year = 0;

      if (!g_variant_dict_lookup (options, "year", "i", &year))
        {
          g_printerr ("samplan: %s\n", _("--export-xlsx needs --year YEAR."));
          return 2;
        }
      if (files == NULL || g_strv_length (files) != 1)
        {
          g_printerr ("samplan: %s\n", _("--export-xlsx needs one database FILE.db."));
          return 2;
        }
      g_variant_dict_lookup (options, "member", "^as", &members);
      g_variant_dict_lookup (options, "through", "s", &through);
      return sp_cli_export_xlsx (files[0], export_dir, year, (const char * const *) members,
                                 g_variant_dict_contains (options, "tkr"),
                                 g_variant_dict_contains (options, "allow-failed-checks"), through);
    }

  if (g_variant_dict_lookup (options, "export-pdf", "^ay", &pdf_path))
    {
      int year = 0;

      if (!g_variant_dict_lookup (options, "year", "i", &year))
        {
          g_printerr ("samplan: %s\n", _("--export-pdf needs --year YEAR."));
          return 2;
        }
      if (files == NULL || g_strv_length (files) != 1)
        {
          g_printerr ("samplan: %s\n", _("--export-pdf needs one database FILE.db."));
          return 2;
        }
      {
        g_autofree char *document = NULL;
        g_autofree char *through = NULL;

        g_variant_dict_lookup (options, "document", "s", &document);
        g_variant_dict_lookup (options, "through", "s", &through);
        return sp_cli_export_pdf (files[0], pdf_path, year, g_variant_dict_contains (options, "tkr"), document,
                                  through);
      }
    }

  if (g_variant_dict_lookup (options, "import-sie", "^ay", &sie_path))
    {
      int year = 0;

      if (!g_variant_dict_lookup (options, "year", "i", &year))
        {
          g_printerr ("samplan: %s\n", _("--import-sie needs --year YEAR."));
          return 2;
        }
      if (files == NULL || g_strv_length (files) != 1)
        {
          g_printerr ("samplan: %s\n", _("--import-sie needs one database FILE.db."));
          return 2;
        }
      /* Unbalanced vouchers are the import's failed check: either flag lets them in. */
      return sp_cli_import_sie (sie_path, files[0], year, g_variant_dict_contains (options, "dry-run"),
                                g_variant_dict_contains (options, "allow-unbalanced") ||
                                g_variant_dict_contains (options, "allow-failed-checks"));
    }

  if (g_variant_dict_lookup (options, "import-plan", "^ay", &plan_path))
    {
      int year = 0;

      if (!g_variant_dict_lookup (options, "year", "i", &year))
        {
          g_printerr ("samplan: %s\n", _("--import-plan needs --year YEAR."));
          return 2;
        }
      if (files == NULL || g_strv_length (files) != 1)
        {
          g_printerr ("samplan: %s\n", _("--import-plan needs one database FILE.db."));
          return 2;
        }
      return sp_cli_import_plan (plan_path, files[0], year, g_variant_dict_contains (options, "dry-run"));
    }

  if (files != NULL && files[0] != NULL)
    return open_files (application, files);
  return -1;
}

static void
sp_application_startup (GApplication *application)
{
  SpApplication *self = SP_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (application);
  sp_widget_name_mnemonic_buttons ();

  self->settings = g_settings_new (BASE_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-database", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-database", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
sp_application_finalize (GObject *object)
{
  SpApplication *self = SP_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_application_parent_class)->finalize (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sp_application_finalize;
  app_class->activate = sp_application_activate;
  app_class->open = sp_application_open;
  app_class->startup = sp_application_startup;
  app_class->handle_local_options = sp_application_handle_local_options;
}

static void
sp_application_init (SpApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { "create-example", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the example association to a new database FILE.db and quit"), N_("FILE.db") },
    { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the Excel workbooks of a year into the folder DIR and quit"), N_("DIR") },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the plan document of a year (or, with --document, its interim or annual report) as FILE.pdf and quit"),
      N_("FILE.pdf") },
    { "document", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --export-pdf: the document, plan (the default), delarsrapport or verksamhetsberattelse"),
      N_("DOCUMENT") },
    { "through", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --document delarsrapport: the period, January through MONTH (1–12); the default is the last "
         "month with actuals. With --export-xlsx: the treasurer’s workbook gets a follow-up sheet through MONTH"),
      N_("MONTH") },
    { "year", 0, 0, G_OPTION_ARG_INT, NULL, N_("The year to export or import (with --export-xlsx, --export-pdf or --import-sie)"), N_("YEAR") },
    { "member", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("Export only this member’s workbook; may be given more than once"), N_("NAME") },
    { "tkr", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show amounts in thousands of kronor (tkr)"), NULL },
    { "import-sie", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Import the actuals of a year from the SIE file FILE.se and quit"), N_("FILE.se") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import-sie: show what would change, write nothing"), NULL },
    { "allow-unbalanced", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --import-sie: import also when vouchers of the year do not balance"), NULL },
    { "allow-failed-checks", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --export-xlsx: export also when the budget fails a check (frame, contributions against "
         "revenue, grants against the project line, balance); with --import-sie: the same as "
         "--allow-unbalanced"), NULL },
    { "import-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Add the sections of a plan text (Markdown or plain text) to the plan of --year and quit; "
         "--dry-run lists them only"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE.db]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.db]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the database FILE.db, or the default database."));
}

SpApplication *
sp_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

GSettings *
sp_application_get_settings (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);
  return self->settings;
}
