/* sp-export-member-row.c: a member of the export dialog, with its check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The member's name and kind, and a check button that says whether the
 * member gets a workbook; the row remembers which member it shows.
 */
#include "config.h"

#include "sp-export-member-row.h"

struct _SpExportMemberRow
{
  AdwActionRow    parent_instance;

  gint64          member_id;

  GtkCheckButton *check;
};

G_DEFINE_FINAL_TYPE (SpExportMemberRow, sp_export_member_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_MEMBER_ID,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_check_toggled_cb (SpExportMemberRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
sp_export_member_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SpExportMemberRow *self = SP_EXPORT_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, sp_export_member_row_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_export_member_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SpExportMemberRow *self = SP_EXPORT_MEMBER_ROW (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      self->member_id = g_value_get_int64 (value);
      break;
    case PROP_ACTIVE:
      sp_export_member_row_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_export_member_row_class_init (SpExportMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sp_export_member_row_get_property;
  object_class->set_property = sp_export_member_row_set_property;

  /**
   * SpExportMemberRow:member-id:
   *
   * The record id of the member the row shows.
   */
  properties[PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * SpExportMemberRow:active:
   *
   * Whether the member gets a workbook: the row's check button.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_export_member_row_init (SpExportMemberRow *self)
{
  self->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_active (self->check, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->check), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->check, "toggled", G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->check));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
}

/**
 * sp_export_member_row_new:
 * @member: the member the row shows, checked
 */
GtkWidget *
sp_export_member_row_new (SpMember *member)
{
  SpExportMemberRow *self;

  g_return_val_if_fail (SP_IS_MEMBER (member), NULL);

  self = g_object_new (SP_TYPE_EXPORT_MEMBER_ROW,
                       "member-id", sp_record_get_id (SP_RECORD (member)),
                       NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sp_member_get_name (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), sp_member_kind_get_label (sp_member_get_kind (member)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sp_member_get_name (member), -1);
  /* Not the row's title too, which says the same. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  return GTK_WIDGET (self);
}

gint64
sp_export_member_row_get_member_id (SpExportMemberRow *self)
{
  g_return_val_if_fail (SP_IS_EXPORT_MEMBER_ROW (self), 0);
  return self->member_id;
}

gboolean
sp_export_member_row_get_active (SpExportMemberRow *self)
{
  g_return_val_if_fail (SP_IS_EXPORT_MEMBER_ROW (self), FALSE);
  return gtk_check_button_get_active (self->check);
}

void
sp_export_member_row_set_active (SpExportMemberRow *self,
                                 gboolean           active)
{
  g_return_if_fail (SP_IS_EXPORT_MEMBER_ROW (self));
  gtk_check_button_set_active (self->check, active);
}
