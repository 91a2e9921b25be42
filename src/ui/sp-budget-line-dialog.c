/* sp-budget-line-dialog.c: the dialog that adds a budget line or moves one to another area and account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding asks for the activity area, the account and the text ("add");
 * changing a line asks for its area and account only ("change"). The dialog
 * stores nothing: whoever handles ::response reads the choice back. Both
 * lists are searched anywhere inside their names (SpSearchDropDown).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-line-dialog.h"

#include "sp-area.h"
#include "sp-area-group.h"
#include "sp-search-drop-down.h"

struct _SpBudgetLineDialog
{
  AdwMessageDialog  parent_instance;

  gint64            line_id;      /* the line changed, or 0 when adding */
  GArray           *places;       /* Place, as the area drop-down lists them */
  GArray           *accounts;     /* int, as the account drop-down lists them */
  const char       *response;     /* "add" or "change" */

  /* Template widgets */
  SpSearchDropDown *area_drop_down;
  SpSearchDropDown *account_drop_down;
  GtkWidget        *text_label;
  GtkEntry         *text_entry;
};

/* Where a line can go: an activity area, or directly an area group
 * (area_id 0) that has no areas of its own. */
typedef struct {
  gint64 area_id;
  gint64 group_id;
} Place;

G_DEFINE_FINAL_TYPE (SpBudgetLineDialog, sp_budget_line_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ---- Helpers ------------------------------------------------------------ */

static void
add_place (SpBudgetLineDialog *self,
           GtkStringList      *names,
           const char         *name,
           gint64              area_id,
           gint64              group_id)
{
  Place place = { area_id, group_id };

  gtk_string_list_append (names, name);
  g_array_append_val (self->places, place);
}

/* Lists the places "Group › Area", and "Group" for a group without areas
 * (or the group of @near when @near lies directly in it); returns the
 * position of @near's place, or 0. */
static guint
fill_areas (SpBudgetLineDialog *self,
            SpRecordList       *groups,
            SpRecordList       *areas,
            SpBudgetLine       *near)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (groups));
  guint n_areas = g_list_model_get_n_items (G_LIST_MODEL (areas));
  guint index = 0;

  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(SpAreaGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), g);
      gint64 group_id = sp_record_get_id (SP_RECORD (group));
      gboolean near_here = near != NULL && sp_budget_line_get_group_id (near) == group_id;
      gboolean has_areas = FALSE;

      for (guint i = 0; i < n_areas; i++)
        {
          g_autoptr(SpArea) area = g_list_model_get_item (G_LIST_MODEL (areas), i);
          gint64 id = sp_record_get_id (SP_RECORD (area));
          g_autofree char *name = NULL;

          if (sp_area_get_group_id (area) != group_id)
            continue;
          if (!has_areas && near_here && sp_budget_line_is_in_group (near))
            {
              /* Translators: the lines of an area group that are in none of its areas */
              g_autofree char *own = g_strdup_printf (_("%s (not in an area)"), sp_area_group_get_name (group));

              index = self->places->len;
              add_place (self, names, own, 0, group_id);
            }
          has_areas = TRUE;
          /* Translators: an activity area in its group, e.g. "Administration › Kansli" */
          name = g_strdup_printf (_("%s › %s"), sp_area_group_get_name (group), sp_area_get_name (area));
          if (near != NULL && !sp_budget_line_is_in_group (near) && sp_budget_line_get_area_id (near) == id)
            index = self->places->len;
          add_place (self, names, name, id, group_id);
        }
      if (!has_areas)
        {
          if (near_here)
            index = self->places->len;
          add_place (self, names, sp_area_group_get_name (group), 0, group_id);
        }
    }
  sp_search_drop_down_set_model (self->area_drop_down, G_LIST_MODEL (names));
  return index;
}

/* Lists the accounts "number name"; returns the position of @number, or
 * GTK_INVALID_LIST_POSITION when it is 0 or not listed. */
static guint
fill_accounts (SpBudgetLineDialog *self,
               SpRecordList       *accounts,
               int                 number)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  guint index = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);
      int this_number = sp_account_get_number (account);
      g_autofree char *name = g_strdup_printf ("%d %s", this_number, sp_account_get_name (account));

      gtk_string_list_append (names, name);
      g_array_append_val (self->accounts, this_number);
      if (number != 0 && number == this_number)
        index = i;
    }
  sp_search_drop_down_set_model (self->account_drop_down, G_LIST_MODEL (names));
  return index;
}

/* ---- Callbacks ---------------------------------------------------------- */

/* Adding needs an account chosen: no account is preselected but the last
 * one used, so a cost is never typed on a revenue account unseen. */
