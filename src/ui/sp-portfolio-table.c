/* sp-portfolio-table.c: the Projekt page's table of projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column view of projects: the name, owner, status, the figures of the
 * page's year (granted, paid to date, with a warning where more is paid than
 * granted, and participants), the period and how far the evaluation has come. Each column
 * has its own factory and sorter, told which column they work for by the
 * column's ColumnInfo. The page gives the table its (sorted, filtered) model
 * and the year's figures.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-portfolio-table.h"

#include "sp-money.h"
#include "sp-portfolio.h"
#include "sp-project-payout.h"
#include "sp-widget-util.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_OWNER,
  COLUMN_STATUS,
  COLUMN_PERIOD,
  COLUMN_GRANTED,
  COLUMN_PAID,
  COLUMN_PARTICIPANTS,
  COLUMN_EVALUATION,
  N_COLUMNS
} Column;

/* What a column's factory and sorter work for */
typedef struct {
  SpPortfolioTable *table;
  Column            column;
} ColumnInfo;

struct _SpPortfolioTable
{
  GtkWidget            parent_instance;

  int                  year;
  GHashTable          *figures;     /* the year's: gint64 * → SpProjectYearFigures, or NULL */
  GArray              *payouts;     /* the year's SpProjectPayout, or NULL */
  GHashTable          *payout_index; /* gint64 * (in payouts) → SpProjectPayout * */
  GHashTable          *bound_items; /* GtkListItem → column, the cells shown */
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkSorter           *sorters[N_COLUMNS];
  ColumnInfo           column_infos[N_COLUMNS];

