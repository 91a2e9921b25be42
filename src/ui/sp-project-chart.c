/* sp-project-chart.c: granted funds and participants per year, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above: the granted funds of each year as a bar stacked by project. Below:
 * the participants of each year, women and men side by side, so that the
 * förbund can follow up with a gender perspective. Colours come from the
 * GNOME palette and read on light and dark backgrounds; the text takes the
 * theme's colour.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-project-chart.h"

#include "sp-money.h"
#include "sp-portfolio.h"
#include "sp-project.h"

#define MAX_YEARS 20

typedef struct {
  gint64  id;
  char   *label;
} ChartProject;

struct _SpProjectChart
{
  GtkDrawingArea  parent_instance;

  int             first_year;
  guint           n_years;
  GArray         *projects;   /* ChartProject */
  GArray         *granted;    /* SpMoney, n_years × projects->len */
  int             women[MAX_YEARS];
  int             men[MAX_YEARS];
};

G_DEFINE_FINAL_TYPE (SpProjectChart, sp_project_chart, GTK_TYPE_DRAWING_AREA)

/* The GNOME palette: blue, green, yellow, orange, red, purple, brown, then
 * lighter shades. */
static const GdkRGBA palette[] = {
  { 0.208, 0.518, 0.894, 1 }, { 0.180, 0.761, 0.494, 1 }, { 0.961, 0.761, 0.067, 1 },
  { 1.000, 0.471, 0.000, 1 }, { 0.878, 0.106, 0.141, 1 }, { 0.569, 0.255, 0.675, 1 },
  { 0.596, 0.416, 0.267, 1 }, { 0.600, 0.757, 0.945, 1 }, { 0.561, 0.941, 0.643, 1 },
  { 0.976, 0.941, 0.420, 1 }, { 1.000, 0.639, 0.282, 1 }, { 0.965, 0.380, 0.318, 1 },
  { 0.863, 0.541, 0.867, 1 }, { 0.804, 0.671, 0.561, 1 },
};
static const GdkRGBA women_color = { 0.902, 0.380, 0.000, 1 };
static const GdkRGBA men_color = { 0.110, 0.443, 0.847, 1 };

/* ---- Helpers ------------------------------------------------------------ */

static void
chart_project_clear (gpointer data)
{
  ChartProject *project = data;

  g_free (project->label);
}

