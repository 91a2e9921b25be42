/* sp-members-page.c: the Members page: the förbund, its members, board and contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One scrolling column: the förbund's details (saved field by field), the
 * member organisations (added and changed in SpMemberEditor), the board of the
 * shown year (SpMemberBoardEditor) and what each member pays that year. Every
 * list follows the database, so an undo anywhere shows here at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-members-page.h"

#include "core/sp-association.h"
#include "core/sp-board.h"
#include "core/sp-contribution.h"
#include "core/sp-error.h"
#include "core/sp-member.h"
#include "core/sp-money.h"
#include "core/sp-year.h"
#include "sp-board-member-row.h"
#include "sp-member-board-editor.h"
#include "sp-member-editor.h"
#include "sp-member-row.h"
#include "sp-window.h"

typedef enum {
  FIELD_NAME,
  FIELD_ORG_NUMBER,
  FIELD_ADDRESS,
} AssociationField;

struct _SpMembersPage
{
  AdwBin          parent_instance;

  SpDatabase     *database;
  int             year;
  SpRecordList   *members;
  SpRecordList   *board;
  gint64          selected_id;
  /* The open "End the Membership?" dialog's year (weak) and member */
  GtkSpinButton  *end_year_spin;
  gint64          end_member_id;

  /* Template widgets */
  GtkStack       *main_stack;
  AdwEntryRow    *name_row;
  AdwEntryRow    *org_number_row;
  GtkTextView    *address_view;
  GtkLabel       *association_error_label;
  GtkListBox     *members_list;
  GtkLabel       *members_error_label;
  AdwPreferencesGroup *board_group;
  GtkListBox     *board_list;
  GtkLabel       *board_placeholder;
  GtkLabel       *board_error_label;
  AdwPreferencesGroup *contributions_group;
  GtkListBox     *contributions_list;
  GtkLabel       *contributions_placeholder;
  GtkLabel       *contributions_notice;
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

static void
remove_all_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A whole number in the Swedish form ("12 150"), like an amount without unit. */
static char *
format_count (gint64 n)
{
  return sp_money_format (sp_money_from_kr (n), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
}

static char *
format_amount (SpMoney amount)
{
  if (amount == SP_MONEY_NOT_SET)
    /* Translators: an amount that has not been entered */
    return g_strdup (C_("amount", "not set"));
  return sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
}

/* --- The förbund's details --- */

static GtkWidget *
association_field_widget (SpMembersPage    *self,
                          AssociationField  field)
{
  switch (field)
    {
    case FIELD_NAME:
      return GTK_WIDGET (self->name_row);
    case FIELD_ORG_NUMBER:
      return GTK_WIDGET (self->org_number_row);
    case FIELD_ADDRESS:
    default:
      return GTK_WIDGET (self->address_view);
    }
}

static void
set_association_error (SpMembersPage    *self,
                       AssociationField  field,
                       const char       *message)
{
  GtkWidget *widget = association_field_widget (self, field);

  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  show_message (self->association_error_label, message);
}

static char *
get_address_text (SpMembersPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows the details as they are stored, dropping any refused text. */
static void
load_association (SpMembersPage *self)
{
  g_autoptr(SpAssociation) association = NULL;

  if (self->database != NULL)
    association = sp_association_load (self->database, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), association != NULL ? association->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->org_number_row),
                         association != NULL ? association->org_number : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view),
                            association != NULL ? association->address : "", -1);
  for (AssociationField field = FIELD_NAME; field <= FIELD_ADDRESS; field++)
    set_association_error (self, field, NULL);
}

