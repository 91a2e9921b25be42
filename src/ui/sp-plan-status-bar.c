/* sp-plan-status-bar.c: the status of a plan year and its adoption
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above the plan's tabs: whether the year's plan is a draft or adopted
 * (with the board's decision), how many goals have an outcome, the
 * buttons that adopt and re-open the plan and the plan's menu, and the
 * banner of an adopted plan. The Operational Plan page says which year it
 * shows; plan.adopt and plan.reopen are the page's actions, which come here.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-status-bar.h"

#include "sp-contribution.h"
#include "sp-document-outline-dialog.h"
#include "sp-goal.h"
#include "sp-plan-adopt-dialog.h"
#include "sp-plan-common.h"

struct _SpPlanStatusBar
{
  GtkWidget    parent_instance;

  SpDatabase  *database;
  int          year;
  SpPlanYear  *plan_year;

  /* Template widgets */
  GtkLabel    *status_label;
  GtkLabel    *outcome_label;
  GtkButton   *adopt_button;
  GtkButton   *reopen_button;
  GtkRevealer *lock_revealer;
};

G_DEFINE_FINAL_TYPE (SpPlanStatusBar, sp_plan_status_bar, GTK_TYPE_WIDGET)

static void on_adopt_response_cb (SpPlanAdoptDialog *dialog, const char *response, SpPlanStatusBar *self);

static void
hide_message (SpPlanStatusBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.hide-message", NULL);
}

static void
present_adopt_dialog (SpPlanStatusBar *self,
                      const char      *date,
                      const char      *paragraph,
                      const char      *problem)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = sp_plan_adopt_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                self->year, date, paragraph, problem);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_adopt_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_adopt_response_cb (SpPlanAdoptDialog *dialog,
                      const char        *response,
                      SpPlanStatusBar   *self)
{
  GtkEditable *date_row = sp_plan_adopt_dialog_get_date_row (dialog);
  GtkEditable *paragraph_row = sp_plan_adopt_dialog_get_paragraph_row (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "adopt") != 0 || self->database == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "plan.flush", NULL);
  date = g_strstrip (g_strdup (gtk_editable_get_text (date_row)));
  if (!sp_plan_year_adopt (self->database, self->year, date, gtk_editable_get_text (paragraph_row), &error))
    {
      /* Ask again, with what was typed and why it was refused. */
      present_adopt_dialog (self, gtk_editable_get_text (date_row), gtk_editable_get_text (paragraph_row),
                            error->message);
      return;
    }
  hide_message (self);
  /* Translators: a notice, e.g. "The plan for 2009 is adopted" */
  message = g_strdup_printf (_("The plan for %d is adopted"), self->year);
  sp_plan_add_toast (GTK_WIDGET (self), message);
}

static void
on_reopen_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SpPlanStatusBar  *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gboolean had_adopted_contributions;

  if (g_strcmp0 (response, "reopen") != 0 || self->database == NULL)
    return;
  had_adopted_contributions = sp_contributions_are_adopted (self->database, self->year);
  if (!sp_plan_year_reopen (self->database, self->year, &error))
    {
      sp_plan_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  hide_message (self);
  if (had_adopted_contributions)
    /* Translators: a notice after re-opening a year, e.g. 2009 */
    message = g_strdup_printf (_("The plan for %d can be changed again. Its contributions now follow "
                                 "today’s members and populations."), self->year);
  else
    /* Translators: a notice, e.g. "The plan for 2009 can be changed again" */
    message = g_strdup_printf (_("The plan for %d can be changed again"), self->year);
  sp_plan_add_toast (GTK_WIDGET (self), message);
}

/* The parts of the year's document and its closing line, in a dialog. */
static void
on_document_outline_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SpPlanStatusBar *self = SP_PLAN_STATUS_BAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(SpDocumentOutline) outline = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->database == NULL || self->plan_year == NULL)
    return;
  gtk_widget_activate_action (widget, "plan.flush", NULL);
  outline = sp_document_outline_load (self->database, self->year, &error);
  if (outline == NULL)
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  dialog = sp_document_outline_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           self->database, outline);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sp_plan_status_bar_dispose (GObject *object)
{
  SpPlanStatusBar *self = SP_PLAN_STATUS_BAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_STATUS_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_object (&self->plan_year);

  G_OBJECT_CLASS (sp_plan_status_bar_parent_class)->dispose (object);
}