/* 1, 2 or 5 times a power of ten, at least @value. */
static gint64
nice_ceiling (gint64 value)
{
  gint64 step = 1;

  if (value <= 0)
    return 1;
  while (TRUE)
    {
      if (value <= step)
        return step;
      if (value <= 2 * step)
        return 2 * step;
      if (value <= 5 * step)
        return 5 * step;
      step *= 10;
    }
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

/* Draws @text with its (x, y) at the given anchor: 0 left/top, 0.5 centre, 1 right/bottom. */
static void
draw_text (GtkWidget     *widget,
           cairo_t       *cr,
           const GdkRGBA *color,
           const char    *text,
           double         x,
           double         y,
           double         x_align,
           double         y_align,
           gboolean       small)
{
  g_autoptr(PangoLayout) layout = make_layout (widget, text, small);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x - width * x_align, y - height * y_align);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  SpProjectChart *self = SP_PROJECT_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  GdkRGBA fg, grid;
  gint64 max_granted = 0, max_people = 0, top_granted, top_people;
  double left = 90, right = 16, top = 28, gap = 44, legend_height;
  double x0, plot_width, granted_top, granted_height, people_top, people_height, slot;
  double legend_x, legend_y;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  grid = fg;
  grid.alpha = 0.15;

  if (self->n_years == 0)
    return;

  for (guint y = 0; y < self->n_years; y++)
    {
      gint64 sum = 0;

      for (guint p = 0; p < self->projects->len; p++)
        sum += g_array_index (self->granted, SpMoney, y * self->projects->len + p);
      max_granted = MAX (max_granted, sum);
      max_people = MAX (max_people, MAX (self->women[y], self->men[y]));
    }
  top_granted = nice_ceiling (sp_money_to_kr_rounded (max_granted)) * SP_MONEY_ORE_PER_KR;
  top_people = nice_ceiling (max_people);

  /* The legend: one line per few projects, below everything. */
  legend_height = 22.0 * ((self->projects->len + 2) / 3) - 14;
  x0 = left;
  plot_width = MAX (width - left - right, 10);
  granted_height = MAX ((height - top - gap - legend_height - 40) * 0.6, 40);
  people_height = MAX ((height - top - gap - legend_height - 40) * 0.4, 30);
  granted_top = top;
  people_top = granted_top + granted_height + gap;
  slot = plot_width / self->n_years;

  cairo_set_line_width (cr, 1);

  /* Granted funds: axis with three steps in tkr. */
  draw_text (widget, cr, &fg, _("Granted funds per year"), 0, 4, 0, 0, FALSE);
  for (int i = 0; i <= 2; i++)
    {
      SpMoney value = top_granted / 2 * i;
      double y = granted_top + granted_height - granted_height * i / 2;
      g_autofree char *label = sp_money_format (value, SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_DEFAULT);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, x0, y + 0.5);
      cairo_line_to (cr, x0 + plot_width, y + 0.5);
      cairo_stroke (cr);
      draw_text (widget, cr, &fg, label, x0 - 6, y, 1, 0.5, TRUE);
    }
  for (guint y = 0; y < self->n_years; y++)
    {
      double bar_x = x0 + slot * y + slot * 0.2;
      double bar_width = slot * 0.6;
      double bottom = granted_top + granted_height;
      g_autofree char *year = g_strdup_printf ("%d", self->first_year + (int) y);

      for (guint p = 0; p < self->projects->len; p++)
        {
          SpMoney amount = g_array_index (self->granted, SpMoney, y * self->projects->len + p);
          double h = top_granted > 0 ? granted_height * (double) amount / (double) top_granted : 0;

          if (amount <= 0)
            continue;
          gdk_cairo_set_source_rgba (cr, &palette[p % G_N_ELEMENTS (palette)]);
          cairo_rectangle (cr, bar_x, bottom - h, bar_width, h);
          cairo_fill (cr);
          bottom -= h;
        }
      draw_text (widget, cr, &fg, year, bar_x + bar_width / 2, granted_top + granted_height + 4, 0.5, 0, TRUE);
    }

  /* Participants: women and men side by side. */
  draw_text (widget, cr, &fg, _("Participants per year, women and men"), 0, people_top - 22, 0, 0, FALSE);
  for (int i = 0; i <= 2; i++)
    {
      gint64 value = top_people * i / 2;
      double y = people_top + people_height - people_height * i / 2;
      g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, x0, y + 0.5);
      cairo_line_to (cr, x0 + plot_width, y + 0.5);
      cairo_stroke (cr);
      draw_text (widget, cr, &fg, label, x0 - 6, y, 1, 0.5, TRUE);
    }
  for (guint y = 0; y < self->n_years; y++)
    {
      double bar_width = slot * 0.3;
      double bottom = people_top + people_height;
      int counts[2] = { self->women[y], self->men[y] };
      const GdkRGBA *colors[2] = { &women_color, &men_color };
      g_autofree char *year = g_strdup_printf ("%d", self->first_year + (int) y);

      for (int k = 0; k < 2; k++)
        {
          double bar_x = x0 + slot * y + slot * 0.2 + bar_width * k;
          double h = top_people > 0 ? people_height * counts[k] / (double) top_people : 0;

          if (counts[k] <= 0)
            continue;
          gdk_cairo_set_source_rgba (cr, colors[k]);
          cairo_rectangle (cr, bar_x, bottom - h, bar_width - 2, h);
          cairo_fill (cr);
          {
            g_autofree char *number = g_strdup_printf ("%d", counts[k]);

            draw_text (widget, cr, &fg, number, bar_x + bar_width / 2, bottom - h - 2, 0.5, 1, TRUE);
          }
        }
      draw_text (widget, cr, &fg, year, x0 + slot * y + slot / 2, bottom + 4, 0.5, 0, TRUE);
    }

  /* The legends: women and men beside their chart's title, the projects
   * below everything. */
  legend_x = MAX (plot_width + left - 220, 300);
  for (int k = 0; k < 2; k++)
    {
      gdk_cairo_set_source_rgba (cr, k == 0 ? &women_color : &men_color);
      cairo_rectangle (cr, legend_x, people_top - 19, 12, 12);
      cairo_fill (cr);
      draw_text (widget, cr, &fg, k == 0 ? _("Women") : _("Men"), legend_x + 18, people_top - 22, 0, 0, TRUE);
      legend_x += 110;
    }
  legend_y = people_top + people_height + 28;
  for (guint p = 0; p < self->projects->len; p++)
    {
      ChartProject *project = &g_array_index (self->projects, ChartProject, p);
      double column_width = MAX (width / 3.0, 120);

      legend_x = column_width * (p % 3);
      gdk_cairo_set_source_rgba (cr, &palette[p % G_N_ELEMENTS (palette)]);
      cairo_rectangle (cr, legend_x, legend_y + 22 * (p / 3) + 3, 12, 12);
      cairo_fill (cr);
      cairo_save (cr);
      cairo_rectangle (cr, legend_x + 18, legend_y + 22 * (p / 3), column_width - 24, 22);
      cairo_clip (cr);
      draw_text (widget, cr, &fg, project->label, legend_x + 18, legend_y + 22 * (p / 3), 0, 0, TRUE);
      cairo_restore (cr);
    }
}

