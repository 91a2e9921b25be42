/* sp-portfolio-editor-pane.c: the Projekt page's pane with the selected project's editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selected project's name over its SpProjectEditor, or a note that no
 * project is selected. While the page's leaflet is folded a back button
 * leads to the list: it emits SpPortfolioEditorPane::back.
 */
#include "config.h"

#include "sp-portfolio-editor-pane.h"

#include "ui/sp-project-editor.h"

struct _SpPortfolioEditorPane
{
  AdwBin           parent_instance;

  /* Template widgets */
  GtkButton       *back_button;
  GtkLabel        *editor_title;
  GtkStack        *editor_stack;
  SpProjectEditor *editor;
};

G_DEFINE_FINAL_TYPE (SpPortfolioEditorPane, sp_portfolio_editor_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_back_button_clicked_cb (SpPortfolioEditorPane *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
sp_portfolio_editor_pane_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PORTFOLIO_EDITOR_PANE);

  G_OBJECT_CLASS (sp_portfolio_editor_pane_parent_class)->dispose (object);
}

static void
sp_portfolio_editor_pane_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SpPortfolioEditorPane *self = SP_PORTFOLIO_EDITOR_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->back_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_portfolio_editor_pane_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SpPortfolioEditorPane *self = SP_PORTFOLIO_EDITOR_PANE (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      sp_portfolio_editor_pane_set_show_back (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_portfolio_editor_pane_class_init (SpPortfolioEditorPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_portfolio_editor_pane_dispose;
  object_class->get_property = sp_portfolio_editor_pane_get_property;
  object_class->set_property = sp_portfolio_editor_pane_set_property;

  /* Whether the back button shows: while the leaflet is folded. */
  properties[PROP_SHOW_BACK] =
    g_param_spec_boolean ("show-back", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpPortfolioEditorPane::back:
   *
   * The back button was clicked: the list is wanted.
   */
  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SP_TYPE_PROJECT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-portfolio-editor-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioEditorPane, back_button);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioEditorPane, editor_title);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioEditorPane, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioEditorPane, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
}

static void
sp_portfolio_editor_pane_init (SpPortfolioEditorPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sp_portfolio_editor_pane_set_database:
 * @database: (nullable): the open database, or %NULL
 */
void
sp_portfolio_editor_pane_set_database (SpPortfolioEditorPane *self,
                                       SpDatabase            *database)
{
  g_return_if_fail (SP_IS_PORTFOLIO_EDITOR_PANE (self));

  if (self->editor != NULL)
    sp_project_editor_set_database (self->editor, database);
}

/* The year whose figures the editor shows first. */
void
sp_portfolio_editor_pane_set_year (SpPortfolioEditorPane *self,
                                   int                    year)
{
  g_return_if_fail (SP_IS_PORTFOLIO_EDITOR_PANE (self));

  sp_project_editor_set_year (self->editor, year);
}

/**
 * sp_portfolio_editor_pane_set_project:
 * @project: (nullable): the project to show, or %NULL for none
 */
void
sp_portfolio_editor_pane_set_project (SpPortfolioEditorPane *self,
                                      SpProject             *project)
{
  g_return_if_fail (SP_IS_PORTFOLIO_EDITOR_PANE (self));

  sp_project_editor_set_project (self->editor, project);
  gtk_stack_set_visible_child_name (self->editor_stack, project != NULL ? "editor" : "none");
  gtk_label_set_text (self->editor_title, project != NULL ? sp_project_get_name (project) : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->editor_title),
                               project != NULL ? sp_project_get_name (project) : NULL);
}

void
sp_portfolio_editor_pane_set_show_back (SpPortfolioEditorPane *self,
                                        gboolean               show_back)
{
  g_return_if_fail (SP_IS_PORTFOLIO_EDITOR_PANE (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->back_button)) == show_back)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BACK]);
}