/* Stores @field as typed, the other details as they are stored. */
static void
apply_association_field (SpMembersPage    *self,
                         AssociationField  field)
{
  g_autoptr(SpAssociation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  const char *name, *org_number;
  const char *typed, *old;

  if (self->database == NULL)
    return;
  stored = sp_association_load (self->database, &error);
  if (stored == NULL)
    {
      set_association_error (self, field, error->message);
      return;
    }

  address = get_address_text (self);
  name = field == FIELD_NAME ? gtk_editable_get_text (GTK_EDITABLE (self->name_row)) : stored->name;
  org_number = field == FIELD_ORG_NUMBER ? gtk_editable_get_text (GTK_EDITABLE (self->org_number_row))
                                         : stored->org_number;
  typed = field == FIELD_NAME ? name : field == FIELD_ORG_NUMBER ? org_number : address;
  old = field == FIELD_NAME ? stored->name : field == FIELD_ORG_NUMBER ? stored->org_number : stored->address;

  if (g_strcmp0 (typed, old) == 0)
    {
      set_association_error (self, field, NULL);
      return;
    }

  if (!sp_association_update (self->database, name, org_number,
                              field == FIELD_ADDRESS ? address : stored->address, &error))
    {
      set_association_error (self, field, error->message);
      return;
    }
  /* The stored form ("222000-1230" for "2220001230") comes back through
   * SpDatabase::changed. */
  set_association_error (self, field, NULL);
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

static char *
member_subtitle (SpMember *member,
                 int       year)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 population = sp_member_get_population (member);
  int from = sp_member_get_from_year (member);
  int to = sp_member_get_to_year (member);

  g_ptr_array_add (parts, g_strdup (sp_member_kind_get_label (sp_member_get_kind (member))));
  if (population >= 0)
    {
      g_autofree char *count = format_count (population);
      /* Translators: %s is a number of inhabitants, e.g. "12 150" */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s inhabitant", "%s inhabitants",
                                                            (gulong) MIN (population, G_MAXINT)),
                                               count));
    }
  if (!sp_member_get_pays_own_share (member))
    g_ptr_array_add (parts, g_strdup (_("share paid by another member")));
  if (from != 0 && to != 0)
    /* Translators: the years of a membership, e.g. "member 2007–2012" */
    g_ptr_array_add (parts, g_strdup_printf (_("member %d–%d"), from, to));
  else if (from != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("member since %d"), from));
  else if (to != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("member until %d"), to));
  if (!sp_member_is_member_in (member, year))
    g_ptr_array_add (parts, g_strdup_printf (_("not a member in %d"), year));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
update_member_row (SpMembersPage *self,
                   GtkWidget     *row)
{
  SpMember *member = sp_member_row_get_member (SP_MEMBER_ROW (row));
  g_autofree char *subtitle = member_subtitle (member, self->year);
  const char *name = sp_member_get_name (member);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, name);
  if (sp_member_is_member_in (member, self->year))
    gtk_widget_remove_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (row, "dim-label");
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

/* --- The board --- */

static void
open_board_editor (SpMembersPage *self,
                   SpBoardMember *representative)
{
  SpMemberBoardEditor *editor;

  if (self->database == NULL || self->members == NULL)
    return;
  show_message (self->board_error_label, NULL);
  editor = sp_member_board_editor_new (get_parent_window (self), self->database,
                                       G_LIST_MODEL (self->members), self->year, representative);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
remove_representative (SpMembersPage *self,
                       SpBoardMember *representative)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_strdup (sp_board_member_get_name (representative));

  if (self->database == NULL)
    return;
  show_message (self->board_error_label, NULL);
  if (!sp_board_delete (self->database, sp_record_get_id (SP_RECORD (representative)), &error))
    {
      show_message (self->board_error_label, error->message);
      return;
    }
  /* Translators: %s is a person on the board */
  message = g_strdup_printf (_("%s removed from the board"), name);
  add_toast (self, message, TRUE);
}

static void
on_board_row_edit_cb (SpBoardMemberRow *row,
                      gpointer          user_data)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (row), SP_TYPE_MEMBERS_PAGE);

  if (page != NULL)
    open_board_editor (SP_MEMBERS_PAGE (page), sp_board_member_row_get_representative (row));
}

