/* sp-budget-line-dialog.c: the dialog that adds a budget line or moves one to another area and account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding asks for the activity area, the account and the text ("add");
 * changing a line asks for its area and account only ("change"). The dialog
 * stores nothing: whoever handles ::response reads the choice back.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-line-dialog.h"

#include "sp-area.h"

struct _SpBudgetLineDialog
{
  AdwMessageDialog  parent_instance;

  gint64            line_id;      /* the line changed, or 0 when adding */
  GArray           *area_ids;     /* gint64, as the area drop-down lists them */
  GArray           *accounts;     /* int, as the account drop-down lists them */

  /* Template widgets */
  GtkDropDown      *area_drop_down;
  GtkDropDown      *account_drop_down;
  GtkWidget        *text_label;
  GtkEntry         *text_entry;
};

G_DEFINE_FINAL_TYPE (SpBudgetLineDialog, sp_budget_line_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* ---- Helpers ------------------------------------------------------------ */

/* Lists the areas "Group › Area"; returns the position of @area_id (or 0). */
static guint
fill_areas (SpBudgetLineDialog *self,
            SpRecordList       *areas,
            gint64              area_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (areas));
  guint index = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpArea) area = g_list_model_get_item (G_LIST_MODEL (areas), i);
      gint64 id = sp_record_get_id (SP_RECORD (area));
      /* Translators: an activity area in its group, e.g. "Administration › Kansli" */
      g_autofree char *name = g_strdup_printf (_("%s › %s"), sp_area_get_group_name (area), sp_area_get_name (area));

      gtk_string_list_append (names, name);
      g_array_append_val (self->area_ids, id);
      if (area_id != 0 && area_id == id)
        index = i;
    }
  gtk_drop_down_set_model (self->area_drop_down, G_LIST_MODEL (names));
  return index;
}

/* Lists the accounts "number name"; returns the position of @number (or 0). */
static guint
fill_accounts (SpBudgetLineDialog *self,
               SpRecordList       *accounts,
               int                 number)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  guint index = 0;

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
  gtk_drop_down_set_model (self->account_drop_down, G_LIST_MODEL (names));
  return index;
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_budget_line_dialog_finalize (GObject *object)
{
  SpBudgetLineDialog *self = SP_BUDGET_LINE_DIALOG (object);

  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->accounts, g_array_unref);

  G_OBJECT_CLASS (sp_budget_line_dialog_parent_class)->finalize (object);
}

static void
sp_budget_line_dialog_class_init (SpBudgetLineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_budget_line_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-budget-line-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, area_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, account_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, text_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetLineDialog, text_entry);
}

static void
sp_budget_line_dialog_init (SpBudgetLineDialog *self)
{
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->accounts = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API --------------------------------------------------------- */

/**
 * sp_budget_line_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @areas: the year's activity areas
 * @accounts: the accounts
 * @change: (nullable): the line to give another area and account, or %NULL to add one
 * @area_id: the area to start from (that of the selected line), or 0
 *
 * Returns: (transfer none): a dialog answering "add" or "change", or "cancel"
 */
SpBudgetLineDialog *
sp_budget_line_dialog_new (GtkWindow    *parent,
                           SpRecordList *areas,
                           SpRecordList *accounts,
                           SpBudgetLine *change,
                           gint64        area_id)
{
  SpBudgetLineDialog *self;
  AdwMessageDialog *dialog;
  const char *response = change != NULL ? "change" : "add";

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_RECORD_LIST (areas), NULL);
  g_return_val_if_fail (SP_IS_RECORD_LIST (accounts), NULL);
  g_return_val_if_fail (change == NULL || SP_IS_BUDGET_LINE (change), NULL);

  self = g_object_new (SP_TYPE_BUDGET_LINE_DIALOG,
                       "transient-for", parent,
                       "heading", change != NULL ? _("Change Area and Account") : _("Add Budget Line"),
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  /* The line changed is named under the heading. */
  if (change != NULL && sp_budget_line_get_text (change) != NULL)
    adw_message_dialog_set_body (dialog, sp_budget_line_get_text (change));

  gtk_drop_down_set_selected (self->area_drop_down, fill_areas (self, areas, area_id));
  gtk_drop_down_set_selected (self->account_drop_down,
                              fill_accounts (self, accounts, change != NULL ? sp_budget_line_get_account (change) : 0));
  gtk_widget_set_visible (self->text_label, change == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->text_entry), change == NULL);

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
  return self;
}

/* The line being changed, or 0 when adding one. */
gint64
sp_budget_line_dialog_get_line_id (SpBudgetLineDialog *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), 0);
  return self->line_id;
}

/* The chosen activity area, or 0. */
gint64
sp_budget_line_dialog_get_area_id (SpBudgetLineDialog *self)
{
  guint selected;

  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), 0);
  selected = gtk_drop_down_get_selected (self->area_drop_down);
  return selected < self->area_ids->len ? g_array_index (self->area_ids, gint64, selected) : 0;
}

/* The chosen account's number, or 0. */
int
sp_budget_line_dialog_get_account (SpBudgetLineDialog *self)
{
  guint selected;

  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), 0);
  selected = gtk_drop_down_get_selected (self->account_drop_down);
  return selected < self->accounts->len ? g_array_index (self->accounts, int, selected) : 0;
}

/* The text of a line to add. */
const char *
sp_budget_line_dialog_get_text (SpBudgetLineDialog *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE_DIALOG (self), "");
  return gtk_editable_get_text (GTK_EDITABLE (self->text_entry));
}
