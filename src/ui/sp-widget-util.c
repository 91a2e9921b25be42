/* sp-widget-util.c: small helpers that the pages and cells share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here knows the window or a page: every widget may use it without
 * a circle between files.
 */
#include "config.h"

#include "sp-widget-util.h"

#include <adwaita.h>

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

/* Returns: @text without its mnemonic underscores ("_Lägg till" → "Lägg till", "__" → "_") */
char *
sp_widget_strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
on_widget_map_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_values,
                       const GValue          *values,
                       gpointer               data)
{
  GObject *object = g_value_get_object (&values[0]);
  const char *label = NULL;
  gboolean underline = FALSE;

  if (GTK_IS_BUTTON (object))
    {
      label = gtk_button_get_label (GTK_BUTTON (object));
      underline = gtk_button_get_use_underline (GTK_BUTTON (object));
    }
  else if (GTK_IS_CHECK_BUTTON (object))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (object));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (object));
    }
  else if (ADW_IS_ENTRY_ROW (object))
    {
      /* Without a name of its own, GTK 4.18 names the row by what it holds:
       * its title, then its text field named by the same title. */
      label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (object));
      underline = adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (object));
    }
  if (label != NULL && label[0] != '\0')
    {
      g_autofree char *name = underline ? sp_widget_strip_mnemonic (label) : g_strdup (label);

      /* GTK 4.8 says both the name and the label it is labelled by. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  return TRUE;
}

/**
 * sp_widget_name_mnemonic_buttons:
 *
 * GTK 4.8 names a button with a label by the label and then the label it is
 * labelled by, the first with its mnemonic underscore ("_Lägg till avsnitt
 * Lägg till avsnitt"), and GTK 4.18 names an entry row by its title and then
 * its text field's name ("Namn Namn"): from now on every button and check
 * button with a label, and every entry row, is named by its label or title
 * alone, without the underscore, when shown.
 */
void
sp_widget_name_mnemonic_buttons (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The class must exist for its signals to be found; it stays. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_hook_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

/* Names @control (a row's suffix or prefix) by the title of its row: GTK 4.8
 * gives a control labelled by a row no name. */
void
sp_widget_name_by_row (GtkWidget *control)
{
  GtkWidget *row = gtk_widget_get_ancestor (control, ADW_TYPE_PREFERENCES_ROW);
  g_autofree char *name = NULL;

  g_return_if_fail (row != NULL);
  name = sp_widget_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A word of a sentence as a choice of its own: "uppnått" as "Uppnått". */
char *
sp_widget_capitalize (const char *text)
{
  char first[8] = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  if (text[0] == '\0')
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}
