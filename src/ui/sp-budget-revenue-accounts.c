/* sp-budget-revenue-accounts.c: the accounts the members' contributions are booked on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members' contributions are the budget's revenue, derived from the
 * frame (sp-budget-revenue.h), one line per kind of payer on the förbund's
 * account for it. This group, beside the contributions, chooses those
 * accounts among the chart's revenue accounts; each choice is one undoable
 * edit. A year whose contributions are typed as lines says so here.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-revenue-accounts.h"

#include "sp-account.h"
#include "sp-association.h"
#include "sp-budget-revenue.h"
#include "sp-member.h"

#define N_KINDS 3

struct _SpBudgetRevenueAccounts
{
  AdwPreferencesGroup  parent_instance;

  SpDatabase          *database;
  int                  year;
  GArray              *accounts;   /* guint: the numbers of the rows' items */
  gboolean             updating;

  /* Template widgets */
  AdwComboRow         *state_row;
  AdwComboRow         *region_row;
  AdwComboRow         *municipalities_row;
};

G_DEFINE_FINAL_TYPE (SpBudgetRevenueAccounts, sp_budget_revenue_accounts, ADW_TYPE_PREFERENCES_GROUP)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ------------------------------------------------------------ */

static AdwComboRow *
row_of (SpBudgetRevenueAccounts *self,
        SpMemberKind             kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return self->state_row;
    case SP_MEMBER_KIND_REGION:
      return self->region_row;
    case SP_MEMBER_KIND_MUNICIPALITY:
    default:
      return self->municipalities_row;
    }
}

static const char *
accessible_name (SpMemberKind kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return _("Account of the state’s contributions");
    case SP_MEMBER_KIND_REGION:
      return _("Account of the region’s contributions");
    case SP_MEMBER_KIND_MUNICIPALITY:
    default:
      return _("Account of the municipalities’ contributions");
    }
}

/* Whether @model shows exactly @names. */
static gboolean
same_names (GListModel    *model,
            GtkStringList *names)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (names));

  if (model == NULL || !GTK_IS_STRING_LIST (model) || g_list_model_get_n_items (model) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   gtk_string_list_get_string (names, i)) != 0)
      return FALSE;
  return TRUE;
}

/* The chart's revenue accounts, "3510 Driftbidrag från staten", into every
 * row. A model that shows them already is kept: the update may come from a
 * row's own change, while it is still emitting it. */
static void
fill_accounts (SpBudgetRevenueAccounts *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(SpRecordList) list = NULL;
  guint n;

  g_array_set_size (self->accounts, 0);
  if (self->database != NULL)
    {
      list = sp_account_list_new (self->database);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (list), i);
          g_autofree char *label = NULL;
          guint number;

          if (sp_account_get_kind (account) != SP_ACCOUNT_KIND_REVENUE)
            continue;
          number = (guint) sp_account_get_number (account);
          label = g_strdup_printf ("%u %s", number, sp_account_get_name (account));
          gtk_string_list_append (names, label);
          g_array_append_val (self->accounts, number);
        }
    }
  for (SpMemberKind k = 0; k < N_KINDS; k++)
    if (!same_names (adw_combo_row_get_model (row_of (self, k)), names))
      adw_combo_row_set_model (row_of (self, k), G_LIST_MODEL (names));
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_row_notify_selected_cb (SpBudgetRevenueAccounts *self,
                           GParamSpec              *pspec,
                           AdwComboRow             *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->database == NULL || selected >= self->accounts->len)
    return;
  for (SpMemberKind k = 0; k < N_KINDS; k++)
    if (row_of (self, k) == row &&
        !sp_association_set_revenue_account (self->database, k, g_array_index (self->accounts, guint, selected),
                                             &error))
      {
        g_signal_emit (self, signals[ERROR], 0, error->message);
        sp_budget_revenue_accounts_update (self, self->database, self->year);
        return;
      }
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_budget_revenue_accounts_dispose (GObject *object)
{
  SpBudgetRevenueAccounts *self = SP_BUDGET_REVENUE_ACCOUNTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BUDGET_REVENUE_ACCOUNTS);
  g_clear_object (&self->database);
  g_clear_pointer (&self->accounts, g_array_unref);

  G_OBJECT_CLASS (sp_budget_revenue_accounts_parent_class)->dispose (object);
}

static void
sp_budget_revenue_accounts_class_init (SpBudgetRevenueAccountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_budget_revenue_accounts_dispose;

  /**
   * SpBudgetRevenueAccounts::error:
   * @message: why an account was not chosen
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-budget-revenue-accounts.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBudgetRevenueAccounts, state_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetRevenueAccounts, region_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetRevenueAccounts, municipalities_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_notify_selected_cb);
}

static void
sp_budget_revenue_accounts_init (SpBudgetRevenueAccounts *self)
{
  self->accounts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (SpMemberKind k = 0; k < N_KINDS; k++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row_of (self, k)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name (k), -1);
  self->updating = FALSE;
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_budget_revenue_accounts_new (void)
{
  return g_object_new (SP_TYPE_BUDGET_REVENUE_ACCOUNTS, NULL);
}

/**
 * sp_budget_revenue_accounts_update:
 * @database: (nullable): the file
 * @year: the year shown, whose contributions may be typed rather than derived
 *
 * Shows the chart's revenue accounts and the förbund's choice for each kind
 * of payer.
 */
void
sp_budget_revenue_accounts_update (SpBudgetRevenueAccounts *self,
                                   SpDatabase              *database,
                                   int                      year)
{
  g_autofree char *typed = NULL;

  g_return_if_fail (SP_IS_BUDGET_REVENUE_ACCOUNTS (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  self->updating = TRUE;
  g_set_object (&self->database, database);
  self->year = year;
  fill_accounts (self);
  for (SpMemberKind k = 0; k < N_KINDS; k++)
    {
      guint account = database != NULL ? sp_association_get_revenue_account (database, k) : 0;
      guint selected = GTK_INVALID_LIST_POSITION;

      for (guint i = 0; i < self->accounts->len; i++)
        if (g_array_index (self->accounts, guint, i) == account)
          selected = i;
      adw_combo_row_set_selected (row_of (self, k), selected);
      gtk_widget_set_sensitive (GTK_WIDGET (row_of (self, k)), database != NULL);
    }
  if (database != NULL && !sp_budget_revenue_is_derived (database, year))
    typed = sp_budget_revenue_dup_typed_note (database);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         typed != NULL ? typed
                                         : _("The members’ contributions are the budget’s revenue: one line for "
                                             "each kind of payer, derived from the frame, on these accounts."));
  self->updating = FALSE;
}