  /* Template widgets */
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (SpPortfolioTable, sp_portfolio_table, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SpProjectYearFigures *
lookup_figures (SpPortfolioTable *self,
                SpProject        *project)
{
  gint64 id = sp_record_get_id (SP_RECORD (project));

  if (self->figures == NULL)
    return NULL;
  return g_hash_table_lookup (self->figures, &id);
}

static const SpProjectPayout *
lookup_payout (SpPortfolioTable *self,
               SpProject        *project)
{
  gint64 id = sp_record_get_id (SP_RECORD (project));

  if (self->payout_index == NULL)
    return NULL;
  return g_hash_table_lookup (self->payout_index, &id);
}

/* The label of a cell: the cell itself, or the last child of the paid
 * column's box (its warning icon first). */
static GtkLabel *
cell_label (GtkWidget *cell)
{
  if (GTK_IS_LABEL (cell))
    return GTK_LABEL (cell);
  return GTK_LABEL (gtk_widget_get_last_child (cell));
}

static char *
format_period (SpProject *project)
{
  const char *start = sp_project_get_start_date (project);
  const char *end = sp_project_get_end_date (project);
  gboolean has_start = start != NULL && start[0] != '\0';
  gboolean has_end = end != NULL && end[0] != '\0';

  if (has_start && has_end)
    {
      /* Translators: a project's period: start date – end date */
      GString *text = g_string_new (NULL);

      g_string_printf (text, _("%s – %s"), start, end);
      /* The dash stays with the start date when the period wraps. */
      g_string_replace (text, " –", "\u00a0–", 1);
      return g_string_free (text, FALSE);
    }
  if (has_start)
    /* Translators: a project's period without an end date */
    return g_strdup_printf (_("from %s"), start);
  if (has_end)
    /* Translators: a project's period without a start date */
    return g_strdup_printf (_("until %s"), end);
  return g_strdup ("—");
}

/* How far the evaluation has come: 0 nothing, 1 an external co-assessor,
 * 2 self-evaluation done, 3 the report is written. */
static int
evaluation_rank (SpProject *project)
{
  const char *report = sp_project_get_report_date (project);
  const char *assessor = sp_project_get_external_assessor (project);

  if (report != NULL && report[0] != '\0')
    return 3;
  if (sp_project_get_self_evaluation_done (project))
    return 2;
  if (assessor != NULL && assessor[0] != '\0')
    return 1;
  return 0;
}

static char *
format_evaluation (SpProject *project)
{
  switch (evaluation_rank (project))
    {
    case 3:
      /* Translators: the evaluation state: the report is dated %s */
      return g_strdup_printf (_("Reported %s"), sp_project_get_report_date (project));
    case 2:
      return g_strdup (_("Self-evaluated"));
    case 1:
      /* Translators: the evaluation state: an external co-assessor is named */
      return g_strdup (_("Co-assessor named"));
    default:
      /* Translators: the evaluation state of a project that is not evaluated */
      return g_strdup (_("Not evaluated"));
    }
}

static void
update_cell (SpPortfolioTable *self,
             Column            column,
             GtkWidget        *cell,
             SpProject        *project)
{
  const SpProjectYearFigures *figures = lookup_figures (self, project);
  const SpProjectPayout *payout;
  GtkLabel *label = cell_label (cell);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (sp_project_get_name (project));
      break;
    case COLUMN_OWNER:
      text = g_strdup (sp_project_get_owner_name (project));
      break;
    case COLUMN_STATUS:
      if (sp_project_get_archived (project))
        /* Translators: a project status with the note that it is archived, e.g. "Finished (archived)" */
        text = g_strdup_printf (_("%s (archived)"), sp_project_status_get_label (sp_project_get_status (project)));
      else
        text = g_strdup (sp_project_status_get_label (sp_project_get_status (project)));
      break;
    case COLUMN_PERIOD:
      text = format_period (project);
      break;
    case COLUMN_GRANTED:
      if (figures != NULL && figures->has_grant)
        text = sp_money_format (figures->granted, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      else
        text = g_strdup ("—");
      break;
    case COLUMN_PAID:
      payout = lookup_payout (self, project);
      if (payout != NULL && (payout->paid != 0 || payout->granted != 0))
        text = sp_money_format (payout->paid, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      else
        text = g_strdup ("—");
      /* More paid than granted: the warning icon before the amount. */
      gtk_widget_set_visible (gtk_widget_get_first_child (cell),
                              payout != NULL && sp_project_payout_is_over (payout));
      break;
    case COLUMN_PARTICIPANTS:
      if (figures != NULL && figures->has_participants)
        /* Translators: participants of a year: women / men */
        text = g_strdup_printf (_("%d / %d"), figures->women, figures->men);
      else
        text = g_strdup ("—");
      break;
    case COLUMN_EVALUATION:
      text = format_evaluation (project);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text);
  /* The whole name or owner, which may be ellipsized. */
  if (column == COLUMN_NAME || column == COLUMN_OWNER)
    sp_widget_set_tooltip_lazily (GTK_WIDGET (label), text);
}

static void
update_bound_cells (SpPortfolioTable *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkListItem *item = key;
      SpProject *project = gtk_list_item_get_item (item);

      if (project != NULL)
        update_cell (self, GPOINTER_TO_INT (value), gtk_list_item_get_child (item), project);
    }
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* ISO dates ("2024-03-01") order as bytes; empty values last. */
static int
compare_dates (const char *a,
               const char *b)
{
  gboolean empty_a = a == NULL || a[0] == '\0';
  gboolean empty_b = b == NULL || b[0] == '\0';

  if (empty_a || empty_b)
    return empty_a - empty_b;
  return strcmp (a, b);
}

/* Names in the locale's order, by the projects' cached collation keys
 * (sorting ten thousand projects compares them some 130 000 times); empty
 * values last. */
static int
compare_keys (const char  *a,
              const char  *b,
              const char *(*get_key) (SpProject *project),
              SpProject   *pa,
              SpProject   *pb)
{
  gboolean empty_a = a == NULL || a[0] == '\0';
  gboolean empty_b = b == NULL || b[0] == '\0';

  if (empty_a || empty_b)
    return empty_a - empty_b;
  return strcmp (get_key (pa), get_key (pb));
}

static int
compare_projects (SpPortfolioTable *self,
                  Column            column,
                  SpProject        *pa,
                  SpProject        *pb)
{
  const SpProjectYearFigures *fa, *fb;
  const SpProjectPayout *pa_payout, *pb_payout;
  int result = 0;

  switch (column)
    {
    case COLUMN_NAME:
      result = compare_keys (sp_project_get_name (pa), sp_project_get_name (pb),
                             sp_project_get_name_key, pa, pb);
      break;
    case COLUMN_OWNER:
      result = compare_keys (sp_project_get_owner_name (pa), sp_project_get_owner_name (pb),
                             sp_project_get_owner_key, pa, pb);
      break;
    case COLUMN_STATUS:
      result = (int) sp_project_get_status (pa) - (int) sp_project_get_status (pb);
      break;
    case COLUMN_PERIOD:
      result = compare_dates (sp_project_get_start_date (pa), sp_project_get_start_date (pb));
      if (result == 0)
        result = compare_dates (sp_project_get_end_date (pa), sp_project_get_end_date (pb));
      break;
    case COLUMN_GRANTED:
      fa = lookup_figures (self, pa);
      fb = lookup_figures (self, pb);
      result = compare_int64 (fa != NULL && fa->has_grant ? fa->granted : -1,
                              fb != NULL && fb->has_grant ? fb->granted : -1);
      break;
    case COLUMN_PAID:
      pa_payout = lookup_payout (self, pa);
      pb_payout = lookup_payout (self, pb);
      result = compare_int64 (pa_payout != NULL ? pa_payout->paid : G_MININT64,
                              pb_payout != NULL ? pb_payout->paid : G_MININT64);
      break;
    case COLUMN_PARTICIPANTS:
      fa = lookup_figures (self, pa);
      fb = lookup_figures (self, pb);
      result = compare_int64 (fa != NULL && fa->has_participants ? fa->women + fa->men : -1,
                              fb != NULL && fb->has_participants ? fb->women + fb->men : -1);
      break;
    case COLUMN_EVALUATION:
      result = evaluation_rank (pa) - evaluation_rank (pb);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = compare_int64 (sp_record_get_id (SP_RECORD (pa)), sp_record_get_id (SP_RECORD (pb)));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_for_column (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  ColumnInfo *info = user_data;

  return compare_projects (info->table, info->column, SP_PROJECT ((gpointer) a), SP_PROJECT ((gpointer) b));
}

static void
update_column_titles (SpPortfolioTable *self)
{
  g_autofree char *granted = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *participants = NULL;

  /* Translators: a column head on two lines: the granted funds of the year %d */
  granted = g_strdup_printf (_("Granted\n%d"), self->year);
  /* Translators: a column head on two lines: the participants of the year %d, women / men */
  participants = g_strdup_printf (_("Women / men\n%d"), self->year);
  /* Translators: a column head on two lines: paid to date to a project in the year %d, as the ledger says */
  paid = g_strdup_printf (_("Paid\n%d"), self->year);
  gtk_column_view_column_set_title (self->columns[COLUMN_GRANTED], granted);
  gtk_column_view_column_set_title (self->columns[COLUMN_PAID], paid);
  gtk_column_view_column_set_title (self->columns[COLUMN_PARTICIPANTS], participants);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ColumnInfo               *info)
{
  /* The widest each column wants to be, in characters: the columns size to
   * their content, and a long name, owner, period or evaluation wraps at
   * its words (never inside one) rather than being cut, so that every column
   * shows beside the editor at the window's default size. A narrower
   * window scrolls sideways. */
  static const int max_chars[N_COLUMNS] = { 30, 16, 10, 12, 14, 12, 10, 14 };
  Column column = info->column;
  gboolean numeric = column == COLUMN_GRANTED || column == COLUMN_PAID || column == COLUMN_PARTICIPANTS;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars[column]);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_PAID)
    {
      /* A warning icon, shown where more is paid than granted, then the amount. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      const char *warning = _("More paid than granted");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, warning);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, warning, -1);
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_list_item_set_child (item, label);
}

/* A bound cell is filled here and again by sp_portfolio_table_update_cells()
 * after every change to the database (the project list has reloaded by
 * then): no signal handler per cell to connect and disconnect as rows
 * scroll or filter. */
static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ColumnInfo               *info)
{
  SpPortfolioTable *self = info->table;
  Column column = info->column;

  g_hash_table_insert (self->bound_items, item, GINT_TO_POINTER (column));
  update_cell (self, column, gtk_list_item_get_child (item), gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ColumnInfo               *info)
{
  g_hash_table_remove (info->table->bound_items, item);
}

static void
on_column_view_activate_cb (SpPortfolioTable *self,
                            guint             position)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, position);
}

static void
add_column (SpPortfolioTable *self,
            Column            column,
            const char       *title,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnInfo *info = &self->column_infos[column];
  GtkCustomSorter *sorter;

  info->table = self;
  info->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), info);

  self->columns[column] = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (self->columns[column], TRUE);
  gtk_column_view_column_set_expand (self->columns[column], expand);

  /* One compare function for every column: the column's info says which
   * column it sorts (see sp_portfolio_table_init()). */
  sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
  self->sorters[column] = GTK_SORTER (sorter);
  gtk_column_view_column_set_sorter (self->columns[column], self->sorters[column]);
  gtk_column_view_append_column (self->column_view, self->columns[column]);
}

static void
sp_portfolio_table_dispose (GObject *object)
{
  SpPortfolioTable *self = SP_PORTFOLIO_TABLE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PORTFOLIO_TABLE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  self->column_view = NULL;

  G_OBJECT_CLASS (sp_portfolio_table_parent_class)->dispose (object);
}

static void
sp_portfolio_table_finalize (GObject *object)
{
  SpPortfolioTable *self = SP_PORTFOLIO_TABLE (object);

  g_clear_pointer (&self->figures, g_hash_table_unref);
  g_clear_pointer (&self->payout_index, g_hash_table_unref);
  g_clear_pointer (&self->payouts, g_array_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (sp_portfolio_table_parent_class)->finalize (object);
}

static void
sp_portfolio_table_class_init (SpPortfolioTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_portfolio_table_dispose;
  object_class->finalize = sp_portfolio_table_finalize;

  /**
   * SpPortfolioTable::activate:
   * @position: the row's position in the model
   *
   * A row was activated: double-clicked, or clicked when single clicks
   * activate, or Enter was pressed.
   */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-portfolio-table.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioTable, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
}

static void
sp_portfolio_table_init (SpPortfolioTable *self)
{
  self->bound_items = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The columns that wrap share a wide window's room, so that the owner and
   * the period need not wrap when there is space. */
  add_column (self, COLUMN_NAME, _("Name"), TRUE);
  /* Translators: a column head: the project owner */
  add_column (self, COLUMN_OWNER, _("Owner"), TRUE);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE);
  /* The year's figures before the dates: beside the editor the table has
   * room for about four columns, and the money is what the treasurer reads. */
  add_column (self, COLUMN_GRANTED, NULL, FALSE);
  add_column (self, COLUMN_PAID, NULL, FALSE);
  add_column (self, COLUMN_PARTICIPANTS, NULL, FALSE);
  add_column (self, COLUMN_PERIOD, _("Period"), TRUE);
  add_column (self, COLUMN_EVALUATION, _("Evaluation"), FALSE);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (self->sorters[i]), compare_for_column,
                                     &self->column_infos[i], NULL);
  update_column_titles (self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);
}