static void
on_board_row_remove_cb (SpBoardMemberRow *row,
                        gpointer          user_data)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (row), SP_TYPE_MEMBERS_PAGE);

  if (page != NULL)
    remove_representative (SP_MEMBERS_PAGE (page), sp_board_member_row_get_representative (row));
}

static GtkWidget *
create_board_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = sp_board_member_row_new (item);

  g_signal_connect (row, "edit", G_CALLBACK (on_board_row_edit_cb), NULL);
  g_signal_connect (row, "remove", G_CALLBACK (on_board_row_remove_cb), NULL);
  return row;
}

static void
rebuild_board (SpMembersPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *placeholder = NULL;

  g_clear_object (&self->board);
  if (self->database != NULL)
    self->board = sp_board_list_new (self->database, self->year);
  gtk_list_box_bind_model (self->board_list, G_LIST_MODEL (self->board), create_board_row, self, NULL);

  /* Translators: the heading of the board list; %d is the year */
  title = g_strdup_printf (_("Board %d"), self->year);
  adw_preferences_group_set_title (self->board_group, title);
  placeholder = g_strdup_printf (_("No board members for %d. Add the ordinary member and the deputy each member appoints."),
                                 self->year);
  gtk_label_set_text (self->board_placeholder, placeholder);
}

/* --- The contributions --- */

static GtkWidget *
create_contribution_row (const char *title,
                         const char *subtitle,
                         const char *amount)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
refresh_contributions (SpMembersPage *self)
{
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SpMoney total = 0;
  gboolean complete = TRUE;

  /* Translators: the heading of the contributions; %d is the year */
  title = g_strdup_printf (_("Member Contributions %d"), self->year);
  adw_preferences_group_set_title (self->contributions_group, title);
  remove_all_rows (self->contributions_list);
  show_message (self->contributions_notice, NULL);
  if (self->database == NULL)
    return;

  contributions = sp_contributions_compute (self->database, self->year, &error);
  if (contributions == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND))
        /* Translators: %s says that the year has no plan */
        text = g_strdup_printf (_("%s Create the year’s plan and its budget frame first."), error->message);
      gtk_label_set_text (self->contributions_placeholder, text != NULL ? text : error->message);
      return;
    }
  gtk_label_set_text (self->contributions_placeholder,
                      _("No members pay a contribution this year. Add the members first."));
  {
    g_autoptr(SpPlanYear) plan_year = sp_plan_year_load (self->database, self->year, NULL);

    if (plan_year != NULL && sp_plan_year_is_adopted (plan_year))
      {
        g_autofree char *notice =
          /* Translators: %d is a year whose plan and budget the board has adopted */
          g_strdup_printf (_("The plan for %d is adopted. Members and the board can still change, "
                             "and these amounts follow today’s members and populations."),
                           self->year);
        show_message (self->contributions_notice, notice);
      }
  }

  for (guint i = 0; i < contributions->len; i++)
    {
      SpContribution *c = g_ptr_array_index (contributions, i);
      g_autofree char *amount = format_amount (c->amount[0]);
      g_autofree char *next = format_amount (c->amount[1]);
      g_autofree char *after = format_amount (c->amount[2]);
      g_autofree char *subtitle = NULL;

      if (!c->pays_own_share)
        subtitle = g_strdup (_("Its share is paid by another member"));
      else
        /* Translators: the contributions of the two plan years, e.g. "2010: 1 000 000 kr · 2011: …" */
        subtitle = g_strdup_printf (_("%d: %s · %d: %s"), self->year + 1, next, self->year + 2, after);
      gtk_list_box_append (self->contributions_list, create_contribution_row (c->name, subtitle, amount));

      if (c->amount[0] == SP_MONEY_NOT_SET)
        complete = FALSE;
      else
        total += c->amount[0];
    }
  if (contributions->len > 0 && complete)
    {
      g_autofree char *amount = format_amount (total);
      GtkWidget *row = create_contribution_row (_("Total"), NULL, amount);

      gtk_widget_add_css_class (row, "heading");
      gtk_list_box_append (self->contributions_list, row);
    }
}

