/* sp-budget-contributions.c: the members' contributions of a year, with the budget frame, the shares and the key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A grid lists what each member pays in the plan's three years; beside it
 * are the budget frames, the equity used, the shares of the state, the
 * region and the municipalities, and the key that divides the
 * municipalities' share. Enter stores an entry (leaving a frame's or the
 * equity's entry too); what cannot be stored is marked on the entry and
 * reported with ::error. The page refreshes the view on every change.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-budget-contributions.h"

#include "sp-budget-revenue-accounts.h"

#include "sp-contribution.h"
#include "sp-widget-util.h"

/* The frames of the three years and the equity used */
#define N_AMOUNT_ROWS 4

struct _SpBudgetContributions
{
  GtkWidget     parent_instance;

  SpDatabase   *database;
  int           year;
  SpMoneyUnit   unit;
  gboolean      adopted;
  gboolean      updating;
  GPtrArray    *contributions;
  char         *stored_text[N_AMOUNT_ROWS];   /* what the amount rows showed when stored */

  /* Template widgets */
  AdwEntryRow  *frame_row0;
  AdwEntryRow  *frame_row1;
  AdwEntryRow  *frame_row2;
  AdwEntryRow  *equity_row;
  AdwEntryRow  *state_row;
  AdwEntryRow  *region_row;
  AdwEntryRow  *municipalities_row;
  AdwComboRow  *key_row;
  SpBudgetRevenueAccounts *revenue_accounts;
  GtkLabel     *contributions_error;
  GtkGrid      *contributions_grid;
};

G_DEFINE_FINAL_TYPE (SpBudgetContributions, sp_budget_contributions, GTK_TYPE_WIDGET)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The member whose agreed percentage or amount an entry of the grid edits */
typedef struct {
  SpBudgetContributions *self;
  gint64                 member_id;
} MemberKey;

/* ---- Helpers ------------------------------------------------------------ */

