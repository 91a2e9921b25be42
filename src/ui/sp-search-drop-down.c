/* sp-search-drop-down.c: a drop-down whose list is searched anywhere inside its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button showing the chosen name (or a dimmed placeholder while nothing is
 * chosen) that opens a popover with a search entry above the list. The
 * search finds its text anywhere in a name, ignoring case ("kugg" finds
 * "Insatser › Skolkuggen"), and Enter picks the only match left. Built from
 * public GTK 4.8 parts only, so it behaves the same under every later GTK:
 * GtkDropDown searches only at a name's start in 4.8, and from 4.12 on
 * selects its first item by itself.
 *
 * The model holds GtkStringObjects; "selected" is a position in it, or
 * GTK_INVALID_LIST_POSITION while nothing is chosen. The widget is a combo
 * box for screen readers, named by its label widget.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-search-drop-down.h"

struct _SpSearchDropDown
{
  GtkWidget           parent_instance;

  GListModel         *model;        /* of GtkStringObject, or NULL */
  guint               selected;     /* in model, or GTK_INVALID_LIST_POSITION */
  char               *placeholder;
  GtkWidget          *label_widget;

  GtkWidget          *button;
  GtkWidget          *value_label;
  GtkWidget          *popover;
  GtkWidget          *search_entry;
  GtkWidget          *list_view;
  GtkStringFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *shown;        /* the list's highlight only */
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_PLACEHOLDER,
  PROP_LABEL_WIDGET,
  N_PROPS
};

enum {
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpSearchDropDown, sp_search_drop_down, GTK_TYPE_WIDGET)

/* ---- Helpers ------------------------------------------------------------ */

/* The button shows the chosen name, or the placeholder dimmed. */
static void
update_value_label (SpSearchDropDown *self)
{
  const char *chosen = sp_search_drop_down_get_selected_string (self);

  gtk_label_set_label (GTK_LABEL (self->value_label),
                       chosen != NULL ? chosen : self->placeholder != NULL ? self->placeholder : "");
  if (chosen != NULL)
    gtk_widget_remove_css_class (self->value_label, "dim-label");
  else
    gtk_widget_add_css_class (self->value_label, "dim-label");
}

/* Chooses the item @item of the list shown, closing it; FALSE if it is not in the model. */
static gboolean
choose_item (SpSearchDropDown *self,
             gpointer          item)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (self->model, i);

      if (candidate == item)
        {
          sp_search_drop_down_set_selected (self, i);
          gtk_popover_popdown (GTK_POPOVER (self->popover));
          return TRUE;
        }
    }
  return FALSE;
}

static void
popup (SpSearchDropDown *self)
{
  if (self->model == NULL)
    return;
  /* A fresh search over the whole list, the chosen item highlighted. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  if (self->selected != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->shown, self->selected);
      gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", self->selected);
    }
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (self->search_entry);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_button_toggled_cb (SpSearchDropDown *self,
                      GtkToggleButton  *button)
{
  if (gtk_toggle_button_get_active (button))
    popup (self);
  else
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_popover_closed_cb (SpSearchDropDown *self,
                      GtkPopover       *popover)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), FALSE);
}

static void
on_search_entry_search_changed_cb (SpSearchDropDown *self,
                                   GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_string_filter_set_search (self->filter, text[0] != '\0' ? text : NULL);
}

/* Enter picks the only match of the search. */
static void
on_search_entry_activate_cb (SpSearchDropDown *self,
                             GtkSearchEntry   *entry)
{
  g_autoptr(GObject) only = NULL;

  /* The search may not have caught up with the last key yet. */
  on_search_entry_search_changed_cb (self, entry);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) != 1)
    return;
  only = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  choose_item (self, only);
}

