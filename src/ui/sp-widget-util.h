/* sp-widget-util.h: small helpers that the pages and cells share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * SpPageShortcut:
 * @keyval: the key, e.g. GDK_KEY_f
 * @modifiers: e.g. GDK_CONTROL_MASK
 * @action: the page's action, e.g. "portfolio.search"
 */
typedef struct {
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
} SpPageShortcut;

void        sp_widget_set_tooltip_lazily (GtkWidget      *widget,
                                          const char     *text);

void        sp_widget_name_mnemonic_buttons (void);
char       *sp_widget_strip_mnemonic     (const char     *text);
void        sp_widget_name_by_row        (GtkWidget      *control);
char       *sp_widget_capitalize         (const char     *text);

void        sp_page_add_shortcuts    (GtkWidget            *page,
                                      const SpPageShortcut *shortcuts,
                                      guint                 n_shortcuts);

G_END_DECLS