static void
show_error (SpBudgetContributions *self,
            const char            *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
set_row_error (GtkWidget  *row,
               const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
}

/* Reads a percentage ("50", "33,33", "25 %") as hundredths of a per cent. */
static gboolean
parse_share (const char  *text,
             int         *share,
             GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  SpMoney value;

  if (len > 0 && copy[len - 1] == '%')
    {
      copy[len - 1] = '\0';
      g_strstrip (copy);
    }
  if (!sp_money_parse (copy, SP_MONEY_UNIT_KR, &value, error))
    return FALSE;
  if (value < 0 || value > SP_SHARE_WHOLE)
    {
      g_set_error_literal (error, SP_MONEY_ERROR, SP_MONEY_ERROR_TOO_LARGE,
                           _("A share is between 0 and 100 %."));
      return FALSE;
    }
  *share = (int) value;
  return TRUE;
}

static char *
format_share (gint64 share)
{
  g_autofree char *number = sp_money_format (share, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);

  /* Translators: a percentage, e.g. "33,33 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* An amount of money in the page's unit, or an empty string when not set. */
static char *
format_amount (SpBudgetContributions *self,
               SpMoney                amount)
{
  if (!SP_BUDGET_IS_SET (amount))
    return g_strdup ("");
  return sp_money_format (amount, self->unit, SP_MONEY_FORMAT_DEFAULT);
}

/* The frame's or the equity's entry, 0 to 3, or -1 for another. */
static int
amount_row_index (SpBudgetContributions *self,
                  AdwEntryRow           *row)
{
  AdwEntryRow *rows[N_AMOUNT_ROWS] = { self->frame_row0, self->frame_row1, self->frame_row2, self->equity_row };

  for (int i = 0; i < N_AMOUNT_ROWS; i++)
    if (rows[i] == row)
      return i;
  return -1;
}

/* Shows @text in @row; a frame's or the equity's is kept as stored. */
static void
set_entry_row_text (SpBudgetContributions *self,
                    AdwEntryRow           *row,
                    const char            *text)
{
  int i = amount_row_index (self, row);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  if (i >= 0)
    {
      g_free (self->stored_text[i]);
      self->stored_text[i] = g_strdup (text != NULL ? text : "");
    }
  set_row_error (GTK_WIDGET (row), NULL);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (xalign == 0)
    {
      /* A long name ("Försäkringskassan") wraps at its words, never cut. */
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      sp_widget_set_tooltip_lazily (label, text);
    }
  return label;
}

static void
on_member_key_activate_cb (GtkEntry  *entry,
                           MemberKey *key)
{
  SpBudgetContributions *self = key->self;
  gint64 member_id = key->member_id;
  g_autoptr(SpPlanYear) plan_year = sp_plan_year_load (self->database, self->year, NULL);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int percentage = -1;
  SpMoney amount = SP_MONEY_NOT_SET;
  gboolean ok;

  if (plan_year == NULL ||
      !sp_plan_year_get_member_key (self->database, self->year, member_id, &percentage, &amount, &error))
    ok = FALSE;
  else if (sp_plan_year_get_allocation_key (plan_year) == SP_ALLOCATION_KEY_PERCENTAGE)
    ok = parse_share (text, &percentage, &error);
  else
    ok = sp_money_parse (text, self->unit, &amount, &error);

  if (ok)
    ok = sp_plan_year_set_member_key (self->database, self->year, member_id, percentage, amount, &error);
  if (!ok)
    {
      set_row_error (GTK_WIDGET (entry), error != NULL ? error->message : NULL);
      gtk_label_set_text (self->contributions_error, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->contributions_error), TRUE);
    }
}

static void
update_contributions (SpBudgetContributions *self,
                      SpPlanYear            *plan_year)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contributions;
  SpAllocationKey key = plan_year != NULL ? sp_plan_year_get_allocation_key (plan_year)
                                          : SP_ALLOCATION_KEY_POPULATION;
  GtkWidget *child;
  SpMoney sums[SP_PLAN_YEARS] = { 0 };
  gboolean any_set[SP_PLAN_YEARS] = { FALSE };
  SpMoney frame0;
  AdwEntryRow *frame_rows[SP_PLAN_YEARS] = { self->frame_row0, self->frame_row1, self->frame_row2 };
  const char *key_head;
  int row = 1;

  self->updating = TRUE;
  for (guint i = 0; i < SP_PLAN_YEARS; i++)
    {
      /* Translators: an entry's title: the budget frame of a year, e.g. "Budget frame 2009" */
      g_autofree char *title = g_strdup_printf (_("Budget frame %d"), self->year + (int) i);
      g_autofree char *text = plan_year != NULL
        ? format_amount (self, sp_plan_year_get_frame (plan_year, i)) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (frame_rows[i]), title);
      set_entry_row_text (self, frame_rows[i], text);
    }
  {
    /* Translators: an entry's title: money taken from equity in a year, e.g. "Equity used 2009" */
    g_autofree char *title = g_strdup_printf (_("Equity used %d"), self->year);
    g_autofree char *text = plan_year != NULL
      ? format_amount (self, sp_plan_year_get_equity_used (plan_year)) : NULL;

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->equity_row), title);
    set_entry_row_text (self, self->equity_row, text);
  }
  if (plan_year != NULL)
    {
      g_autofree char *state = format_share (sp_plan_year_get_share_state (plan_year));
      g_autofree char *region = format_share (sp_plan_year_get_share_region (plan_year));
      g_autofree char *municipalities = format_share (sp_plan_year_get_share_municipalities (plan_year));

      set_entry_row_text (self, self->state_row, state);
      set_entry_row_text (self, self->region_row, region);
      set_entry_row_text (self, self->municipalities_row, municipalities);
      adw_combo_row_set_selected (self->key_row, key);
    }
  self->updating = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contributions_grid))) != NULL)
    gtk_grid_remove (self->contributions_grid, child);

  if (self->database == NULL || plan_year == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->contributions_error), FALSE);
      return;
    }

  self->contributions = sp_contributions_compute (self->database, self->year, &error);
  contributions = self->contributions;
  gtk_label_set_text (self->contributions_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contributions_error), error != NULL);
  if (contributions == NULL)
    return;

  key_head = key == SP_ALLOCATION_KEY_POPULATION ? _("Population")
           : key == SP_ALLOCATION_KEY_PERCENTAGE ? _("Percentage") : _("Fixed amount");
  gtk_grid_attach (self->contributions_grid, grid_label (_("Member"), 0, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->contributions_grid, grid_label (_("Kind"), 0, "heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->contributions_grid, grid_label (key_head, 1, "heading"), 2, 0, 1, 1);
  gtk_grid_attach (self->contributions_grid, grid_label (_("Share"), 1, "heading"), 3, 0, 1, 1);
  for (guint i = 0; i < SP_PLAN_YEARS; i++)
    {
      g_autofree char *head = g_strdup_printf ("%d", self->year + (int) i);
      gtk_grid_attach (self->contributions_grid, grid_label (head, 1, "heading"), 4 + i, 0, 1, 1);
    }

  frame0 = sp_plan_year_get_frame (plan_year, 0);
  for (guint i = 0; i < contributions->len; i++, row++)
    {
      SpContribution *c = g_ptr_array_index (contributions, i);
      g_autofree char *key_text = NULL;
      g_autofree char *share = NULL;
      GtkWidget *key_widget;
      MemberKey *member_key;

      if (c->kind == SP_MEMBER_KIND_MUNICIPALITY && key != SP_ALLOCATION_KEY_POPULATION && c->pays_own_share)
        {
          /* The agreed percentage or amount is edited here. */
          if (c->key_value >= 0)
            key_text = key == SP_ALLOCATION_KEY_PERCENTAGE
              ? sp_money_format (c->key_value, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT)
              : sp_money_format (c->key_value, self->unit, SP_MONEY_FORMAT_EXACT);
          key_widget = gtk_entry_new ();
          gtk_editable_set_text (GTK_EDITABLE (key_widget), key_text != NULL ? key_text : "");
          gtk_editable_set_width_chars (GTK_EDITABLE (key_widget), 10);
          gtk_entry_set_alignment (GTK_ENTRY (key_widget), 1.0);
          gtk_widget_set_sensitive (key_widget, !self->adopted);
          member_key = g_new0 (MemberKey, 1);
          member_key->self = self;
          member_key->member_id = c->member_id;
          {
            /* Translators: the accessible name of an entry: the key's name, then the member */
            g_autofree char *name = g_strdup_printf (_("%s: %s"), key_head, c->name);
            gtk_accessible_update_property (GTK_ACCESSIBLE (key_widget),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          }
          g_signal_connect_data (key_widget, "activate", G_CALLBACK (on_member_key_activate_cb),
                                 member_key, (GClosureNotify) (void (*) (void)) g_free, 0);
        }
      else
        {
          if (!c->pays_own_share)
            key_text = g_strdup (_("paid by another member"));
          else if (c->key_value >= 0 && key == SP_ALLOCATION_KEY_POPULATION)
            /* A head count, formatted like whole kronor without the unit: "12 150". */
            key_text = sp_money_format (c->key_value * SP_MONEY_ORE_PER_KR, SP_MONEY_UNIT_KR,
                                        SP_MONEY_FORMAT_NO_UNIT);
          key_widget = grid_label (key_text != NULL ? key_text : "", 1, "numeric");
        }

      if (SP_BUDGET_IS_SET (frame0) && frame0 != 0 && SP_BUDGET_IS_SET (c->amount[0]))
        share = format_share ((c->amount[0] * SP_SHARE_WHOLE + frame0 / 2) / frame0);

      {
        g_autofree char *label = sp_contribution_dup_label (c, self->year);

        gtk_grid_attach (self->contributions_grid, grid_label (label, 0, NULL), 0, row, 1, 1);
      }
      gtk_grid_attach (self->contributions_grid, grid_label (sp_member_kind_get_label (c->kind), 0, "dim-label"),
                       1, row, 1, 1);
      gtk_grid_attach (self->contributions_grid, key_widget, 2, row, 1, 1);
      gtk_grid_attach (self->contributions_grid, grid_label (share != NULL ? share : "", 1, "numeric"),
                       3, row, 1, 1);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          g_autofree char *amount = format_amount (self, c->amount[y]);

          if (SP_BUDGET_IS_SET (c->amount[y]))
            {
              sums[y] += c->amount[y];
              any_set[y] = TRUE;
            }
          gtk_grid_attach (self->contributions_grid, grid_label (amount, 1, "numeric"), 4 + y, row, 1, 1);
        }
    }

  gtk_grid_attach (self->contributions_grid, grid_label (_("Total"), 0, "heading"), 0, row, 1, 1);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *amount = format_amount (self, any_set[y] ? sums[y] : SP_BUDGET_NOT_SET);
      GtkWidget *label = grid_label (amount, 1, "numeric");

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->contributions_grid, label, 4 + y, row, 1, 1);
    }
}

