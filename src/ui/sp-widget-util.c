/* sp-widget-util.c: small helpers that the pages and cells share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here knows the window or a page: every widget may use it without
 * a circle between files.
 */
#include "config.h"

#include "sp-widget-util.h"

static gboolean
on_lazy_tooltip_query_cb (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "sp-tooltip");

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * sp_widget_set_tooltip_lazily:
 * @text: (nullable): the tooltip, or %NULL / "" for none
 *
 * gtk_widget_set_tooltip_text() for the cells of lists and tables, which are
 * bound again and again: GTK 4.8 asks the display server where the pointer
 * is on every call of that (an X round trip each, which made filtering and
 * scrolling slow). Here the text is only kept, and given when the pointer
 * rests on the widget; it is also the widget's accessible description, as a
 * tooltip would be, unless the widget is a label showing that very text.
 */
void
sp_widget_set_tooltip_lazily (GtkWidget  *widget,
                              const char *text)
{
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "sp-tooltip"), text) == 0)
    return;
  if (g_object_get_data (G_OBJECT (widget), "sp-tooltip-query") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_lazy_tooltip_query_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "sp-tooltip-query", GINT_TO_POINTER (TRUE));
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), "sp-tooltip", g_strdup (text), g_free);
  /* A label's own text is its name already. */
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return;
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * sp_page_add_shortcuts:
 * @page: a page of the window
 *
 * Shortcuts that act on @page wherever the focus is in the window while the
 * page is shown (after Alt+3 the focus is still in the header bar, outside
 * the page): a managed shortcut controller, whose shortcuts GTK skips while
 * their widget is not mapped, so the pages may share keys such as
 * Ctrl+Shift+N.
 */
void
sp_page_add_shortcuts (GtkWidget            *page,
                       const SpPageShortcut *shortcuts,
                       guint                 n_shortcuts)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "sp-page-shortcuts");
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < n_shortcuts; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].keyval,
                                                                                    shortcuts[i].modifiers),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (page, controller);
}