static void
on_search_entry_stop_search_cb (SpSearchDropDown *self,
                                GtkSearchEntry   *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* Down from the search goes into the list. */
static gboolean
on_search_key_pressed_cb (SpSearchDropDown      *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  gtk_widget_child_focus (self->list_view, GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
on_list_view_activate_cb (SpSearchDropDown *self,
                          guint             position,
                          GtkListView      *list_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item != NULL)
    choose_item (self, item);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (item));
  /* A long name, cut here, is read whole in its tooltip. */
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (item));
}

static void
sp_search_drop_down_real_activate (SpSearchDropDown *self)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), TRUE);
}

/* ---- GtkWidget ---------------------------------------------------------- */

static void
sp_search_drop_down_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SpSearchDropDown *self = SP_SEARCH_DROP_DOWN (widget);

  gtk_widget_measure (self->button, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
sp_search_drop_down_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SpSearchDropDown *self = SP_SEARCH_DROP_DOWN (widget);

  gtk_widget_size_allocate (self->button, &(GtkAllocation) { 0, 0, width, height }, baseline);
  /* The list is at least as wide as the button. */
  gtk_widget_set_size_request (self->popover, width, -1);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
sp_search_drop_down_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (SP_SEARCH_DROP_DOWN (widget)->button);
}

