/* sp-members-page.c: the Members page: the förbund, its members, board and contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One scrolling column: the förbund's details (SpAssociationEditor), the
 * member organisations (added and changed in SpMemberEditor), the board of the
 * shown year (SpBoardView) and what each member pays that year
 * (SpMemberContributions). Every list follows the database, so an undo
 * anywhere shows here at once. The page keeps the list of members and the
 * actions and shortcuts of the whole page.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-members-page.h"

#include "sp-member.h"
#include "sp-association-editor.h"
#include "sp-invoicing-editor.h"
#include "sp-board-view.h"
#include "sp-end-membership-dialog.h"
#include "sp-member-contributions.h"
#include "sp-member-editor.h"
#include "sp-member-row.h"
#include "sp-widget-util.h"
#include "sp-limits.h"

struct _SpMembersPage
{
  AdwBin                 parent_instance;

  SpDatabase            *database;
  int                    year;
  SpRecordList          *members;
  gint64                 selected_id;

  /* Template widgets */
  GtkStack              *main_stack;
  SpAssociationEditor   *association_editor;
  SpInvoicingEditor     *invoicing_editor;
  GtkListBox            *members_list;
  GtkLabel              *members_error_label;
  SpBoardView           *board_view;
  SpMemberContributions *contributions;
};


G_DEFINE_FINAL_TYPE (SpMembersPage, sp_members_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows @message in the window's toasts, with an Undo button when @undo. */
static void
add_toast (SpMembersPage *self,
           const char    *message,
           gboolean       undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  /* A toast's title is markup; names may hold & and <. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static GtkWindow *
get_parent_window (SpMembersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* --- The members --- */

static SpMember *
get_selected_member (SpMembersPage *self,
                     guint         *position)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->members_list);

  if (row == NULL)
    return NULL;
  if (position != NULL)
    *position = gtk_list_box_row_get_index (row);
  return sp_member_row_get_member (SP_MEMBER_ROW (row));
}

static void
update_member_row (SpMembersPage *self,
                   GtkWidget     *row)
{
  sp_member_row_update (SP_MEMBER_ROW (row), self->year);
}

static void
update_member_actions (SpMembersPage *self)
{
  guint position = 0;
  SpMember *member = get_selected_member (self, &position);
  guint n = self->members != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->members)) : 0;
  gboolean has_db = self->database != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.add", has_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.edit", has_db && member != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.move-up", has_db && member != NULL && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.move-down",
                                 has_db && member != NULL && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.end-membership", has_db && member != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.delete", has_db && member != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.add", has_db && n > 0);
}

static void
select_member (SpMembersPage *self,
               gint64         id)
{
  guint position;

  if (self->members == NULL || sp_record_list_find (self->members, id, &position) == NULL)
    return;
  self->selected_id = id;
  gtk_list_box_select_row (self->members_list, gtk_list_box_get_row_at_index (self->members_list, position));
  update_member_actions (self);
}

static void
on_member_notify_cb (SpMember   *member,
                     GParamSpec *pspec,
                     GtkWidget  *row)
{
  GtkWidget *page = gtk_widget_get_ancestor (row, SP_TYPE_MEMBERS_PAGE);

  if (page != NULL)
    update_member_row (SP_MEMBERS_PAGE (page), row);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  SpMembersPage *self = user_data;
  GtkWidget *row = sp_member_row_new (item);

  update_member_row (self, row);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_member_notify_cb), row, 0);
  return row;
}

static void
update_member_rows (SpMembersPage *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->members_list, i)) != NULL; i++)
    update_member_row (self, GTK_WIDGET (row));
}

/* --- Signal handlers and actions --- */

static void
on_database_changed_cb (SpMembersPage *self)
{
  update_member_actions (self);
}

static void
on_members_items_changed_cb (SpMembersPage *self,
                             guint          position,
                             guint          removed,
                             guint          added,
                             GListModel    *model)
{
  /* A moved or changed member's row is made again: keep it selected. */
  if (gtk_list_box_get_selected_row (self->members_list) == NULL && self->selected_id != 0)
    select_member (self, self->selected_id);
  update_member_actions (self);
}

static void
on_members_list_row_selected_cb (SpMembersPage *self,
                                 GtkListBoxRow *row,
                                 GtkListBox    *list)
{
  if (row != NULL)
    self->selected_id = sp_record_get_id (SP_RECORD (sp_member_row_get_member (SP_MEMBER_ROW (row))));
  update_member_actions (self);
}