static void
update_description (SpProjectChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint y = 0; y < self->n_years; y++)
    {
      SpMoney sum = 0;
      g_autofree char *amount = NULL;

      for (guint p = 0; p < self->projects->len; p++)
        sum += g_array_index (self->granted, SpMoney, y * self->projects->len + p);
      amount = sp_money_format (sum, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      if (text->len > 0)
        g_string_append (text, "; ");
      /* Translators: the chart described for a screen reader: year, granted funds, women, men */
      g_string_append_printf (text, _("%d: %s granted, %d women and %d men"),
                              self->first_year + (int) y, amount, self->women[y], self->men[y]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_chart_finalize (GObject *object)
{
  SpProjectChart *self = SP_PROJECT_CHART (object);

  g_clear_pointer (&self->projects, g_array_unref);
  g_clear_pointer (&self->granted, g_array_unref);

  G_OBJECT_CLASS (sp_project_chart_parent_class)->finalize (object);
}

static void
sp_project_chart_class_init (SpProjectChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_project_chart_finalize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sp_project_chart_init (SpProjectChart *self)
{
  self->projects = g_array_new (FALSE, TRUE, sizeof (ChartProject));
  g_array_set_clear_func (self->projects, chart_project_clear);
  self->granted = g_array_new (FALSE, TRUE, sizeof (SpMoney));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 420);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 320);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_chart_cb, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of granted funds and participants per year"), -1);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_project_chart_new (void)
{
  return g_object_new (SP_TYPE_PROJECT_CHART, NULL);
}

/**
 * sp_project_chart_set_data:
 * @projects: the #SpProject items to draw, in order
 *
 * Reads the figures of @first_year … @last_year (at most 20 years, the last
 * ones) for @projects.
 */
void
sp_project_chart_set_data (SpProjectChart *self,
                           SpDatabase     *database,
                           GListModel     *projects,
                           int             first_year,
                           int             last_year)
{
  guint n;

  g_return_if_fail (SP_IS_PROJECT_CHART (self));

  g_array_set_size (self->projects, 0);
  g_array_set_size (self->granted, 0);
  memset (self->women, 0, sizeof self->women);
  memset (self->men, 0, sizeof self->men);
  self->n_years = 0;

  if (database != NULL && projects != NULL && first_year > 0 && last_year >= first_year)
    {
      first_year = MAX (first_year, last_year - MAX_YEARS + 1);
      self->first_year = first_year;
      self->n_years = last_year - first_year + 1;
      n = g_list_model_get_n_items (projects);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpProject) project = g_list_model_get_item (projects, i);
          const char *short_name = sp_project_get_short_name (project);
          ChartProject item = {
            sp_record_get_id (SP_RECORD (project)),
            g_strdup (short_name != NULL && short_name[0] != '\0' ? short_name : sp_project_get_name (project)),
          };

          g_array_append_val (self->projects, item);
        }
      g_array_set_size (self->granted, self->n_years * self->projects->len);
      for (guint y = 0; y < self->n_years; y++)
        {
          g_autoptr(GHashTable) figures = sp_project_get_year_figures (database, first_year + (int) y, NULL);

          for (guint p = 0; figures != NULL && p < self->projects->len; p++)
            {
              gint64 id = g_array_index (self->projects, ChartProject, p).id;
              const SpProjectYearFigures *f = g_hash_table_lookup (figures, &id);

              if (f == NULL)
                continue;
              if (f->has_grant)
                g_array_index (self->granted, SpMoney, y * self->projects->len + p) = f->granted;
              if (f->has_participants)
                {
                  self->women[y] += f->women;
                  self->men[y] += f->men;
                }
            }
        }
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
sp_project_chart_get_n_years (SpProjectChart *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_CHART (self), 0);

  return self->n_years;
}

/* The granted funds of @year drawn, all projects together. */
gint64
sp_project_chart_get_granted (SpProjectChart *self,
                              int             year)
{
  SpMoney sum = 0;
  guint y;

  g_return_val_if_fail (SP_IS_PROJECT_CHART (self), 0);

  if (year < self->first_year || (guint) (year - self->first_year) >= self->n_years)
    return 0;
  y = year - self->first_year;
  for (guint p = 0; p < self->projects->len; p++)
    sum += g_array_index (self->granted, SpMoney, y * self->projects->len + p);
  return sum;
}
