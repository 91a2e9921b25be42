/* sp-plan-common.h: helpers the Operational Plan page and its tabs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-record.h"

G_BEGIN_DECLS

gint64   sp_plan_record_id           (gpointer            record);
gboolean sp_plan_select_id           (GtkSingleSelection *selection,
                                      GType               type,
                                      gint64              id);
void     sp_plan_show_field_error    (GtkLabel           *label,
                                      GtkWidget          *field,
                                      const char         *message);
void     sp_plan_clear_field_error   (GtkLabel           *label,
                                      GtkWidget          *field);
void     sp_plan_show_message        (GtkWidget          *view,
                                      const char         *message);
void     sp_plan_add_toast           (GtkWidget          *view,
                                      const char         *message);
void     sp_plan_add_list_shortcuts  (GtkWidget          *list_view);
void     sp_plan_combo_row_init      (AdwComboRow        *row);
void     sp_plan_combo_row_fill      (AdwComboRow        *row,
                                      GPtrArray          *names);
guint    sp_plan_index_of_id         (GArray             *ids,
                                      gint64              id);
void     sp_plan_focus_leave_connect (GtkWidget          *row,
                                      GCallback           callback,
                                      gpointer            data);
void     sp_plan_select_all          (GtkWidget          *field);
void     sp_plan_status_pages_wrap_words (GtkWidget      *root);

G_END_DECLS