static void
sp_plan_status_bar_class_init (SpPlanStatusBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_plan_status_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-status-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanStatusBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanStatusBar, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanStatusBar, adopt_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanStatusBar, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanStatusBar, lock_revealer);

  gtk_widget_class_install_action (widget_class, "plan.document-outline", NULL, on_document_outline_action_cb);
}

static void
sp_plan_status_bar_init (SpPlanStatusBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->year = 2000;
}

/**
 * sp_plan_status_bar_show_year:
 * @plan_year: (nullable): the plan of @year, if there is one
 *
 * Shows the status of the plan of @year, after any change of it.
 */
void
sp_plan_status_bar_show_year (SpPlanStatusBar *self,
                              SpDatabase      *database,
                              int              year,
                              SpPlanYear      *plan_year)
{
  g_autofree char *status = NULL;
  gboolean adopted = plan_year != NULL && sp_plan_year_is_adopted (plan_year);

  g_return_if_fail (SP_IS_PLAN_STATUS_BAR (self));

  g_set_object (&self->database, database);
  g_set_object (&self->plan_year, plan_year);
  self->year = year;

  if (adopted)
    {
      const char *date = sp_plan_year_get_decision_date (plan_year);
      const char *paragraph = sp_plan_year_get_decision_paragraph (plan_year);

      if (paragraph != NULL && paragraph[0] != '\0')
        /* Translators: "Operational plan 2009 · Adopted by the board 2008-11-21, § 12" */
        status = g_strdup_printf (_("Operational plan %d · Adopted by the board %s, %s"),
                                  year, date, paragraph);
      else
        /* Translators: "Operational plan 2009 · Adopted by the board 2008-11-21" */
        status = g_strdup_printf (_("Operational plan %d · Adopted by the board %s"), year, date);
    }
  else
    /* Translators: "Operational plan 2009 · Draft" */
    status = g_strdup_printf (_("Operational plan %d · %s"), year,
                              sp_year_status_get_label (SP_YEAR_STATUS_DRAFT));
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->adopt_button), !adopted);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), adopted);
  gtk_revealer_set_reveal_child (self->lock_revealer, adopted);
  /* An adopted year's document keeps its parts until it is re-opened. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.document-outline", plan_year != NULL && !adopted);
  sp_plan_status_bar_update_outcomes (self);
}

/* How many of the year's goals have an outcome: after any edit. */
void
sp_plan_status_bar_update_outcomes (SpPlanStatusBar *self)
{
  guint n_goals = 0, n_with = 0;
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_PLAN_STATUS_BAR (self));

  if (self->database == NULL || self->plan_year == NULL ||
      !sp_goal_count_outcomes (self->database, self->year, &n_goals, &n_with, NULL) ||
      n_goals == 0)
    {
      gtk_label_set_text (self->outcome_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), FALSE);
      return;
    }
  /* Translators: "3 of 10 goals have an outcome" */
  text = g_strdup_printf (ngettext ("%u of %u goal has an outcome", "%u of %u goals have an outcome",
                                    n_goals),
                          n_with, n_goals);
  gtk_label_set_text (self->outcome_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->outcome_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), TRUE);
}

/* Asks for the board's decision, then adopts the plan. */
void
sp_plan_status_bar_adopt (SpPlanStatusBar *self)
{
  g_return_if_fail (SP_IS_PLAN_STATUS_BAR (self));
  present_adopt_dialog (self, NULL, NULL, NULL);
}

/* Asks whether to, then re-opens the adopted plan. */
void
sp_plan_status_bar_reopen (SpPlanStatusBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Re-open the Plan for %d?"), self->year);
  GtkWidget *dialog;

  g_return_if_fail (SP_IS_PLAN_STATUS_BAR (self));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The plan can then be changed again, and the board's decision is "
                                     "removed from it. Adopt it again when the board has decided."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Re-open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