static gboolean
sp_search_drop_down_mnemonic_activate (GtkWidget *widget,
                                       gboolean   group_cycling)
{
  return gtk_widget_grab_focus (SP_SEARCH_DROP_DOWN (widget)->button);
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_search_drop_down_dispose (GObject *object)
{
  SpSearchDropDown *self = SP_SEARCH_DROP_DOWN (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_object (&self->shown);
  self->filtered = NULL;
  self->filter = NULL;
  g_clear_object (&self->model);
  g_clear_object (&self->label_widget);

  G_OBJECT_CLASS (sp_search_drop_down_parent_class)->dispose (object);
}

static void
sp_search_drop_down_finalize (GObject *object)
{
  SpSearchDropDown *self = SP_SEARCH_DROP_DOWN (object);

  g_free (self->placeholder);

  G_OBJECT_CLASS (sp_search_drop_down_parent_class)->finalize (object);
}

static void
sp_search_drop_down_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpSearchDropDown *self = SP_SEARCH_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    case PROP_LABEL_WIDGET:
      g_value_set_object (value, self->label_widget);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_search_drop_down_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpSearchDropDown *self = SP_SEARCH_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      sp_search_drop_down_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      sp_search_drop_down_set_selected (self, g_value_get_uint (value));
      break;
    case PROP_PLACEHOLDER:
      sp_search_drop_down_set_placeholder (self, g_value_get_string (value));
      break;
    case PROP_LABEL_WIDGET:
      sp_search_drop_down_set_label_widget (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_search_drop_down_class_init (SpSearchDropDownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_search_drop_down_dispose;
  object_class->finalize = sp_search_drop_down_finalize;
  object_class->get_property = sp_search_drop_down_get_property;
  object_class->set_property = sp_search_drop_down_set_property;

  widget_class->measure = sp_search_drop_down_measure;
  widget_class->size_allocate = sp_search_drop_down_size_allocate;
  widget_class->grab_focus = sp_search_drop_down_grab_focus;
  widget_class->mnemonic_activate = sp_search_drop_down_mnemonic_activate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL_WIDGET] =
    g_param_spec_object ("label-widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Opens the list (Space or Enter on the button, or a click). */
  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (sp_search_drop_down_real_activate), NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_set_css_name (widget_class, "dropdown");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
}

static void
sp_search_drop_down_init (SpSearchDropDown *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *box, *arrow, *content, *scrolled;

  self->selected = GTK_INVALID_LIST_POSITION;

  /* The button: the chosen name and an arrow. */
  self->button = gtk_toggle_button_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->value_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->value_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->value_label, TRUE);
  /* A value, not a command: not in the button's bold. */
  gtk_widget_add_css_class (self->value_label, "body");
  arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
  gtk_box_append (GTK_BOX (box), self->value_label);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_object (self->button, "toggled", G_CALLBACK (on_button_toggled_cb), self, G_CONNECT_SWAPPED);

  /* The list, searched from its entry. */
  self->filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->shown = gtk_single_selection_new (G_LIST_MODEL (self->filtered));

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  self->list_view = GTK_WIDGET (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->shown)),
                                                   g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the list of a drop-down, for screen readers */
                                  _("Choices"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_view_activate_cb), self,
                           G_CONNECT_SWAPPED);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  self->search_entry = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the search field above a drop-down's list */
                                  _("Search the list"), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_entry_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_entry_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_search_entry_stop_search_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->search_entry, keys);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (content), self->search_entry);
  gtk_box_append (GTK_BOX (content), scrolled);

  self->popover = gtk_popover_new ();
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_child (GTK_POPOVER (self->popover), content);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  /* Typing while the list has the focus goes on with the search. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), self->popover);
  g_signal_connect_object (self->popover, "closed", G_CALLBACK (on_popover_closed_cb), self, G_CONNECT_SWAPPED);

  update_value_label (self);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_search_drop_down_new (void)
{
  return g_object_new (SP_TYPE_SEARCH_DROP_DOWN, NULL);
}

/* Lists @model (GtkStringObjects); nothing is chosen afterwards. */
void
sp_search_drop_down_set_model (SpSearchDropDown *self,
                               GListModel       *model)
{
  g_return_if_fail (SP_IS_SEARCH_DROP_DOWN (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  gtk_filter_list_model_set_model (self->filtered, model);
  sp_search_drop_down_set_selected (self, GTK_INVALID_LIST_POSITION);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Returns: (transfer none) (nullable): the list's model */
GListModel *
sp_search_drop_down_get_model (SpSearchDropDown *self)
{
  g_return_val_if_fail (SP_IS_SEARCH_DROP_DOWN (self), NULL);
  return self->model;
}

/* Chooses the item at @position of the model; GTK_INVALID_LIST_POSITION
 * (or any position past its end) chooses none. */
void
sp_search_drop_down_set_selected (SpSearchDropDown *self,
                                  guint             position)
{
  guint n;

  g_return_if_fail (SP_IS_SEARCH_DROP_DOWN (self));

  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  if (position >= n)
    position = GTK_INVALID_LIST_POSITION;
  if (position == self->selected)
    return;
  self->selected = position;
  update_value_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The position of the chosen item in the model, or GTK_INVALID_LIST_POSITION. */
guint
sp_search_drop_down_get_selected (SpSearchDropDown *self)
{
  g_return_val_if_fail (SP_IS_SEARCH_DROP_DOWN (self), GTK_INVALID_LIST_POSITION);
  return self->selected;
}

/* The chosen item's text, or %NULL while none is chosen. */
const char *
sp_search_drop_down_get_selected_string (SpSearchDropDown *self)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (SP_IS_SEARCH_DROP_DOWN (self), NULL);

  if (self->model == NULL || self->selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  item = g_list_model_get_item (self->model, self->selected);
  /* The model holds its item: the string outlives this reference. */
  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

/* What the button says, dimmed, while nothing is chosen ("Välj konto…"). */
void
sp_search_drop_down_set_placeholder (SpSearchDropDown *self,
                                     const char       *placeholder)
{
  g_return_if_fail (SP_IS_SEARCH_DROP_DOWN (self));

  if (g_strcmp0 (self->placeholder, placeholder) == 0)
    return;
  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  update_value_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

/* The label that names the drop-down (and its button, which takes the
 * focus) for screen readers. */
void
sp_search_drop_down_set_label_widget (SpSearchDropDown *self,
                                      GtkWidget        *label)
{
  g_return_if_fail (SP_IS_SEARCH_DROP_DOWN (self));
  g_return_if_fail (label == NULL || GTK_IS_WIDGET (label));

  if (!g_set_object (&self->label_widget, label))
    return;
  if (label != NULL)
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label,
                                      NULL, -1);
    }
  else
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_WIDGET]);
}
