/* sp-window.c: the main window, one per open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-window.h"

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpDatabase           *database;
  GSettings            *settings;
  int                   year;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkRevealer          *read_only_revealer;
  GtkMenuButton        *year_button;
  GtkSpinButton        *year_spin;
};

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (SpWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;

  if (self->database != NULL)
    {
      basename = g_filename_display_basename (sp_database_get_path (self->database));
      /* Translators: the window title: the database file, then the application */
      title = g_strdup_printf (_("%s – Samplan"), basename);
    }
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Samplan"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename != NULL ? basename : "");
}

static void
update_year_button (SpWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%d", self->year);
  /* Translators: the accessible name of the year button, e.g. "Plan year 2027" */
  g_autofree char *accessible = g_strdup_printf (_("Plan year %d"), self->year);

  gtk_menu_button_set_label (self->year_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
restore_window_state (SpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (SpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
on_year_spin_value_changed_cb (SpWindow      *self,
                               GtkSpinButton *spin)
{
  sp_window_set_year (self, gtk_spin_button_get_value_as_int (spin));
}

static void
on_show_page_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

static void
on_choose_year_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  gtk_menu_button_popup (self->year_button);
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  save_window_state (SP_WINDOW (window));
  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

static void
sp_window_constructed (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  G_OBJECT_CLASS (sp_window_parent_class)->constructed (object);

  restore_window_state (self);
  update_title (self);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_window_set_database (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      sp_window_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sp_window_constructed;
  object_class->dispose = sp_window_dispose;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  window_class->close_request = sp_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1990, 2100, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, year_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_year_spin_value_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", on_show_page_cb);
  gtk_widget_class_install_action (widget_class, "win.choose-year", NULL, on_choose_year_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "plan");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "budget");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "portfolio");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "members");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.choose-year", NULL);
}

static void
sp_window_init (SpWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* In the autumn the office plans the coming year. */
  self->year = g_date_time_get_year (now) + (g_date_time_get_month (now) >= 9 ? 1 : 0);
  g_signal_handlers_block_by_func (self->year_spin, on_year_spin_value_changed_cb, self);
  gtk_spin_button_set_value (self->year_spin, self->year);
  g_signal_handlers_unblock_by_func (self->year_spin, on_year_spin_value_changed_cb, self);
  update_year_button (self);
}

/**
 * sp_window_new:
 * @application: the application
 * @database: (nullable): the open database; %NULL shows the error page
 * @settings: (nullable): the application's settings
 */
SpWindow *
sp_window_new (GtkApplication *application,
               SpDatabase     *database,
               GSettings      *settings)
{
  return g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "database", database,
                       NULL);
}

SpDatabase *
sp_window_get_database (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->database;
}

void
sp_window_set_database (SpWindow   *self,
                        SpDatabase *database)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  if (database != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "pages");
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 database != NULL && sp_database_is_read_only (database));
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_button), database != NULL);
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * sp_window_show_error:
 *
 * Shows why no database is open, with buttons to open or create one.
 */
void
sp_window_show_error (SpWindow   *self,
                      const char *title,
                      const char *message)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  sp_window_set_database (self, NULL);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_button), FALSE);
}

int
sp_window_get_year (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), 0);
  return self->year;
}

void
sp_window_set_year (SpWindow *self,
                    int       year)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (year >= 1990 && year <= 2100);

  if (self->year == year)
    return;

  self->year = year;
  if (gtk_spin_button_get_value_as_int (self->year_spin) != year)
    gtk_spin_button_set_value (self->year_spin, year);
  update_year_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * sp_window_get_page:
 *
 * Returns: the name of the page shown: plan, budget, portfolio or members
 */
const char *
sp_window_get_page (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
sp_window_add_toast (SpWindow   *self,
                     const char *message)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