static void
on_members_list_row_activated_cb (SpMembersPage *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "members.edit", NULL);
}

static void
on_member_saved_cb (SpMembersPage  *self,
                    gint64          id,
                    SpMemberEditor *editor)
{
  show_message (self->members_error_label, NULL);
  select_member (self, id);
}

static void
on_add_member_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (widget);
  SpMemberEditor *editor;

  if (self->database == NULL)
    return;
  show_message (self->members_error_label, NULL);
  editor = sp_member_editor_new (get_parent_window (self), self->database, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_member_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_edit_member_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (widget);
  SpMember *member = get_selected_member (self, NULL);
  SpMemberEditor *editor;

  if (self->database == NULL || member == NULL)
    return;
  show_message (self->members_error_label, NULL);
  editor = sp_member_editor_new (get_parent_window (self), self->database, member);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_member_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_move_member_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint position = 0;
  SpMember *member = get_selected_member (self, &position);
  gboolean up = g_str_equal (action_name, "members.move-up");
  guint n;
  gint64 id;

  if (self->database == NULL || member == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  if ((up && position == 0) || (!up && position + 1 >= n))
    return;

  id = sp_record_get_id (SP_RECORD (member));
  show_message (self->members_error_label, NULL);
  if (!sp_member_move (self->database, id, up ? position - 1 : position + 1, &error))
    {
      show_message (self->members_error_label, error->message);
      return;
    }
  select_member (self, id);
  {
    GtkListBoxRow *row = gtk_list_box_get_selected_row (self->members_list);
    if (row != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (row));
  }
}

static void
on_end_membership_response_cb (SpEndMembershipDialog *dialog,
                               const char            *response,
                               SpMembersPage         *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "end") != 0 || self->database == NULL)
    return;
  if (!sp_member_end_membership (self->database, sp_end_membership_dialog_get_member_id (dialog),
                                 sp_end_membership_dialog_get_last_year (dialog), &error))
    {
      show_message (self->members_error_label, error->message);
      return;
    }
  show_message (self->members_error_label, NULL);
  add_toast (self, _("Membership ended"), TRUE);
}

static void
on_end_membership_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (widget);
  SpMember *member = get_selected_member (self, NULL);
  SpEndMembershipDialog *dialog;
  int last_year;

  if (self->database == NULL || member == NULL)
    return;
  show_message (self->members_error_label, NULL);

  last_year = sp_member_get_to_year (member) != 0 ? sp_member_get_to_year (member) : self->year;
  /* The dialog is modal: one at a time asks for the last year. */
  dialog = sp_end_membership_dialog_new (get_parent_window (self), member, last_year);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_end_membership_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_member_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (widget);
  SpMember *member = get_selected_member (self, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self->database == NULL || member == NULL)
    return;
  name = g_strdup (sp_member_get_name (member));
  show_message (self->members_error_label, NULL);
  if (!sp_member_delete (self->database, sp_record_get_id (SP_RECORD (member)), &error))
    {
      show_message (self->members_error_label, error->message);
      return;
    }
  /* Translators: %s is a member organisation */
  message = g_strdup_printf (_("“%s” deleted"), name);
  add_toast (self, message, TRUE);
}

static void
on_add_board_member_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (widget);

  if (self->database == NULL || self->members == NULL)
    return;
  sp_board_view_add (self->board_view);
}

/* --- GObject --- */

static void
sp_members_page_dispose (GObject *object)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, on_members_items_changed_cb, self);
  if (self->members_list != NULL)
    gtk_list_box_bind_model (self->members_list, NULL, NULL, NULL, NULL);
  /* The bin lets go of its child before the template drops the last reference. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MEMBERS_PAGE);
  g_clear_object (&self->members);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_members_page_parent_class)->dispose (object);
}

static void
sp_members_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_members_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpMembersPage *self = SP_MEMBERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_members_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      sp_members_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_members_page_class_init (SpMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_members_page_dispose;
  object_class->get_property = sp_members_page_get_property;
  object_class->set_property = sp_members_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0 while the window has no year yet (a binding may pass it on first). */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, SP_YEAR_MAX, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, association_editor);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, invoicing_editor);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, members_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, board_view);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, contributions);

  gtk_widget_class_install_action (widget_class, "members.add", NULL, on_add_member_cb);
  gtk_widget_class_install_action (widget_class, "members.edit", NULL, on_edit_member_cb);
  gtk_widget_class_install_action (widget_class, "members.move-up", NULL, on_move_member_cb);
  gtk_widget_class_install_action (widget_class, "members.move-down", NULL, on_move_member_cb);
  gtk_widget_class_install_action (widget_class, "members.end-membership", NULL, on_end_membership_cb);
  gtk_widget_class_install_action (widget_class, "members.delete", NULL, on_delete_member_cb);
  gtk_widget_class_install_action (widget_class, "board.add", NULL, on_add_board_member_cb);
}

