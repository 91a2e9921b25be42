/* sp-follow-up-page.c: the year followed up: budget against actuals, forecast, comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of its own, "Uppföljning", beside the Budget page rather than on
 * it: the budget page is where next year is planned, with five amount
 * columns (last year, this year, two plan years) edited in place and closed
 * once the board adopts it; the follow-up is done through the year the plan
 * is for, after adoption, with other columns (a period's budget, actuals to
 * date, deviations, a forecast) and other edits (the forecast, the spread
 * over the months, comments for the interim report). Both at once would not
 * fit the window, and the adopted budget would be read-only beside editable
 * forecasts. The page shows the same rows in the same style, though.
 *
 * The period runs from January through a month, a tertial or the year; it
 * starts at the last month the ledger has given. A year without actuals
 * shows how to import them. The page reloads on the database's "changed".
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-follow-up-page.h"

#include "sp-edit-text-row.h"
#include "sp-error.h"
#include "sp-follow-up.h"
#include "sp-follow-up-chart.h"
#include "sp-follow-up-table.h"
#include "sp-widget-util.h"
#include "sp-month.h"

struct _SpFollowUpPage
{
  GtkWidget        parent_instance;

  SpDatabase      *database;
  int              year;
  guint            through_month;
  SpFollowUp      *follow_up;
  GArray          *scope_areas;   /* of gint64: the areas of the chart's choice, after "the whole year" */
  GArray          *comment_areas; /* of gint64: the areas of the comment rows, made when first shown */

  /* Template widgets */
  GtkDropDown     *period_drop;
  GtkLabel        *period_label;
  GtkLabel        *last_month_label;
  GtkWidget       *section_switcher;
  GtkLabel        *error_label;
  GtkStack        *content_stack;
  GtkStack        *section_stack;
  AdwStatusPage   *empty_page;
  GtkWidget       *import_button;
  SpFollowUpTable *table;
  GtkDropDown     *scope_drop;
  GtkLabel        *scope_label;
  GtkStringList   *scope_model;
  SpFollowUpChart *chart;
  AdwPreferencesGroup *year_group;
  SpEditTextRow   *year_comment_row;
  GtkListBox      *areas_list;
};

