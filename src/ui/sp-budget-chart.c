/* sp-budget-chart.c: the budget per activity area and the members' contributions, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pictures for those who would rather look than read: a pair of bars per
 * activity area (its costs in the budget year beside last year's actuals),
 * and one bar split into the members' contributions of the budget year. The
 * colours follow the light or dark style; amounts are formatted as everywhere
 * else (sp_money_format), in the page's unit.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-budget-chart.h"

#include "sp-contribution.h"

#define ROW_HEIGHT   38
#define BAR_HEIGHT   12
#define PADDING      8

typedef struct {
  char    *name;
  SpMoney  budget;
  SpMoney  actual;
} Bar;

typedef struct {
  char    *name;
  SpMoney  amount;
} Slice;

struct _SpBudgetChart
{
  GtkWidget    parent_instance;

  SpMoneyUnit  unit;
  int          year;
  GArray      *bars;     /* of Bar */
  GArray      *slices;   /* of Slice */
};

G_DEFINE_FINAL_TYPE (SpBudgetChart, sp_budget_chart, GTK_TYPE_WIDGET)

/* The GNOME palette: blue, green, yellow, orange, red, purple, brown; light and dark. */
static const guint32 palette_light[] = { 0x3584e4, 0x2ec27e, 0xe5a50a, 0xe66100, 0xc01c28, 0x813d9c, 0x865e3c };
static const guint32 palette_dark[]  = { 0x78aeed, 0x57e389, 0xf8e45c, 0xffa348, 0xf66151, 0xc061cb, 0xcdab8f };

static void
clear_bar (Bar *bar)
{
  g_free (bar->name);
}

static void
clear_slice (Slice *slice)
{
  g_free (slice->name);
}

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static int
content_height (SpBudgetChart *self)
{
  int height = 0;

  if (self->bars->len > 0)
    height += 2 * ROW_HEIGHT + self->bars->len * ROW_HEIGHT + PADDING * 2;
  if (self->slices->len > 0)
    height += 2 * ROW_HEIGHT + 32 + self->slices->len * 24 + PADDING;
  return MAX (height, 40);
}

/* Draws @text at (@x, @y) (its top), aligned to the right of @x when @right. */
static int
draw_text (SpBudgetChart *self,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           int            max_width,
           gboolean       right,
           gboolean       bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (max_width > 0)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, right ? x - width : x, y);
  pango_cairo_show_layout (cr, layout);
  return width;
}

static char *
format_percent (gint64 hundredths)
{
  g_autofree char *number = sp_money_format (hundredths, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);

  return g_strdup_printf (_("%s %%"), number);
}