/* ---- Callbacks: budget frame, equity used, shares, key ---------------- */

static void
on_frame_row_activated_cb (SpBudgetContributions *self,
                           AdwEntryRow           *row)
{
  guint column = row == self->frame_row0 ? 0 : row == self->frame_row1 ? 1 : 2;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  SpMoney amount = SP_MONEY_NOT_SET;
  gboolean ok = TRUE;

  if (self->database == NULL)
    return;
  if (*text != '\0')
    ok = sp_money_parse (text, self->unit, &amount, &error);
  if (ok)
    ok = sp_plan_year_set_frame (self->database, self->year, column, amount, &error);
  set_row_error (GTK_WIDGET (row), ok ? NULL : error->message);
  show_error (self, ok ? NULL : error->message);
}

static void
on_equity_row_activated_cb (SpBudgetContributions *self,
                            AdwEntryRow           *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  SpMoney amount = SP_MONEY_NOT_SET;
  gboolean ok = TRUE;

  if (self->database == NULL)
    return;
  if (*text != '\0')
    ok = sp_money_parse (text, self->unit, &amount, &error);
  if (ok)
    ok = sp_plan_year_set_equity_used (self->database, self->year, amount, &error);
  set_row_error (GTK_WIDGET (row), ok ? NULL : error->message);
  show_error (self, ok ? NULL : error->message);
}