G_DEFINE_FINAL_TYPE (SpFollowUpPage, sp_follow_up_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The period chooser's items, in its order: the tertials, the year, each month. */
static guint
period_of_item (guint item)
{
  return item == 0 ? 4 : item == 1 ? 8 : item == 2 ? 12 : item - 2;
}

static guint
item_of_period (guint through_month)
{
  return through_month == 4 ? 0 : through_month == 8 ? 1 : through_month == 12 ? 2 : through_month + 2;
}

/* ---- Helpers ------------------------------------------------------------ */

/* A drop-down of GTK 4.8 does not pass its name (labelled-by its label) to
 * the toggle button inside it, which is what takes the focus and what a
 * screen reader reads: the button gets the label's text as its own name. */
static void
name_drop_down (GtkDropDown *drop_down,
                GtkLabel    *label)
{
  g_autofree char *name = sp_widget_strip_mnemonic (gtk_label_get_label (label));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
show_error (SpFollowUpPage *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The name of area @id; NULL for the hidden area that carries the lines
 * of a group without areas. */
static const char *
area_name (SpFollowUpPage *self,
           gint64          id)
{
  const SpFollowUpSubtotal *areas;
  guint n = 0;

  if (self->follow_up == NULL)
    return NULL;
  areas = sp_follow_up_get_areas (self->follow_up, &n);
  for (guint i = 0; i < n; i++)
    if (areas[i].id == id)
      return areas[i].name;
  return NULL;
}

static gboolean
same_areas (SpFollowUpPage *self,
            GArray         *ids)
{
  if (self->scope_areas->len != ids->len)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (self->scope_areas, gint64, i) != g_array_index (ids, gint64, i))
      return FALSE;
  return TRUE;
}

static void
on_area_comment_apply_cb (SpFollowUpPage *self,
                          SpEditTextRow  *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_edit_text_row_get_text (row);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "area-id"));

  if (self->database == NULL)
    return;
  if (!sp_follow_up_set_area_comment (self->database, id, text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  show_error (self, NULL);
}

/* The chart's choice of area and the comment rows follow the year's areas. */
static void
update_areas (SpFollowUpPage *self)
{
  const SpFollowUpSubtotal *areas = NULL;
  guint n_areas = 0;
  GtkWidget *child;
  guint i = 0;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->follow_up != NULL)
    areas = sp_follow_up_get_areas (self->follow_up, &n_areas);
  /* The areas with a name: not the hidden one of a group without areas. */
  for (i = 0; i < n_areas; i++)
    if (areas[i].id != 0 && areas[i].name != NULL)
      g_array_append_val (ids, areas[i].id);
  n_areas = ids->len;
  if (!same_areas (self, ids))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      g_array_set_size (self->scope_areas, 0);
      g_array_append_vals (self->scope_areas, ids->data, ids->len);
      g_ptr_array_add (names, (gpointer) _("The whole budget"));
      for (i = 0; i < n_areas; i++)
        g_ptr_array_add (names, (gpointer) area_name (self, g_array_index (ids, gint64, i)));
      g_ptr_array_add (names, NULL);
      g_signal_handlers_block_matched (self->scope_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_string_list_splice (self->scope_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->scope_model)),
                              (const char * const *) names->pdata);
      gtk_drop_down_set_selected (self->scope_drop, 0);
      g_signal_handlers_unblock_matched (self->scope_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }

  /* The comments' rows (a text view each) only once they are shown: a year
   * of many areas would otherwise cost the page's first frame. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->section_stack), "comments") != 0)
    return;
  if (self->comment_areas->len != ids->len ||
      memcmp (self->comment_areas->data, ids->data, ids->len * sizeof (gint64)) != 0)
    {
      g_array_set_size (self->comment_areas, 0);
      g_array_append_vals (self->comment_areas, ids->data, ids->len);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list))) != NULL)
        gtk_list_box_remove (self->areas_list, child);
      for (i = 0; i < n_areas; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          GtkWidget *row = sp_edit_text_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), area_name (self, id));
          g_object_set_data (G_OBJECT (row), "area-id", GSIZE_TO_POINTER (id));
          g_signal_connect_object (row, "apply", G_CALLBACK (on_area_comment_apply_cb), self, G_CONNECT_SWAPPED);
          gtk_list_box_append (self->areas_list, row);
        }
    }
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->areas_list), ADW_TYPE_PREFERENCES_GROUP),
                          n_areas > 0);

  /* The stored comments, where nothing is being typed. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SP_IS_EDIT_TEXT_ROW (child) && !sp_edit_text_row_get_changed (SP_EDIT_TEXT_ROW (child)))
      sp_edit_text_row_load (SP_EDIT_TEXT_ROW (child),
                             sp_follow_up_get_area_comment (self->follow_up,
                                                            GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "area-id"))));
  if (self->follow_up != NULL && !sp_edit_text_row_get_changed (self->year_comment_row))
    sp_edit_text_row_load (self->year_comment_row, sp_follow_up_get_comment (self->follow_up));
}

static void
update_chart (SpFollowUpPage *self)
{
  SpFollowUpMonth months[12];
  guint item = gtk_drop_down_get_selected (self->scope_drop);
  gint64 area = item >= 1 && item - 1 < self->scope_areas->len ? g_array_index (self->scope_areas, gint64, item - 1) : 0;
  g_autofree char *scope = NULL;

  if (self->follow_up == NULL)
    {
      sp_follow_up_chart_set_months (self->chart, "", NULL, 0);
      return;
    }
  sp_follow_up_get_months (self->follow_up, area, months);
  /* Translators: what the chart shows: the whole budget of a year */
  scope = area != 0 ? g_strdup (area_name (self, area)) : g_strdup_printf (_("the budget %d"), self->year);
  sp_follow_up_chart_set_months (self->chart, scope, months, sp_follow_up_get_last_month (self->follow_up));
}

