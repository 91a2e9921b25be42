/* sp-follow-up-chart.c: the budget against the actuals month by month, cumulative, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lines over the twelve months, each the running sum of the costs: the
 * budget (as it falls in the months, dashed) all year, the actuals through
 * the last month the ledger has given. Where the solid line runs above the
 * dashed one, more has been spent than planned so far. The same figures are
 * said in words in the accessible description, for those who do not see the
 * picture. Colours follow the light or dark style.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-follow-up-chart.h"

#define MARGIN_LEFT   96
#define MARGIN_RIGHT  16
#define MARGIN_TOP    40
#define MARGIN_BOTTOM 32

struct _SpFollowUpChart
{
  GtkDrawingArea  parent_instance;

  char           *scope;
  SpMoney         budget[12];   /* cumulative */
  SpMoney         actual[12];   /* cumulative */
  guint           last_month;
  char           *description;
};

G_DEFINE_FINAL_TYPE (SpFollowUpChart, sp_follow_up_chart, GTK_TYPE_DRAWING_AREA)

static const char *const month_letters[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

static void
show_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      align,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * align, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  SpFollowUpChart *self = SP_FOLLOW_UP_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double accent[3] = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 };
  double plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  double plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  SpMoney max = 1;
  GdkRGBA fg;
  g_autofree char *title = NULL;

  if (dark)
    accent[0] = 0x78 / 255.0, accent[1] = 0xae / 255.0, accent[2] = 0xed / 255.0;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (plot_w < 40 || plot_h < 40)
    return;

  for (guint m = 0; m < 12; m++)
    {
      max = MAX (max, self->budget[m]);
      if (m < self->last_month)
        max = MAX (max, self->actual[m]);
    }

  gdk_cairo_set_source_rgba (cr, &fg);
  /* Translators: the chart's title; %s is the whole year's budget or an activity area */
  title = g_strdup_printf (_("Costs, cumulative: %s"), self->scope != NULL ? self->scope : "");
  show_text (widget, cr, title, 0, 10, 0, TRUE);

  /* The axes, the grid at a quarter, a half and three quarters, and their amounts. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i <= 4; i++)
    {
      double y = MARGIN_TOP + plot_h - plot_h * i / 4.0;
      g_autofree char *amount = sp_money_format (max * i / 4, SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_DEFAULT);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, i == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, MARGIN_LEFT, y + 0.5);
      cairo_line_to (cr, MARGIN_LEFT + plot_w, y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      show_text (widget, cr, amount, MARGIN_LEFT - 8, y, 1, FALSE);
    }
  for (guint m = 0; m < 12; m++)
    {
      double x = MARGIN_LEFT + plot_w * (m + 0.5) / 12.0;
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      show_text (widget, cr, g_dpgettext2 (GETTEXT_PACKAGE, "month", month_letters[m]), x,
                 MARGIN_TOP + plot_h + 16, 0.5, FALSE);
    }

  /* The budget, dashed, all year. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
  cairo_set_line_width (cr, 2);
  {
    double dashes[] = { 6, 4 };
    cairo_set_dash (cr, dashes, 2, 0);
  }
  for (guint m = 0; m < 12; m++)
    {
      double x = MARGIN_LEFT + plot_w * (m + 0.5) / 12.0;
      double y = MARGIN_TOP + plot_h - plot_h * (double) self->budget[m] / (double) max;
      if (m == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The actuals, solid, through the last month given. */
  cairo_set_source_rgb (cr, accent[0], accent[1], accent[2]);
  cairo_set_line_width (cr, 3);
  for (guint m = 0; m < self->last_month; m++)
    {
      double x = MARGIN_LEFT + plot_w * (m + 0.5) / 12.0;
      double y = MARGIN_TOP + plot_h - plot_h * (double) MAX (self->actual[m], 0) / (double) max;
      if (m == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  for (guint m = 0; m < self->last_month; m++)
    {
      double x = MARGIN_LEFT + plot_w * (m + 0.5) / 12.0;
      double y = MARGIN_TOP + plot_h - plot_h * (double) MAX (self->actual[m], 0) / (double) max;
      cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  /* The legend. */
  {
    double x = width - MARGIN_RIGHT - 300;
    cairo_set_source_rgb (cr, accent[0], accent[1], accent[2]);
    cairo_rectangle (cr, x, 24, 20, 3);
    cairo_fill (cr);
    gdk_cairo_set_source_rgba (cr, &fg);
    show_text (widget, cr, _("Actuals"), x + 26, 26, 0, FALSE);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
    cairo_rectangle (cr, x + 140, 24, 20, 3);
    cairo_fill (cr);
    gdk_cairo_set_source_rgba (cr, &fg);
    show_text (widget, cr, _("Budget"), x + 166, 26, 0, FALSE);
  }
}

static void
on_dark_changed_cb (SpFollowUpChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sp_follow_up_chart_finalize (GObject *object)
{
  SpFollowUpChart *self = SP_FOLLOW_UP_CHART (object);

  g_free (self->scope);
  g_free (self->description);

  G_OBJECT_CLASS (sp_follow_up_chart_parent_class)->finalize (object);
}

static void
sp_follow_up_chart_class_init (SpFollowUpChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_follow_up_chart_finalize;

  gtk_widget_class_set_css_name (widget_class, "sp-follow-up-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sp_follow_up_chart_init (SpFollowUpChart *self)
{
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 320);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 480);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of the costs month by month, cumulative: budget against actuals"), -1);
}

GtkWidget *
sp_follow_up_chart_new (void)
{
  return g_object_new (SP_TYPE_FOLLOW_UP_CHART, NULL);
}

/**
 * sp_follow_up_chart_set_months:
 * @scope: what the months are of: the whole year's budget or an area's name
 * @months: (array fixed-size=12) (nullable): from sp_follow_up_get_months()
 * @last_month: the last month with actuals (0: none)
 *
 * Shows the running sums of the costs of @months.
 */
void
sp_follow_up_chart_set_months (SpFollowUpChart       *self,
                               const char            *scope,
                               const SpFollowUpMonth *months,
                               guint                  last_month)
{
  SpMoney budget = 0, actual = 0;
  g_autofree char *year_budget = NULL;
  g_autofree char *budget_text = NULL;
  g_autofree char *actual_text = NULL;

  g_return_if_fail (SP_IS_FOLLOW_UP_CHART (self));

  g_free (self->scope);
  self->scope = g_strdup (scope);
  self->last_month = months != NULL ? MIN (last_month, 12) : 0;
  for (guint m = 0; m < 12; m++)
    {
      budget += months != NULL ? months[m].budget_costs : 0;
      actual += months != NULL ? months[m].actual_costs : 0;
      self->budget[m] = budget;
      self->actual[m] = actual;
    }

  g_free (self->description);
  year_budget = sp_money_format (self->budget[11], SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  if (self->last_month == 0)
    /* Translators: the chart in words: %1$s the area or the year, %2$s the year's budget */
    self->description = g_strdup_printf (_("%1$s: the costs are budgeted at %2$s for the year; no actuals yet."),
                                         scope != NULL ? scope : "", year_budget);
  else
    {
      g_autofree char *month = g_utf8_strdown (g_dpgettext2 (GETTEXT_PACKAGE, "month",
                                                             month_letters[self->last_month - 1]), -1);

      budget_text = sp_money_format (self->budget[self->last_month - 1], SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      actual_text = sp_money_format (self->actual[self->last_month - 1], SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      /* Translators: the chart in words: %1$s the area or the year, %2$s the last month,
       * %3$s the budget to it, %4$s the actuals to it, %5$s the year's budget */
      self->description = g_strdup_printf (_("%1$s: costs through %2$s, budget %3$s and actuals %4$s; the budget for the year is %5$s."),
                                           scope != NULL ? scope : "", month, budget_text, actual_text, year_budget);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The running sum of the costs through @month (1…12): the budget's, or the actuals'. */
SpMoney
sp_follow_up_chart_get_cumulative (SpFollowUpChart *self,
                                   guint            month,
                                   gboolean         actual)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_CHART (self), 0);
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  return actual ? self->actual[month - 1] : self->budget[month - 1];
}

/* What the chart says in words (its accessible description). */
const char *
sp_follow_up_chart_get_description (SpFollowUpChart *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_CHART (self), "");
  return self->description != NULL ? self->description : "";
}