static void
draw (SpBudgetChart *self,
      cairo_t       *cr,
      int            width)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const guint32 *palette = dark ? palette_dark : palette_light;
  GdkRGBA fg;
  double y = 0;
  int label_width = MIN (220, width * 2 / 5);
  double bar_x = label_width + PADDING;
  double bar_max = width - bar_x - 110;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->bars->len > 0)
    {
      SpMoney max = 1;
      g_autofree char *budget_title = g_strdup_printf (_("Budget %d"), self->year);
      g_autofree char *actual_title = g_strdup_printf (_("Actuals %d"), self->year - 1);

      for (guint i = 0; i < self->bars->len; i++)
        {
          Bar *bar = &g_array_index (self->bars, Bar, i);
          max = MAX (max, MAX (bar->budget, bar->actual));  /* not set is G_MININT64 */
        }

      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (self, cr, _("Costs per activity area"), 0, y, width, FALSE, TRUE);
      y += ROW_HEIGHT * 0.8;

      /* The legend. */
      set_rgb (cr, palette[0], 1);
      cairo_rectangle (cr, 0, y + 3, 12, 12);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &fg);
      {
        int w = draw_text (self, cr, budget_title, 18, y, 0, FALSE, FALSE);
        cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
        cairo_rectangle (cr, 18 + w + 18, y + 3, 12, 12);
        cairo_fill (cr);
        gdk_cairo_set_source_rgba (cr, &fg);
        draw_text (self, cr, actual_title, 18 + w + 36, y, 0, FALSE, FALSE);
      }
      y += ROW_HEIGHT;

      for (guint i = 0; i < self->bars->len && bar_max > 10; i++)
        {
          Bar *bar = &g_array_index (self->bars, Bar, i);
          SpMoney values[2] = { bar->budget, bar->actual };

          gdk_cairo_set_source_rgba (cr, &fg);
          draw_text (self, cr, bar->name, 0, y + 6, label_width, FALSE, FALSE);
          for (guint k = 0; k < 2; k++)
            {
              double top = y + 2 + k * (BAR_HEIGHT + 4);
              double length = values[k] > 0 ? bar_max * (double) values[k] / (double) max : 0;
              g_autofree char *text = values[k] != SP_MONEY_NOT_SET
                ? sp_money_format (values[k], self->unit, SP_MONEY_FORMAT_DEFAULT) : NULL;

              if (k == 0)
                set_rgb (cr, palette[0], 1);
              else
                cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.35);
              if (values[k] == SP_MONEY_NOT_SET)
                continue;
              cairo_rectangle (cr, bar_x, top, MAX (length, 1), BAR_HEIGHT);
              cairo_fill (cr);
              if (text != NULL)
                {
                  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
                  PangoFontDescription *font = pango_font_description_new ();

                  pango_font_description_set_absolute_size (font, 9 * PANGO_SCALE * 1.2);
                  pango_layout_set_font_description (layout, font);
                  pango_font_description_free (font);
                  gdk_cairo_set_source_rgba (cr, &fg);
                  cairo_move_to (cr, bar_x + MAX (length, 1) + 6, top - 2);
                  pango_cairo_show_layout (cr, layout);
                }
            }
          y += ROW_HEIGHT;
        }
      y += PADDING * 2;
    }

  if (self->slices->len > 0)
    {
      SpMoney total = 0;
      double x = 0;
      g_autofree char *title = g_strdup_printf (_("Member contributions %d"), self->year);

      for (guint i = 0; i < self->slices->len; i++)
        total += MAX (g_array_index (self->slices, Slice, i).amount, 0);

      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (self, cr, title, 0, y, width, FALSE, TRUE);
      y += ROW_HEIGHT;

      for (guint i = 0; i < self->slices->len && total > 0; i++)
        {
          Slice *slice = &g_array_index (self->slices, Slice, i);
          double w = (double) width * (double) MAX (slice->amount, 0) / (double) total;

          set_rgb (cr, palette[i % G_N_ELEMENTS (palette_light)], 1);
          cairo_rectangle (cr, x, y, w, 24);
          cairo_fill (cr);
          x += w;
        }
      y += 32;

      for (guint i = 0; i < self->slices->len; i++)
        {
          Slice *slice = &g_array_index (self->slices, Slice, i);
          g_autofree char *amount = sp_money_format (slice->amount, self->unit, SP_MONEY_FORMAT_DEFAULT);
          g_autofree char *percent = total > 0
            ? format_percent ((MAX (slice->amount, 0) * 10000 + total / 2) / total) : g_strdup ("");
          /* Translators: a member's contribution in the chart: name, amount, share, e.g. "Fagersta kommun: 500 000 kr (12,5 %)" */
          g_autofree char *text = g_strdup_printf (_("%s: %s (%s)"), slice->name, amount, percent);

          set_rgb (cr, palette[i % G_N_ELEMENTS (palette_light)], 1);
          cairo_rectangle (cr, 0, y + 4, 12, 12);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, &fg);
          draw_text (self, cr, text, 18, y, width - 18, FALSE, FALSE);
          y += 24;
        }
    }
}

static void
sp_budget_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SpBudgetChart *self = SP_BUDGET_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width);
  cairo_destroy (cr);
}

static void
sp_budget_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SpBudgetChart *self = SP_BUDGET_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 640;
    }
  else
    *minimum = *natural = content_height (self);
}