/**
 * sp_portfolio_table_get_sorter:
 *
 * Returns: (transfer none): the sorter of the column the user sorts by,
 *   for the model given to sp_portfolio_table_set_model()
 */
GtkSorter *
sp_portfolio_table_get_sorter (SpPortfolioTable *self)
{
  g_return_val_if_fail (SP_IS_PORTFOLIO_TABLE (self), NULL);

  return gtk_column_view_get_sorter (self->column_view);
}

/**
 * sp_portfolio_table_set_model:
 * @model: (nullable): the projects to show, sorted by the table's sorter
 */
void
sp_portfolio_table_set_model (SpPortfolioTable  *self,
                              GtkSelectionModel *model)
{
  g_return_if_fail (SP_IS_PORTFOLIO_TABLE (self));

  gtk_column_view_set_model (self->column_view, model);
}

/* The year whose figures the table shows, in the column heads. */
void
sp_portfolio_table_set_year (SpPortfolioTable *self,
                             int               year)
{
  g_return_if_fail (SP_IS_PORTFOLIO_TABLE (self));

  self->year = year;
  update_column_titles (self);
}

/**
 * sp_portfolio_table_set_figures:
 * @figures: (nullable): the year's figures, gint64 * → SpProjectYearFigures
 *
 * Shows @figures, and sorts by them again if the table is sorted by them.
 */