static void
sp_members_page_init (SpMembersPage *self)
{
  GtkShortcutController *shortcuts;
  static const struct { guint key; GdkModifierType mods; const char *action; } list_keys[] = {
    { GDK_KEY_Up, GDK_ALT_MASK, "members.move-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "members.move-down" },
    { GDK_KEY_Delete, 0, "members.delete" },
    { GDK_KEY_F2, 0, "members.edit" },
  };
  /* Wherever the focus is while the page is shown. */
  static const SpPageShortcut page_shortcuts[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "members.add" },
    { GDK_KEY_b, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "board.add" },
  };

  g_type_ensure (SP_TYPE_ASSOCIATION_EDITOR);
  g_type_ensure (SP_TYPE_INVOICING_EDITOR);
  g_type_ensure (SP_TYPE_BOARD_VIEW);
  g_type_ensure (SP_TYPE_MEMBER_CONTRIBUTIONS);
  self->year = 2000;
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_page_add_shortcuts (GTK_WIDGET (self), page_shortcuts, G_N_ELEMENTS (page_shortcuts));

  /* Moving and deleting act on the selected member while the list has the focus. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  for (guint i = 0; i < G_N_ELEMENTS (list_keys); i++)
    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (list_keys[i].key, list_keys[i].mods),
                                                            gtk_named_action_new (list_keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self->members_list), GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect_object (self->members_list, "row-selected",
                           G_CALLBACK (on_members_list_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->members_list, "row-activated",
                           G_CALLBACK (on_members_list_row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "no-database");
  update_member_actions (self);
}

/* --- Public API --- */

GtkWidget *
sp_members_page_new (void)
{
  return g_object_new (SP_TYPE_MEMBERS_PAGE, NULL);
}

SpDatabase *
sp_members_page_get_database (SpMembersPage *self)
{
  g_return_val_if_fail (SP_IS_MEMBERS_PAGE (self), NULL);
  return self->database;
}

/**
 * sp_members_page_set_database:
 * @database: (nullable): the open database, or %NULL to show nothing
 */
void
sp_members_page_set_database (SpMembersPage *self,
                              SpDatabase    *database)
{
  g_return_if_fail (SP_IS_MEMBERS_PAGE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, on_members_items_changed_cb, self);
  gtk_list_box_bind_model (self->members_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->members);
  g_set_object (&self->database, database);
  self->selected_id = 0;

  if (database != NULL)
    {
      self->members = sp_member_list_new (database);
      gtk_list_box_bind_model (self->members_list, G_LIST_MODEL (self->members),
                               create_member_row, self, NULL);
      g_signal_connect_object (self->members, "items-changed",
                               G_CALLBACK (on_members_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_stack_set_visible_child_name (self->main_stack, database != NULL ? "content" : "no-database");
  sp_association_editor_set_database (self->association_editor, database);
  sp_invoicing_editor_set_database (self->invoicing_editor, database);
  sp_board_view_set_database (self->board_view, database, G_LIST_MODEL (self->members));
  sp_member_contributions_set_database (self->contributions, database);
  show_message (self->members_error_label, NULL);
  update_member_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

int
sp_members_page_get_year (SpMembersPage *self)
{
  g_return_val_if_fail (SP_IS_MEMBERS_PAGE (self), 0);
  return self->year;
}

/* Shows the board and the contributions of @year. */
void
sp_members_page_set_year (SpMembersPage *self,
                          int            year)
{
  g_return_if_fail (SP_IS_MEMBERS_PAGE (self));

  if (self->year == year)
    return;
  self->year = year;
  sp_board_view_set_year (self->board_view, year);
  sp_member_contributions_set_year (self->contributions, year);
  update_member_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}
