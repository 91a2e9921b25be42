/* sp-plan-search-bar.c: the search over a plan's sections and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core's search of the year's sections and goals (sp_plan_search()),
 * as the user types: the matches are the ids of the sections and goals
 * found, or NULL for all while nothing is searched; "matches-changed" says
 * when they change. Typed section text is stored before each search (the
 * page's sp_plan_page_flush()), so that the search finds it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-search-bar.h"

#include "sp-plan-search.h"
#include "sp-limits.h"

struct _SpPlanSearchBar
{
  GtkWidget       parent_instance;

  SpDatabase     *database;
  int             year;
  GHashTable     *section_matches;
  GHashTable     *goal_matches;

  /* Template widgets */
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel       *search_status_label;
};

G_DEFINE_FINAL_TYPE (SpPlanSearchBar, sp_plan_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MATCHES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GHashTable *
id_set_new (GArray *ids)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return set;
}

static void
run_search (SpPlanSearchBar *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) section_ids = NULL;
  g_autoptr(GArray) goal_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query));

  gtk_widget_activate_action (GTK_WIDGET (self), "plan.flush", NULL);
  g_clear_pointer (&self->section_matches, g_hash_table_unref);
  g_clear_pointer (&self->goal_matches, g_hash_table_unref);

  if (stripped[0] != '\0' && self->database != NULL)
    {
      if (!sp_plan_search (self->database, self->year, stripped, &section_ids, &goal_ids, &error))
        {
          gtk_label_set_text (self->search_status_label, error->message);
        }
      else
        {
          g_autofree char *sections = NULL;
          g_autofree char *goals = NULL;
          g_autofree char *text = NULL;

          self->section_matches = id_set_new (section_ids);
          self->goal_matches = id_set_new (goal_ids);
          sections = g_strdup_printf (ngettext ("%u section", "%u sections", section_ids->len),
                                      section_ids->len);
          goals = g_strdup_printf (ngettext ("%u goal", "%u goals", goal_ids->len), goal_ids->len);
          /* Translators: the search result: "Found: 2 sections and 1 goal" */
          text = g_strdup_printf (_("Found: %s and %s"), sections, goals);
          gtk_label_set_text (self->search_status_label, text);
        }
    }
  else
    gtk_label_set_text (self->search_status_label, "");

  g_signal_emit (self, signals[MATCHES_CHANGED], 0);
}

static void
on_search_entry_search_changed_cb (SpPlanSearchBar *self)
{
  run_search (self);
}

static void
on_search_entry_stop_search_cb (SpPlanSearchBar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_bar_search_mode_cb (SpPlanSearchBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) &&
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
sp_plan_search_bar_dispose (GObject *object)
{
  SpPlanSearchBar *self = SP_PLAN_SEARCH_BAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_SEARCH_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  g_clear_pointer (&self->section_matches, g_hash_table_unref);
  g_clear_pointer (&self->goal_matches, g_hash_table_unref);

  G_OBJECT_CLASS (sp_plan_search_bar_parent_class)->dispose (object);
}

static void
sp_plan_search_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SpPlanSearchBar *self = SP_PLAN_SEARCH_BAR (object);

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

/* A new database or year is searched when the page says so (refresh). */
static void
sp_plan_search_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SpPlanSearchBar *self = SP_PLAN_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      if (g_set_object (&self->database, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_YEAR:
      if (self->year != g_value_get_int (value))
        {
          self->year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_search_bar_class_init (SpPlanSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_plan_search_bar_dispose;
  object_class->get_property = sp_plan_search_bar_get_property;
  object_class->set_property = sp_plan_search_bar_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, SP_YEAR_MIN, SP_YEAR_MAX, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpPlanSearchBar::matches-changed:
   *
   * The sections and goals found changed, or the search was emptied.
   */
  signals[MATCHES_CHANGED] =
    g_signal_new ("matches-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-search-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanSearchBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSearchBar, search_status_label);

  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
}

static void
sp_plan_search_bar_init (SpPlanSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->year = 2000;
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_bar_search_mode_cb), self, G_CONNECT_SWAPPED);
}

/* Shows the search and puts the focus in it. */
void
sp_plan_search_bar_start (SpPlanSearchBar *self)
{
  g_return_if_fail (SP_IS_PLAN_SEARCH_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Empties the search: every section and goal is listed again. */
void
sp_plan_search_bar_clear (SpPlanSearchBar *self)
{
  g_return_if_fail (SP_IS_PLAN_SEARCH_BAR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Searches again (another database or year), or forgets the matches if
 * the search is not shown. */
void
sp_plan_search_bar_refresh (SpPlanSearchBar *self)
{
  g_return_if_fail (SP_IS_PLAN_SEARCH_BAR (self));

  if (gtk_search_bar_get_search_mode (self->search_bar))
    run_search (self);
  else
    {
      g_clear_pointer (&self->section_matches, g_hash_table_unref);
      g_clear_pointer (&self->goal_matches, g_hash_table_unref);
      g_signal_emit (self, signals[MATCHES_CHANGED], 0);
    }
}

/**
 * sp_plan_search_bar_get_section_matches:
 *
 * Returns: (nullable) (transfer none): the ids (gint64) of the sections
 *   found, or %NULL for all
 */
GHashTable *
sp_plan_search_bar_get_section_matches (SpPlanSearchBar *self)
{
  g_return_val_if_fail (SP_IS_PLAN_SEARCH_BAR (self), NULL);
  return self->section_matches;
}

/**
 * sp_plan_search_bar_get_goal_matches:
 *
 * Returns: (nullable) (transfer none): the ids (gint64) of the goals found,
 *   or %NULL for all
 */
GHashTable *
sp_plan_search_bar_get_goal_matches (SpPlanSearchBar *self)
{
  g_return_val_if_fail (SP_IS_PLAN_SEARCH_BAR (self), NULL);
  return self->goal_matches;
}