void
sp_portfolio_table_set_figures (SpPortfolioTable *self,
                                GHashTable       *figures)
{
  g_return_if_fail (SP_IS_PORTFOLIO_TABLE (self));

  if (figures != NULL)
    g_hash_table_ref (figures);
  g_clear_pointer (&self->figures, g_hash_table_unref);
  self->figures = figures;
  gtk_sorter_changed (self->sorters[COLUMN_GRANTED], GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->sorters[COLUMN_PARTICIPANTS], GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * sp_portfolio_table_set_payouts:
 * @payouts: (nullable) (element-type SpProjectPayout): the year's payouts
 *   to date (sp_project_payouts_get())
 *
 * Shows @payouts in the paid column (hidden while nothing is paid in the
 * year), and sorts by them again if the table is sorted by them.
 */
void
sp_portfolio_table_set_payouts (SpPortfolioTable *self,
                                GArray           *payouts)
{
  gboolean any_paid = FALSE;

  g_return_if_fail (SP_IS_PORTFOLIO_TABLE (self));

  if (payouts != NULL)
    g_array_ref (payouts);
  g_clear_pointer (&self->payout_index, g_hash_table_unref);
  g_clear_pointer (&self->payouts, g_array_unref);
  self->payouts = payouts;
  if (payouts != NULL)
    {
      self->payout_index = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < payouts->len; i++)
        {
          SpProjectPayout *payout = &g_array_index (payouts, SpProjectPayout, i);

          g_hash_table_insert (self->payout_index, &payout->project_id, payout);
          any_paid |= payout->paid != 0;
        }
    }
  /* Before the ledger has given any payout for the year the column would
   * say 0 kr on every row: it shows only once there is one, and leaves the
   * room beside the editor to the other columns until then. */
  gtk_column_view_column_set_visible (self->columns[COLUMN_PAID], any_paid);
  gtk_sorter_changed (self->sorters[COLUMN_PAID], GTK_SORTER_CHANGE_DIFFERENT);
}

/* Fills the cells shown again: after a change to the database the project
 * list has reloaded, and bound cells are not told. */
void
sp_portfolio_table_update_cells (SpPortfolioTable *self)
{
  g_return_if_fail (SP_IS_PORTFOLIO_TABLE (self));

  update_bound_cells (self);
}

/* Folded beside the editor, a click opens the project. */
void
sp_portfolio_table_set_single_click_activate (SpPortfolioTable *self,
                                              gboolean          single_click_activate)
{
  g_return_if_fail (SP_IS_PORTFOLIO_TABLE (self));

  gtk_column_view_set_single_click_activate (self->column_view, single_click_activate);
}
