/* sp-member-contributions.c: what each member pays in the shown year, on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's budget frame split by the shares and the allocation key, with
 * the two plan years in each row's subtitle, computed afresh after every
 * change to the database.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-member-contributions.h"

#include "sp-contribution.h"
#include "sp-invoicing.h"
#include "sp-error.h"
#include "sp-money.h"
#include "sp-plan-year.h"

struct _SpMemberContributions
{
  AdwBin               parent_instance;

  SpDatabase          *database;
  int                  year;

  /* Template widgets */
  AdwPreferencesGroup *contributions_group;
  GtkListBox          *contributions_list;
  GtkLabel            *contributions_placeholder;
  GtkLabel            *contributions_notice;
};

G_DEFINE_FINAL_TYPE (SpMemberContributions, sp_member_contributions, ADW_TYPE_BIN)

static void
show_notice (SpMemberContributions *self,
             const char            *message)
{
  gtk_label_set_text (self->contributions_notice, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contributions_notice), message != NULL);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
format_amount (SpMoney amount)
{
  if (amount == SP_MONEY_NOT_SET)
    /* Translators: an amount that has not been entered */
    return g_strdup (C_("amount", "not set"));
  return sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
}

static GtkWidget *
create_contribution_row (const char *title,
                         const char *subtitle,
                         const char *amount)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (amount);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* A long name ("Försäkringskassan i Västmanland") wraps rather than being cut. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
refresh (SpMemberContributions *self)
{
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(GHashTable) previous = NULL;
  g_autoptr(SpInvoicing) invoicing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SpMoney total = 0;
  gboolean complete = TRUE;

  /* Translators: the heading of the contributions; %d is the year */
  title = g_strdup_printf (_("Member Contributions %d"), self->year);
  adw_preferences_group_set_title (self->contributions_group, title);
  remove_all_rows (self->contributions_list);
  show_notice (self, NULL);
  if (self->database == NULL)
    return;

  contributions = sp_contributions_compute (self->database, self->year, &error);
  /* Last year's beside this year's, and the instalments the members are invoiced. */
  previous = sp_contributions_compute_by_member (self->database, self->year - 1);
  invoicing = sp_invoicing_load (self->database, NULL);
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

    if (plan_year != NULL && sp_contributions_are_adopted (self->database, self->year))
      {
        g_autofree char *notice =
          /* Translators: %d is a year whose plan and budget the board has adopted */
          g_strdup_printf (_("The plan for %d is adopted: these are the contributions the board adopted. "
                             "Changes to members or populations do not alter them; re-opening the year "
                             "computes them anew."),
                           self->year);
        show_notice (self, notice);
      }
    else if (plan_year != NULL && sp_plan_year_is_adopted (plan_year))
      {
        g_autofree char *notice =
          /* Translators: %d is a year whose plan and budget the board has adopted */
          g_strdup_printf (_("The plan for %d is adopted. Members and the board can still change, "
                             "and these amounts follow today’s members and populations."),
                           self->year);
        show_notice (self, notice);
      }
  }

  for (guint i = 0; i < contributions->len; i++)
    {
      SpContribution *c = g_ptr_array_index (contributions, i);
      g_autofree char *amount = format_amount (c->amount[0]);
      g_autofree char *next = format_amount (c->amount[1]);
      g_autofree char *after = format_amount (c->amount[2]);
      g_autofree char *subtitle = NULL;
      g_autofree char *label = sp_contribution_dup_label (c, self->year);

      if (!c->pays_own_share)
        subtitle = g_strdup (_("Its share is paid by another member"));
      else
        {
          GString *text = g_string_new (NULL);
          const SpContribution *before = g_hash_table_lookup (previous, &c->member_id);
          SpMoney parts[SP_INVOICING_MAX_INSTALMENTS];

          /* Translators: the contributions of the two plan years, e.g. "2010: 1 000 000 kr · 2011: …" */
          g_string_append_printf (text, _("%d: %s · %d: %s"), self->year + 1, next, self->year + 2, after);
          if (before != NULL && before->amount[0] != SP_MONEY_NOT_SET && c->amount[0] != SP_MONEY_NOT_SET)
            {
              g_autofree char *last = format_amount (before->amount[0]);
              g_autofree char *change = sp_money_format (c->amount[0] - before->amount[0], SP_MONEY_UNIT_KR,
                                                         SP_MONEY_FORMAT_DEFAULT);
              /* Translators: last year's contribution and the change, e.g. "2008: 540 000 kr (change 4 843 kr)" */
              g_string_append_printf (text, _("\n%d: %s (change %s)"), self->year - 1, last, change);
            }
          if (invoicing != NULL && invoicing->n_instalments > 1 && c->amount[0] != SP_MONEY_NOT_SET &&
              c->amount[0] > 0 && sp_invoicing_split (c->amount[0], invoicing->n_instalments, parts, NULL))
            {
              g_string_append_c (text, '\n');
              /* Translators: before the instalments and their due dates */
              g_string_append (text, _("Invoiced:"));
              for (guint k = 0; k < invoicing->n_instalments; k++)
                {
                  g_autofree char *due = sp_invoicing_dup_due_date (invoicing, k, self->year);
                  g_autofree char *part = format_amount (parts[k]);

                  /* Translators: one instalment: its amount and due date, "136 211 kr on 2009-01-31" */
                  g_string_append_printf (text, _(" %s on %s"), part, due);
                  if (k + 1 < invoicing->n_instalments)
                    g_string_append_c (text, ',');
                }
            }
          subtitle = g_string_free (text, FALSE);
        }
      gtk_list_box_append (self->contributions_list, create_contribution_row (label, subtitle, amount));

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

static void
on_database_changed_cb (SpMemberContributions *self)
{
  refresh (self);
}

static void
sp_member_contributions_dispose (GObject *object)
{
  SpMemberContributions *self = SP_MEMBER_CONTRIBUTIONS (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->database);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MEMBER_CONTRIBUTIONS);

  G_OBJECT_CLASS (sp_member_contributions_parent_class)->dispose (object);
}

static void
sp_member_contributions_class_init (SpMemberContributionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_member_contributions_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-member-contributions.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMemberContributions, contributions_group);
  gtk_widget_class_bind_template_child (widget_class, SpMemberContributions, contributions_list);
  gtk_widget_class_bind_template_child (widget_class, SpMemberContributions, contributions_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SpMemberContributions, contributions_notice);
}

static void
sp_member_contributions_init (SpMemberContributions *self)
{
  self->year = 2000;
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

/**
 * sp_member_contributions_set_database:
 * @database: (nullable): the open database, or %NULL
 *
 * Shows the contributions computed from @database, and follows its changes.
 */
void
sp_member_contributions_set_database (SpMemberContributions *self,
                                      SpDatabase            *database)
{
  g_return_if_fail (SP_IS_MEMBER_CONTRIBUTIONS (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
}

/* Shows the contributions of @year. */
void
sp_member_contributions_set_year (SpMemberContributions *self,
                                  int                    year)
{
  g_return_if_fail (SP_IS_MEMBER_CONTRIBUTIONS (self));

  self->year = year;
  refresh (self);
}