/* Leaving a frame or the equity stores what was typed there, as Enter does. */
static void
on_amount_row_focus_leave_cb (SpBudgetContributions   *self,
                              GtkEventControllerFocus *controller)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  int i = amount_row_index (self, row);
  const char *stored = i >= 0 ? self->stored_text[i] : NULL;

  if (self->database == NULL || self->adopted ||
      g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    return;
  if (row == self->equity_row)
    on_equity_row_activated_cb (self, row);
  else
    on_frame_row_activated_cb (self, row);
}

static void
on_share_row_activated_cb (SpBudgetContributions *self,
                           AdwEntryRow           *row)
{
  AdwEntryRow *rows[3] = { self->state_row, self->region_row, self->municipalities_row };
  int shares[3];
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->database == NULL)
    return;
  for (guint i = 0; i < 3 && ok; i++)
    if (!(ok = parse_share (gtk_editable_get_text (GTK_EDITABLE (rows[i])), &shares[i], &error)))
      set_row_error (GTK_WIDGET (rows[i]), error->message);
  if (ok)
    {
      ok = sp_plan_year_set_shares (self->database, self->year, shares[0], shares[1], shares[2], &error);
      set_row_error (GTK_WIDGET (row), ok ? NULL : error->message);
    }
  show_error (self, ok ? NULL : error->message);
}

static void
on_revenue_accounts_error_cb (SpBudgetContributions   *self,
                              const char              *message,
                              SpBudgetRevenueAccounts *accounts)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
on_key_row_notify_selected_cb (SpBudgetContributions *self,
                               GParamSpec            *pspec,
                               AdwComboRow           *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanYear) plan_year = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->database == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  plan_year = sp_plan_year_load (self->database, self->year, NULL);
  if (plan_year == NULL || sp_plan_year_get_allocation_key (plan_year) == (SpAllocationKey) selected)
    return;
  if (!sp_plan_year_set_allocation_key (self->database, self->year, selected, &error))
    {
      show_error (self, error->message);
      self->updating = TRUE;
      adw_combo_row_set_selected (row, sp_plan_year_get_allocation_key (plan_year));
      self->updating = FALSE;
    }
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_budget_contributions_dispose (GObject *object)
{
  SpBudgetContributions *self = SP_BUDGET_CONTRIBUTIONS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BUDGET_CONTRIBUTIONS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_pointer (&self->contributions, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_budget_contributions_parent_class)->dispose (object);
}

