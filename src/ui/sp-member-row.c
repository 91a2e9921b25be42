/* sp-member-row.c: a member organisation's row in the Members page's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row keeps its member and shows its name, and in the subtitle its kind,
 * population and membership years; the page says which year to show them for.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-member-row.h"

#include "sp-money.h"

struct _SpMemberRow
{
  AdwActionRow  parent_instance;

  SpMember     *member;
};

G_DEFINE_FINAL_TYPE (SpMemberRow, sp_member_row, ADW_TYPE_ACTION_ROW)

/* A whole number in the Swedish form ("12 150"), like an amount without unit. */
static char *
format_count (gint64 n)
{
  return sp_money_format (sp_money_from_kr (n), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
}

static char *
member_subtitle (SpMember *member,
                 int       year)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gint64 population = sp_member_get_population (member);
  int from = sp_member_get_from_year (member);
  int to = sp_member_get_to_year (member);

  g_ptr_array_add (parts, g_strdup (sp_member_kind_get_label (sp_member_get_kind (member))));
  if (population >= 0)
    {
      g_autofree char *count = format_count (population);
      /* Translators: %s is a number of inhabitants, e.g. "12 150" */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s inhabitant", "%s inhabitants",
                                                            (gulong) MIN (population, G_MAXINT)),
                                               count));
    }
  if (!sp_member_get_pays_own_share (member))
    g_ptr_array_add (parts, g_strdup (_("share paid by another member")));
  if (from != 0 && to != 0)
    /* Translators: the years of a membership, e.g. "member 2007–2012" */
    g_ptr_array_add (parts, g_strdup_printf (_("member %d–%d"), from, to));
  else if (from != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("member since %d"), from));
  else if (to != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("member until %d"), to));
  if (!sp_member_is_member_in (member, year))
    g_ptr_array_add (parts, g_strdup_printf (_("not a member in %d"), year));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
sp_member_row_dispose (GObject *object)
{
  SpMemberRow *self = SP_MEMBER_ROW (object);

  g_clear_object (&self->member);

  G_OBJECT_CLASS (sp_member_row_parent_class)->dispose (object);
}

static void
sp_member_row_class_init (SpMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_member_row_dispose;
}

static void
sp_member_row_init (SpMemberRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
sp_member_row_new (SpMember *member)
{
  SpMemberRow *self;

  g_return_val_if_fail (SP_IS_MEMBER (member), NULL);

  self = g_object_new (SP_TYPE_MEMBER_ROW, NULL);
  self->member = g_object_ref (member);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the member shown */
SpMember *
sp_member_row_get_member (SpMemberRow *self)
{
  g_return_val_if_fail (SP_IS_MEMBER_ROW (self), NULL);
  return self->member;
}

/* Shows the member's name, and its details as they are in @year. */
void
sp_member_row_update (SpMemberRow *self,
                      int          year)
{
  g_autofree char *subtitle = NULL;
  const char *name;

  g_return_if_fail (SP_IS_MEMBER_ROW (self));

  subtitle = member_subtitle (self->member, year);
  name = sp_member_get_name (self->member);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
  if (sp_member_is_member_in (self->member, year))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
}