static void
on_account_drop_down_selected_notify_cb (SpBudgetLineDialog *self,
                                         GParamSpec         *pspec,
                                         SpSearchDropDown   *drop_down)
{
  if (self->response != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), self->response,
                                             sp_budget_line_dialog_get_account (self) != 0);
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_budget_line_dialog_finalize (GObject *object)
{
  SpBudgetLineDialog *self = SP_BUDGET_LINE_DIALOG (object);

  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->accounts, g_array_unref);

  G_OBJECT_CLASS (sp_budget_line_dialog_parent_class)->finalize (object);
}

static void
sp_budget_line_dialog_class_init (SpBudgetLineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_budget_line_dialog_finalize;

  g_type_ensure (SP_TYPE_SEARCH_DROP_DOWN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-budget-line-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, area_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, account_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, text_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, text_entry);
}

static void
sp_budget_line_dialog_init (SpBudgetLineDialog *self)
{
  self->places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->accounts = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->account_drop_down, "notify::selected",
                           G_CALLBACK (on_account_drop_down_selected_notify_cb), self, G_CONNECT_SWAPPED);
}

/* ---- Public API --------------------------------------------------------- */

/**
 * sp_budget_line_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @groups: the year's area groups
 * @areas: the year's activity areas
 * @accounts: the accounts
 * @change: (nullable): the line to give another area and account, or %NULL to add one
 * @near: (nullable): the line whose area to start from (the selected one)
 * @account: the account to start from (the last one added), or 0 for none
 *
 * Returns: (transfer none): a dialog answering "add" or "change", or "cancel"
 */
SpBudgetLineDialog *
sp_budget_line_dialog_new (GtkWindow    *parent,
                           SpRecordList *groups,
                           SpRecordList *areas,
                           SpRecordList *accounts,
                           SpBudgetLine *change,
                           SpBudgetLine *near,
                           int           account)
{
  SpBudgetLineDialog *self;
  AdwMessageDialog *dialog;
  const char *response = change != NULL ? "change" : "add";

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_RECORD_LIST (groups), NULL);
  g_return_val_if_fail (SP_IS_RECORD_LIST (areas), NULL);
  g_return_val_if_fail (SP_IS_RECORD_LIST (accounts), NULL);
  g_return_val_if_fail (change == NULL || SP_IS_BUDGET_LINE (change), NULL);
  g_return_val_if_fail (near == NULL || SP_IS_BUDGET_LINE (near), NULL);

  self = g_object_new (SP_TYPE_BUDGET_LINE_DIALOG,
                       "transient-for", parent,
                       "heading", change != NULL ? _("Change Area and Account") : _("Add Budget Line"),
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  /* The line changed is named under the heading. */
  if (change != NULL && sp_budget_line_get_text (change) != NULL)
    adw_message_dialog_set_body (dialog, sp_budget_line_get_text (change));

  if (change != NULL)
    {
      self->line_id = sp_record_get_id (SP_RECORD (change));
      /* Translators: the button that gives a budget line its new area and account */
      adw_message_dialog_add_response (dialog, "change", _("C_hange"));
    }
  else
    adw_message_dialog_add_response (dialog, "add", _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  self->response = response;

  sp_search_drop_down_set_selected (self->area_drop_down, fill_areas (self, groups, areas, change != NULL ? change : near));
  sp_search_drop_down_set_selected (self->account_drop_down,
                              fill_accounts (self, accounts, change != NULL ? sp_budget_line_get_account (change)
                                                                            : account));
  on_account_drop_down_selected_notify_cb (self, NULL, self->account_drop_down);
  gtk_widget_set_visible (self->text_label, change == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->text_entry), change == NULL);
  return self;
}

/* The line being changed, or 0 when adding one. */
gint64
sp_budget_line_dialog_get_line_id (SpBudgetLineDialog *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), 0);
  return self->line_id;
}

/* The chosen activity area, or 0 (none, or an area group: see get_group_id). */
gint64
sp_budget_line_dialog_get_area_id (SpBudgetLineDialog *self)
{
  guint selected;

  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), 0);
  selected = sp_search_drop_down_get_selected (self->area_drop_down);
  return selected < self->places->len ? g_array_index (self->places, Place, selected).area_id : 0;
}

/* The area group of the chosen place, or 0: the line goes directly into
 * it when sp_budget_line_dialog_get_area_id () is 0. */
gint64
sp_budget_line_dialog_get_group_id (SpBudgetLineDialog *self)
{
  guint selected;

  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), 0);
  selected = sp_search_drop_down_get_selected (self->area_drop_down);
  return selected < self->places->len ? g_array_index (self->places, Place, selected).group_id : 0;
}

/* The chosen account's number, or 0. */
int
sp_budget_line_dialog_get_account (SpBudgetLineDialog *self)
{
  guint selected;

  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), 0);
  selected = sp_search_drop_down_get_selected (self->account_drop_down);
  return selected < self->accounts->len ? g_array_index (self->accounts, int, selected) : 0;
}

/* The text of a line to add. */
const char *
sp_budget_line_dialog_get_text (SpBudgetLineDialog *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), "");
  return gtk_editable_get_text (GTK_EDITABLE (self->text_entry));
}