static void
sp_budget_contributions_finalize (GObject *object)
{
  SpBudgetContributions *self = SP_BUDGET_CONTRIBUTIONS (object);

  for (guint i = 0; i < N_AMOUNT_ROWS; i++)
    g_free (self->stored_text[i]);

  G_OBJECT_CLASS (sp_budget_contributions_parent_class)->finalize (object);
}

static void
sp_budget_contributions_class_init (SpBudgetContributionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_budget_contributions_dispose;
  object_class->finalize = sp_budget_contributions_finalize;

  /**
   * SpBudgetContributions::error:
   * @message: (nullable): why an entry was not stored, or %NULL when it was
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (SP_TYPE_BUDGET_REVENUE_ACCOUNTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-budget-contributions.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, frame_row0);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, frame_row1);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, frame_row2);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, equity_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, state_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, region_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, municipalities_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, key_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, contributions_error);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, contributions_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_frame_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_equity_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_share_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_row_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revenue_accounts_error_cb);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetContributions, revenue_accounts);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-budget-contributions");
}

static void
sp_budget_contributions_init (SpBudgetContributions *self)
{
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);
  AdwEntryRow *amount_rows[N_AMOUNT_ROWS];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit = SP_MONEY_UNIT_KR;

  amount_rows[0] = self->frame_row0;
  amount_rows[1] = self->frame_row1;
  amount_rows[2] = self->frame_row2;
  amount_rows[3] = self->equity_row;
  for (guint i = 0; i < N_AMOUNT_ROWS; i++)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      g_signal_connect_object (controller, "leave", G_CALLBACK (on_amount_row_focus_leave_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (amount_rows[i]), controller);
    }

  for (guint k = SP_ALLOCATION_KEY_POPULATION; k <= SP_ALLOCATION_KEY_FIXED; k++)
    gtk_string_list_append (keys, sp_allocation_key_get_label (k));
  adw_combo_row_set_model (self->key_row, G_LIST_MODEL (keys));
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_budget_contributions_new (void)
{
  return g_object_new (SP_TYPE_BUDGET_CONTRIBUTIONS, NULL);
}

/**
 * sp_budget_contributions_update:
 * @database: (nullable): the database shown
 * @year: the first year of the plan
 * @unit: the unit amounts are shown and read in
 * @plan_year: (nullable): the plan year loaded now, %NULL when there is none
 *
 * Shows the year's frames, shares, key and contributions again; the entries
 * can be edited while the year is not adopted.
 */
void
sp_budget_contributions_update (SpBudgetContributions *self,
                                SpDatabase            *database,
                                int                    year,
                                SpMoneyUnit            unit,
                                SpPlanYear            *plan_year)
{
  gboolean can_edit;
  GtkWidget *rows[8];

  g_return_if_fail (SP_IS_BUDGET_CONTRIBUTIONS (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  g_set_object (&self->database, database);
  self->year = year;
  self->unit = unit;
  self->adopted = plan_year != NULL && sp_plan_year_is_adopted (plan_year);
  g_clear_pointer (&self->contributions, g_ptr_array_unref);

  can_edit = !self->adopted && plan_year != NULL;
  rows[0] = GTK_WIDGET (self->frame_row0);
  rows[1] = GTK_WIDGET (self->frame_row1);
  rows[2] = GTK_WIDGET (self->frame_row2);
  rows[3] = GTK_WIDGET (self->equity_row);
  rows[4] = GTK_WIDGET (self->state_row);
  rows[5] = GTK_WIDGET (self->region_row);
  rows[6] = GTK_WIDGET (self->municipalities_row);
  rows[7] = GTK_WIDGET (self->key_row);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], can_edit);

  update_contributions (self, plan_year);
  sp_budget_revenue_accounts_update (self->revenue_accounts, database, year);
}

/* Returns: (transfer none) (nullable): the contributions shown, of #SpContribution,
 * or %NULL when they could not be computed */
GPtrArray *
sp_budget_contributions_get_contributions (SpBudgetContributions *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_CONTRIBUTIONS (self), NULL);
  return self->contributions;
}