/* Shows the follow-up loaded: the table, the chart, the comments, or why there is nothing. */
static void
update (SpFollowUpPage *self)
{
  guint last_month = self->follow_up != NULL ? sp_follow_up_get_last_month (self->follow_up) : 0;
  g_autofree char *title = NULL;

  sp_follow_up_table_set_database (self->table, self->database);
  sp_follow_up_table_set_through_month (self->table, self->through_month);
  sp_follow_up_table_update (self->table, self->follow_up);
  update_areas (self);
  update_chart (self);

  if (last_month > 0)
    {
      g_autofree char *period = sp_month_format_period (last_month, TRUE);
      g_autofree char *text = NULL;

      /* Translators: %s is a period, e.g. "jan–aug" */
      text = g_strdup_printf (_("The accounts have given actuals for %s."), period);
      gtk_label_set_text (self->last_month_label, text);
      gtk_stack_set_visible_child_name (self->content_stack, "content");
    }
  else
    {
      gtk_label_set_text (self->last_month_label, "");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      if (self->database == NULL)
        {
          adw_status_page_set_title (self->empty_page, _("No Database"));
          adw_status_page_set_description (self->empty_page, NULL);
        }
      else if (self->follow_up == NULL)
        {
          /* Translators: %d is a year */
          title = g_strdup_printf (_("No Plan for %d"), self->year);
          adw_status_page_set_title (self->empty_page, title);
          adw_status_page_set_description (self->empty_page,
                                           _("Create the plan year and its budget first; then it can be followed up here."));
        }
      else
        {
          /* Translators: %d is a year */
          title = g_strdup_printf (_("No Actuals for %d Yet"), self->year);
          adw_status_page_set_title (self->empty_page, title);
          adw_status_page_set_description (self->empty_page,
                                           _("Import the actuals from the accounting program as a SIE file: the budget is then followed up month by month."));
        }
    }
  gtk_widget_set_visible (self->section_switcher, last_month > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_drop), last_month > 0);
  gtk_widget_set_visible (self->import_button, self->follow_up != NULL);
  {
    /* Translators: the comment of the year's follow-up, %d the year */
    g_autofree char *year_title = g_strdup_printf (_("The Year %d"), self->year);
    adw_preferences_group_set_title (self->year_group, year_title);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->year_comment_row), _("Comment"));
  }
}

/* The follow-up of the period chosen (%SP_FOLLOW_UP_LAST_MONTH: through the
 * last month with actuals), anew from the database: everything the page
 * shows, read once. */
static void
load (SpFollowUpPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->follow_up);
  if (self->database == NULL)
    return;
  self->follow_up = sp_follow_up_new (self->database, self->year, self->through_month, &error);
  if (self->follow_up != NULL)
    self->through_month = sp_follow_up_get_through_month (self->follow_up);
  /* A year without a plan has nothing to follow up, and that is no error. */
  else if (!g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND))
    show_error (self, error != NULL ? error->message : NULL);
}