/* --- Signal handlers and actions --- */

static void
on_database_changed_cb (SpMembersPage      *self,
                        const char * const *tables)
{
  if (tables != NULL && g_strv_contains (tables, "association"))
    load_association (self);
  refresh_contributions (self);
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
on_association_row_activated_cb (SpMembersPage *self,
                                 AdwEntryRow   *row)
{
  apply_association_field (self, row == self->name_row ? FIELD_NAME : FIELD_ORG_NUMBER);
}

static void
on_name_focus_leave_cb (SpMembersPage *self)
{
  apply_association_field (self, FIELD_NAME);
}

static void
on_org_number_focus_leave_cb (SpMembersPage *self)
{
  apply_association_field (self, FIELD_ORG_NUMBER);
}

static void
on_address_focus_leave_cb (SpMembersPage *self)
{
  apply_association_field (self, FIELD_ADDRESS);
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
on_end_membership_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               SpMembersPage    *self)
{
  GtkSpinButton *spin = self->end_year_spin;
  gint64 id = self->end_member_id;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "end") != 0 || self->database == NULL || spin == NULL)
    return;
  if (!sp_member_end_membership (self->database, id, gtk_spin_button_get_value_as_int (spin), &error))
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
  GtkWidget *dialog, *group, *row, *spin;
  int last_year;

  if (self->database == NULL || member == NULL)
    return;
  show_message (self->members_error_label, NULL);

  last_year = sp_member_get_to_year (member) != 0 ? sp_member_get_to_year (member) : self->year;
  dialog = adw_message_dialog_new (get_parent_window (self), _("End the Membership?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a member organisation */
                                  _("“%s” stays in the plans and budgets of the years it was a member. "
                                    "From the year after the last one, it pays no contribution."),
                                  sp_member_get_name (member));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "end", _("_End Membership"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "end");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  group = adw_preferences_group_new ();
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Last year as a member"));
  spin = gtk_spin_button_new_with_range (1990, 2100, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), last_year);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Last year as a member"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);

  /* The dialog is modal: one at a time asks for the last year. */
  g_set_weak_pointer (&self->end_year_spin, GTK_SPIN_BUTTON (spin));
  self->end_member_id = sp_record_get_id (SP_RECORD (member));
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
  open_board_editor (SP_MEMBERS_PAGE (widget), NULL);
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
  if (self->board_list != NULL)
    gtk_list_box_bind_model (self->board_list, NULL, NULL, NULL, NULL);
  /* The bin lets go of its child before the template drops the last reference. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MEMBERS_PAGE);
  g_clear_object (&self->members);
  g_clear_object (&self->board);
  g_clear_object (&self->database);
  g_clear_weak_pointer (&self->end_year_spin);

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
    g_param_spec_int ("year", NULL, NULL, 0, 2100, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, org_number_row);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, address_view);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, association_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, members_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, board_group);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, board_list);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, board_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, board_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, contributions_group);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, contributions_list);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, contributions_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SpMembersPage, contributions_notice);

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
  GtkEventController *focus;
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

  g_signal_connect_object (self->name_row, "entry-activated",
                           G_CALLBACK (on_association_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->org_number_row, "entry-activated",
                           G_CALLBACK (on_association_row_activated_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_name_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_row), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_org_number_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->org_number_row), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_address_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->address_view), focus);

  gtk_stack_set_visible_child_name (self->main_stack, "no-database");
  rebuild_board (self);
  refresh_contributions (self);
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
  load_association (self);
  rebuild_board (self);
  refresh_contributions (self);
  show_message (self->members_error_label, NULL);
  show_message (self->board_error_label, NULL);
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
  rebuild_board (self);
  refresh_contributions (self);
  update_member_rows (self);
  show_message (self->board_error_label, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}