static void
on_dark_changed_cb (SpBudgetChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sp_budget_chart_finalize (GObject *object)
{
  SpBudgetChart *self = SP_BUDGET_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->slices, g_array_unref);

  G_OBJECT_CLASS (sp_budget_chart_parent_class)->finalize (object);
}

static void
sp_budget_chart_class_init (SpBudgetChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_budget_chart_finalize;
  widget_class->snapshot = sp_budget_chart_snapshot;
  widget_class->measure = sp_budget_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "sp-budget-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sp_budget_chart_init (SpBudgetChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) clear_bar);
  self->slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  g_array_set_clear_func (self->slices, (GDestroyNotify) clear_slice);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of the costs per activity area and the member contributions"), -1);
}

GtkWidget *
sp_budget_chart_new (void)
{
  return g_object_new (SP_TYPE_BUDGET_CHART, NULL);
}

void
sp_budget_chart_set_unit (SpBudgetChart *self,
                          SpMoneyUnit    unit)
{
  g_return_if_fail (SP_IS_BUDGET_CHART (self));

  self->unit = unit;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sp_budget_chart_set_totals:
 * @totals: (nullable): the year's totals
 * @lines: (nullable): the year's budget lines, for the names of the areas
 *
 * Shows the costs of each activity area that has lines: the budget year's
 * beside last year's actuals.
 */
void
sp_budget_chart_set_totals (SpBudgetChart        *self,
                            const SpBudgetTotals *totals,
                            GListModel           *lines)
{
  g_return_if_fail (SP_IS_BUDGET_CHART (self));

  g_array_set_size (self->bars, 0);
  if (totals != NULL)
    self->year = totals->year;
  for (guint i = 0; totals != NULL && i < totals->areas->len; i++)
    {
      const SpBudgetSubtotal *area = &g_array_index (totals->areas, SpBudgetSubtotal, i);
      const char *name = NULL;
      Bar bar;

      if (area->sum.costs[SP_BUDGET_COLUMN_BUDGET] == 0 && area->sum.costs[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] == 0)
        continue;
      for (guint j = 0; lines != NULL && j < g_list_model_get_n_items (lines) && name == NULL; j++)
        {
          g_autoptr(SpBudgetLine) line = g_list_model_get_item (lines, j);
          if (sp_budget_line_get_area_id (line) == area->id)
            name = sp_budget_line_get_area_name (line);
        }
      bar.name = g_strdup (name != NULL ? name : "");
      bar.budget = area->sum.n_set[SP_BUDGET_COLUMN_BUDGET] > 0
        ? area->sum.costs[SP_BUDGET_COLUMN_BUDGET] : SP_MONEY_NOT_SET;
      bar.actual = area->sum.n_set[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] > 0
        ? area->sum.costs[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] : SP_MONEY_NOT_SET;
      g_array_append_val (self->bars, bar);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * sp_budget_chart_set_contributions:
 * @contributions: (nullable) (element-type SpContribution): from sp_contributions_compute()
 *
 * Shows how the budget year's frame is split over the members that pay.
 */
void
sp_budget_chart_set_contributions (SpBudgetChart *self,
                                   int            year,
                                   GPtrArray     *contributions)
{
  g_return_if_fail (SP_IS_BUDGET_CHART (self));

  self->year = year;
  g_array_set_size (self->slices, 0);
  for (guint i = 0; contributions != NULL && i < contributions->len; i++)
    {
      SpContribution *c = g_ptr_array_index (contributions, i);
      Slice slice;

      if (c->amount[0] == SP_MONEY_NOT_SET || c->amount[0] <= 0)
        continue;
      slice.name = g_strdup (c->name);
      slice.amount = c->amount[0];
      g_array_append_val (self->slices, slice);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sp_budget_chart_get_n_areas (SpBudgetChart *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_CHART (self), 0);
  return self->bars->len;
}

guint
sp_budget_chart_get_n_members (SpBudgetChart *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_CHART (self), 0);
  return self->slices->len;
}