static void
set_period_item (SpFollowUpPage *self)
{
  g_signal_handlers_block_matched (self->period_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_selected (self->period_drop, item_of_period (self->through_month));
  g_signal_handlers_unblock_matched (self->period_drop, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* A new database or year: the period starts at the last month with actuals. */
static void
reload (SpFollowUpPage *self)
{
  show_error (self, NULL);
  self->through_month = SP_FOLLOW_UP_LAST_MONTH;
  load (self);
  if (self->through_month == SP_FOLLOW_UP_LAST_MONTH)
    self->through_month = 12;
  set_period_item (self);
  update (self);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_database_changed_cb (SpFollowUpPage  *self,
                        const char     **tables,
                        SpDatabase      *database)
{
  load (self);
  update (self);
}

static void
on_period_drop_notify_selected_cb (SpFollowUpPage *self)
{
  guint item = gtk_drop_down_get_selected (self->period_drop);

  if (item == GTK_INVALID_LIST_POSITION)
    return;
  sp_follow_up_page_set_through_month (self, period_of_item (item));
}

static void
on_scope_drop_notify_selected_cb (SpFollowUpPage *self)
{
  update_chart (self);
}

static void
on_table_error_cb (SpFollowUpPage  *self,
                   const char      *message,
                   SpFollowUpTable *table)
{
  show_error (self, message);
}

static void
on_year_comment_apply_cb (SpFollowUpPage *self,
                          SpEditTextRow  *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sp_edit_text_row_get_text (row);

  if (self->database == NULL)
    return;
  if (!sp_follow_up_set_comment (self->database, self->year, text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  show_error (self, NULL);
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_follow_up_page_dispose (GObject *object)
{
  SpFollowUpPage *self = SP_FOLLOW_UP_PAGE (object);
  GtkWidget *child;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->database);
  g_clear_object (&self->follow_up);
  g_clear_pointer (&self->scope_areas, g_array_unref);
  g_clear_pointer (&self->comment_areas, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_FOLLOW_UP_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_follow_up_page_parent_class)->dispose (object);
}

static void
sp_follow_up_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpFollowUpPage *self = SP_FOLLOW_UP_PAGE (object);

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
sp_follow_up_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpFollowUpPage *self = SP_FOLLOW_UP_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_follow_up_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      sp_follow_up_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_follow_up_page_class_init (SpFollowUpPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_follow_up_page_dispose;
  object_class->get_property = sp_follow_up_page_get_property;
  object_class->set_property = sp_follow_up_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_EDIT_TEXT_ROW);
  g_type_ensure (SP_TYPE_FOLLOW_UP_CHART);
  g_type_ensure (SP_TYPE_FOLLOW_UP_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-follow-up-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, period_drop);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, last_month_label);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, section_switcher);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, table);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, scope_drop);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, scope_model);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, year_group);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, year_comment_row);
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpPage, areas_list);
  gtk_widget_class_bind_template_callback (widget_class, on_period_drop_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_drop_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_comment_apply_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-follow-up-page");
}

static void
sp_follow_up_page_init (SpFollowUpPage *self)
{
  self->scope_areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->comment_areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->through_month = 12;
  gtk_widget_init_template (GTK_WIDGET (self));
  name_drop_down (self->period_drop, self->period_label);
  name_drop_down (self->scope_drop, self->scope_label);
  g_signal_connect_object (self->section_stack, "notify::visible-child-name",
                           G_CALLBACK (update_areas), self, G_CONNECT_SWAPPED);
  reload (self);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_follow_up_page_new (void)
{
  return g_object_new (SP_TYPE_FOLLOW_UP_PAGE, NULL);
}

/* Returns: (transfer none) (nullable): the database shown */
SpDatabase *
sp_follow_up_page_get_database (SpFollowUpPage *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_PAGE (self), NULL);
  return self->database;
}

void
sp_follow_up_page_set_database (SpFollowUpPage *self,
                                SpDatabase     *database)
{
  g_return_if_fail (SP_IS_FOLLOW_UP_PAGE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

int
sp_follow_up_page_get_year (SpFollowUpPage *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_PAGE (self), 0);
  return self->year;
}

void
sp_follow_up_page_set_year (SpFollowUpPage *self,
                            int             year)
{
  g_return_if_fail (SP_IS_FOLLOW_UP_PAGE (self));

  if (self->year == year)
    return;
  self->year = year;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* The period shown: January through this month (4, 8: the tertials; 12: the year). */
guint
sp_follow_up_page_get_through_month (SpFollowUpPage *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_PAGE (self), 12);
  return self->through_month;
}

void
sp_follow_up_page_set_through_month (SpFollowUpPage *self,
                                     guint           through_month)
{
  g_return_if_fail (SP_IS_FOLLOW_UP_PAGE (self));
  g_return_if_fail (through_month >= 1 && through_month <= 12);

  if (self->through_month == through_month)
    return;
  self->through_month = through_month;
  set_period_item (self);
  load (self);
  update (self);
}
