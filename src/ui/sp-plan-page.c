/* sp-plan-page.c: the Operational Plan page: a year's verksamhetsplan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows one plan year: its status (draft or adopted, with the
 * board's decision), its sections of text, goals, target groups, activity
 * areas and board. Every change is one core call; the lists are the core's
 * SpRecordLists, so an undo anywhere shows here at once.
 *
 * Section text is stored as the user types: SP_PLAN_PAGE_SAVE_DELAY_MS after
 * the last keystroke, when the text view loses the focus, when another
 * section is picked and before any other edit. The text buffer is only
 * replaced when another section is shown or when the stored text changed
 * from outside (an undo), never on a keystroke, so a section of 100 000
 * characters stays responsive.
 *
 * Undo: while the text view has the focus, Ctrl+Z is the text view's own
 * undo of the typing since the section was shown (GtkTextView handles the
 * key before the window does). Once that is used up, or anywhere else on the
 * page, Ctrl+Z is the window's undo of the stored edits (win.undo).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-page.h"

#include "sp-board-member.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-plan-year.h"
#include "sp-plan.h"
#include "sp-project.h"
#include "sp-text.h"
#include "sp-window.h"

struct _SpPlanPage
{
  GtkWidget           parent_instance;

  SpDatabase         *database;
  SpHistory          *history;
  int                 year;

  SpRecordList       *years;
  SpPlanYear         *plan_year;
  SpRecordList       *sections;
  SpRecordList       *goals;
  SpRecordList       *targets;
  SpRecordList       *area_groups;
  SpRecordList       *year_areas;
  SpRecordList       *projects;
  SpRecordList       *board;

  GtkFilterListModel *section_filter;
  GtkSingleSelection *section_selection;
  GtkFilterListModel *goal_filter;
  GtkSingleSelection *goal_selection;
  GtkSingleSelection *target_selection;
  GtkSingleSelection *area_selection;
  GHashTable         *section_matches;
  GHashTable         *goal_matches;

  /* The section in the editor and the text the editor and database agree on. */
  SpSection          *section;
  char               *section_text;
  gboolean            text_dirty;
  gboolean            loading;
  guint               save_timeout_id;
  guint               history_idle_id;
  gboolean            freeze_editors;

  SpGoal             *goal;
  SpTargetGroup      *target;
  SpRecord           *area_item;
  GArray             *goal_area_ids;
  GArray             *goal_project_ids;
  gboolean            choices_ready;
  GArray             *area_group_ids;

  /* Template widgets */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *search_status_label;
  GtkStack           *main_stack;
  AdwStatusPage      *empty_page;
  GtkButton          *create_from_button;
  GtkButton          *create_empty_button;
  GtkLabel           *status_label;
  GtkLabel           *outcome_label;
  GtkButton          *adopt_button;
  GtkButton          *reopen_button;
  GtkRevealer        *lock_revealer;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  AdwViewStack       *view_stack;

  AdwLeaflet         *sections_leaflet;
  GtkStack           *sections_list_stack;
  GtkListView        *sections_view;
  GtkStack           *section_editor_stack;
  GtkEntry           *section_title_entry;
  GtkLabel           *section_error_label;
  GtkTextView        *section_text_view;

  AdwLeaflet         *goals_leaflet;
  GtkStack           *goals_list_stack;
  GtkListView        *goals_view;
  GtkStack           *goal_editor_stack;
  AdwPreferencesGroup *goal_group;
  AdwComboRow        *goal_kind_row;
  AdwEntryRow        *goal_text_row;
  AdwEntryRow        *goal_indicator_row;
  AdwEntryRow        *goal_target_row;
  AdwComboRow        *goal_area_row;
  AdwComboRow        *goal_project_row;
  AdwEntryRow        *goal_outcome_row;
  GtkLabel           *goal_error_label;

  AdwLeaflet         *targets_leaflet;
  GtkStack           *targets_list_stack;
  GtkListView        *targets_view;
  GtkStack           *target_editor_stack;
  AdwPreferencesGroup *target_group;
  AdwEntryRow        *target_name_row;
  AdwEntryRow        *target_description_row;
  GtkLabel           *target_error_label;

  AdwLeaflet         *areas_leaflet;
  GtkStack           *areas_list_stack;
  GtkListView        *areas_view;
  GtkStack           *area_editor_stack;
  AdwPreferencesGroup *area_group;
  AdwEntryRow        *area_name_row;
  AdwComboRow        *area_group_row;
  GtkLabel           *area_error_label;

  GtkButton          *section_back_button;
  GtkLabel           *board_title_label;
  GtkButton          *board_edit_button;
  GtkStack           *board_stack;
  GtkListBox         *board_list_box;
};

G_DEFINE_FINAL_TYPE (SpPlanPage, sp_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void set_section (SpPlanPage *self, SpSection *section);
static void set_goal (SpPlanPage *self, SpGoal *goal);
static void set_target (SpPlanPage *self, SpTargetGroup *target);
static void set_area_item (SpPlanPage *self, SpRecord *item);
static void update_state (SpPlanPage *self);
static void present_adopt_dialog (SpPlanPage *self, const char *date, const char *paragraph,
                                  const char *problem);
static void on_section_title_notify_cb (SpPlanPage *self, GParamSpec *pspec, SpSection *section);
static void on_section_body_notify_cb (SpPlanPage *self, GParamSpec *pspec, SpSection *section);
static void on_goal_notify_cb (SpPlanPage *self, GParamSpec *pspec, SpGoal *goal);
static void on_target_notify_cb (SpPlanPage *self, GParamSpec *pspec, SpTargetGroup *target);
static void on_area_item_notify_cb (SpPlanPage *self, GParamSpec *pspec, SpRecord *item);
static GListModel *create_area_children_cb (gpointer item, gpointer user_data);
static GtkWidget *create_board_row_cb (gpointer item, gpointer user_data);
static void on_list_items_changed_cb (SpPlanPage *self);
static void on_years_items_changed_cb (SpPlanPage *self, guint position, guint removed, guint added,
                                       GListModel *model);
static void on_plan_year_notify_cb (SpPlanPage *self, GParamSpec *pspec, SpPlanYear *plan_year);
static void on_history_notify_cb (SpPlanPage *self);
static void on_adopt_response_cb (AdwMessageDialog *dialog, const char *response, SpPlanPage *self);
static GdkContentProvider *on_row_drag_prepare_cb (GtkDragSource *source, double x, double y, GtkWidget *row);
static void on_row_drag_begin_cb (GtkDragSource *source, GdkDrag *drag, GtkWidget *row);
static gboolean on_row_drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, GtkWidget *row);
static void on_row_click_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, GtkWidget *row);
static void on_label_row_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data);
static void on_label_row_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data);
static void on_label_row_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data);

/* Helpers */

static gboolean
is_editable (SpPlanPage *self)
{
  return self->database != NULL && self->plan_year != NULL &&
         !sp_plan_year_is_adopted (self->plan_year) &&
         !sp_database_is_read_only (self->database);
}

static void
add_toast (SpPlanPage *self,
           const char *message,
           gboolean    with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (escaped);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* A refusal that belongs to no single field: shown above the plan. */
static void
show_message (SpPlanPage *self,
              const char *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), TRUE);
}

static void
hide_message (SpPlanPage *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

/* Shows the core's refusal beside the field that caused it; the stored value stays. */
static void
show_field_error (GtkLabel   *label,
                  GtkWidget  *field,
                  const char *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

static void
clear_field_error (GtkLabel  *label,
                   GtkWidget *field)
{
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  if (field != NULL && gtk_widget_has_css_class (field, "error"))
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* GtkListView's rows (GTK 4.8) take no name from their child: give them one. */
static void
set_row_accessible_label (GtkWidget  *child,
                          const char *text)
{
  GtkWidget *widget = child;

  for (int depth = 0; depth < 3 && widget != NULL; depth++, widget = gtk_widget_get_parent (widget))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        return;
      }
}

static gint64
record_id (gpointer record)
{
  return record != NULL ? sp_record_get_id (SP_RECORD (record)) : 0;
}

/* Selects the item with @id in @selection, if it is there. */
static gboolean
select_id (GtkSingleSelection *selection,
           GType               type,
           gint64              id)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) record = GTK_IS_TREE_LIST_ROW (item)
                                    ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item))
                                    : g_object_ref (item);

      if (G_TYPE_CHECK_INSTANCE_TYPE (record, type) && sp_record_get_id (SP_RECORD (record)) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
disconnect_list (SpPlanPage    *self,
                 SpRecordList **list)
{
  if (*list != NULL)
    g_signal_handlers_disconnect_by_data (*list, self);
  g_clear_object (list);
}

static const char *
get_visible_page_name (SpPlanPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "";
}

/* Puts the stored text of the section into the editor; @keep_cursor keeps
 * the cursor where it was (the same section, changed by an undo). */
static void
load_section_text (SpPlanPage *self,
                   gboolean    keep_cursor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->section_text_view);
  const char *body = self->section != NULL ? sp_section_get_body (self->section) : "";
  GtkTextIter start;
  int offset = 0;

  if (keep_cursor)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&start);
    }

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->loading = TRUE;
  /* Typing in another section is not something to undo here. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, body != NULL ? body : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->loading = FALSE;

  g_free (self->section_text);
  self->section_text = g_strdup (body != NULL ? body : "");
  self->text_dirty = FALSE;
}

/* Stores the typed text now, if there is any that is not stored. */
static void
flush_section_text (SpPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (!self->text_dirty || self->section == NULL || self->database == NULL ||
      self->section_text_view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->section_text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->text_dirty = FALSE;
  g_free (self->section_text);
  self->section_text = g_strdup (text);

  if (!sp_section_set_body (self->database, record_id (self->section), text, &error))
    {
      /* The typed text stays in the editor; the next flush tries again. */
      self->text_dirty = TRUE;
      show_field_error (self->section_error_label, GTK_WIDGET (self->section_text_view),
                        error->message);
      return;
    }
  clear_field_error (self->section_error_label, GTK_WIDGET (self->section_text_view));
}

static void
set_section (SpPlanPage *self,
             SpSection  *section)
{
  if (self->section == section)
    return;

  flush_section_text (self);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  g_set_object (&self->section, section);
  clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
  clear_field_error (self->section_error_label, GTK_WIDGET (self->section_text_view));

  if (section != NULL)
    {
      g_signal_connect_object (section, "notify::title", G_CALLBACK (on_section_title_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (section, "notify::body", G_CALLBACK (on_section_body_notify_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_editable_set_text (GTK_EDITABLE (self->section_title_entry), sp_section_get_title (section));
      clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
      load_section_text (self, FALSE);
      gtk_stack_set_visible_child_name (self->section_editor_stack, "editor");
    }
  else
    {
      load_section_text (self, FALSE);
      gtk_stack_set_visible_child_name (self->section_editor_stack, "none");
    }
}

static void
sync_section_editor (SpPlanPage *self)
{
  if (self->freeze_editors)
    return;
  set_section (self, gtk_single_selection_get_selected_item (self->section_selection));
  update_state (self);
}

/* Renames the section in the editor to what the title entry says. */
static void
apply_section_title (SpPlanPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry));
  g_autoptr(GError) error = NULL;

  if (self->section == NULL || self->database == NULL)
    return;
  if (g_strcmp0 (text, sp_section_get_title (self->section)) == 0)
    {
      clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
      return;
    }
  if (!sp_section_rename (self->database, record_id (self->section), text, &error))
    {
      show_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry),
                        error->message);
      return;
    }
  clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
}

static void
fill_string_list (GtkStringList *list,
                  const char   **strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  gtk_string_list_splice (list, 0, n, strings);
}

static void on_projects_items_changed_cb (SpPlanPage *self);

/* The choices of the goal's area and project and of an area's group, made
 * when an editor that shows them has something to show (see
 * update_choices()): all projects are a long list to load and put in a
 * drop-down for a page that opens on its sections. */
static void
ensure_choices (SpPlanPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean frozen = self->freeze_editors;
  const gint64 none = 0;
  GListModel *model;
  guint n;

  self->freeze_editors = TRUE;

  g_array_set_size (self->goal_area_ids, 0);
  g_ptr_array_add (names, g_strdup (C_("activity area", "None")));
  g_array_append_val (self->goal_area_ids, none);
  model = self->year_areas != NULL ? G_LIST_MODEL (self->year_areas) : NULL;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpArea) area = g_list_model_get_item (model, i);
      gint64 id = record_id (area);

      /* Translators: an activity area in its group, e.g. "Administration › Styrelse" */
      g_ptr_array_add (names, g_strdup_printf (_("%s › %s"), sp_area_get_group_name (area),
                                               sp_area_get_name (area)));
      g_array_append_val (self->goal_area_ids, id);
    }
  g_ptr_array_add (names, NULL);
  fill_string_list (GTK_STRING_LIST (adw_combo_row_get_model (self->goal_area_row)),
                    (const char **) names->pdata);

  g_ptr_array_set_size (names, 0);
  g_array_set_size (self->goal_project_ids, 0);
  g_ptr_array_add (names, g_strdup (C_("project", "None")));
  g_array_append_val (self->goal_project_ids, none);
  if (self->projects == NULL && self->database != NULL)
    {
      self->projects = sp_project_list_new (self->database);
      g_signal_connect_object (self->projects, "items-changed", G_CALLBACK (on_projects_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  model = self->projects != NULL ? G_LIST_MODEL (self->projects) : NULL;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (model, i);
      gint64 id = record_id (project);

      g_ptr_array_add (names, g_strdup (sp_project_get_name (project)));
      g_array_append_val (self->goal_project_ids, id);
    }
  g_ptr_array_add (names, NULL);
  fill_string_list (GTK_STRING_LIST (adw_combo_row_get_model (self->goal_project_row)),
                    (const char **) names->pdata);

  g_ptr_array_set_size (names, 0);
  g_array_set_size (self->area_group_ids, 0);
  model = self->area_groups != NULL ? G_LIST_MODEL (self->area_groups) : NULL;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpAreaGroup) group = g_list_model_get_item (model, i);
      gint64 id = record_id (group);

      g_ptr_array_add (names, g_strdup (sp_area_group_get_name (group)));
      g_array_append_val (self->area_group_ids, id);
    }
  g_ptr_array_add (names, NULL);
  fill_string_list (GTK_STRING_LIST (adw_combo_row_get_model (self->area_group_row)),
                    (const char **) names->pdata);

  self->freeze_editors = frozen;
  self->choices_ready = TRUE;
}

/* Whether the goals or the areas tab, whose editors show the choices, is
 * the one shown. */
static gboolean
choices_shown (SpPlanPage *self)
{
  const char *name = get_visible_page_name (self);

  return g_str_equal (name, "goals") || g_str_equal (name, "areas");
}

/* The choices may have changed: made again now if they are on screen,
 * otherwise when they come there. */
static void
update_choices (SpPlanPage *self)
{
  self->choices_ready = FALSE;
  if (choices_shown (self))
    ensure_choices (self);
}

static void
on_projects_items_changed_cb (SpPlanPage *self)
{
  update_choices (self);
}

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
load_goal (SpPlanPage *self)
{
  SpGoal *goal = self->goal;
  gboolean frozen = self->freeze_editors;
  gboolean measurable;

  if (goal == NULL)
    return;

  if (!self->choices_ready && choices_shown (self))
    ensure_choices (self);
  self->freeze_editors = TRUE;
  measurable = sp_goal_get_kind (goal) == SP_GOAL_KIND_MEASURABLE;
  adw_combo_row_set_selected (self->goal_kind_row, measurable ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->goal_text_row), sp_goal_get_text (goal));
  gtk_editable_set_text (GTK_EDITABLE (self->goal_indicator_row), sp_goal_get_indicator (goal));
  gtk_editable_set_text (GTK_EDITABLE (self->goal_target_row), sp_goal_get_target_value (goal));
  gtk_editable_set_text (GTK_EDITABLE (self->goal_outcome_row), sp_goal_get_outcome (goal));
  if (self->choices_ready)
    {
      adw_combo_row_set_selected (self->goal_area_row,
                                  index_of_id (self->goal_area_ids, sp_goal_get_area_id (goal)));
      adw_combo_row_set_selected (self->goal_project_row,
                                  index_of_id (self->goal_project_ids, sp_goal_get_project_id (goal)));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_indicator_row), measurable && is_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_target_row), measurable && is_editable (self));
  self->freeze_editors = frozen;

  clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_text_row));
  clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_indicator_row));
  clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_target_row));
  clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_outcome_row));
}

/* Shows @item in an editor of the page: @slot holds the record shown, whose
 * every change @notify_cb hears and @load puts into the editor; @stack shows
 * the editor or its "none" page. */
static void
show_in_editor (SpPlanPage  *self,
                gpointer    *slot,
                gpointer     item,
                GCallback    notify_cb,
                void       (*load) (SpPlanPage *self),
                GtkStack    *stack)
{
  if (*slot == item)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_set_object ((GObject **) slot, item);
  if (item != NULL)
    {
      g_signal_connect_object (item, "notify", notify_cb, self, G_CONNECT_SWAPPED);
      load (self);
    }
  gtk_stack_set_visible_child_name (stack, item != NULL ? "editor" : "none");
}

static void
set_goal (SpPlanPage *self,
          SpGoal     *goal)
{
  show_in_editor (self, (gpointer *) &self->goal, goal, G_CALLBACK (on_goal_notify_cb),
                  load_goal, self->goal_editor_stack);
}

static void
sync_goal_editor (SpPlanPage *self)
{
  if (self->freeze_editors)
    return;
  set_goal (self, gtk_single_selection_get_selected_item (self->goal_selection));
  update_state (self);
}

/* Stores what @field of the goal editor says; the other fields stay as stored,
 * so that one refused field does not hold back another. */
static void
apply_goal (SpPlanPage *self,
            GtkWidget  *field)
{
  g_autoptr(GError) error = NULL;
  SpGoalData data;

  if (self->goal == NULL || self->database == NULL || self->freeze_editors)
    return;

  sp_goal_get_data (self->goal, &data);
  if (field == GTK_WIDGET (self->goal_kind_row))
    data.kind = adw_combo_row_get_selected (self->goal_kind_row) == 1 ? SP_GOAL_KIND_MEASURABLE
                                                                      : SP_GOAL_KIND_STRATEGIC;
  else if (field == GTK_WIDGET (self->goal_text_row))
    data.text = gtk_editable_get_text (GTK_EDITABLE (field));
  else if (field == GTK_WIDGET (self->goal_indicator_row))
    data.indicator = gtk_editable_get_text (GTK_EDITABLE (field));
  else if (field == GTK_WIDGET (self->goal_target_row))
    data.target_value = gtk_editable_get_text (GTK_EDITABLE (field));
  else if (field == GTK_WIDGET (self->goal_area_row))
    {
      guint area = adw_combo_row_get_selected (self->goal_area_row);

      data.area_id = area < self->goal_area_ids->len ? g_array_index (self->goal_area_ids, gint64, area) : 0;
    }
  else if (field == GTK_WIDGET (self->goal_project_row))
    {
      guint project = adw_combo_row_get_selected (self->goal_project_row);

      data.project_id = project < self->goal_project_ids->len
                          ? g_array_index (self->goal_project_ids, gint64, project) : 0;
    }
  /* A strategic goal has no measure. */
  if (data.kind == SP_GOAL_KIND_STRATEGIC)
    data.indicator = data.target_value = NULL;

  if (!sp_goal_update (self->database, record_id (self->goal), &data, &error))
    {
      show_field_error (self->goal_error_label, field, error->message);
      return;
    }
  clear_field_error (self->goal_error_label, field);
}

static void
load_target (SpPlanPage *self)
{
  if (self->target == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->target_name_row), sp_target_group_get_name (self->target));
  gtk_editable_set_text (GTK_EDITABLE (self->target_description_row),
                         sp_target_group_get_description (self->target));
  clear_field_error (self->target_error_label, GTK_WIDGET (self->target_name_row));
  clear_field_error (self->target_error_label, GTK_WIDGET (self->target_description_row));
}

static void
set_target (SpPlanPage    *self,
            SpTargetGroup *target)
{
  show_in_editor (self, (gpointer *) &self->target, target, G_CALLBACK (on_target_notify_cb),
                  load_target, self->target_editor_stack);
}

static void
sync_target_editor (SpPlanPage *self)
{
  if (self->freeze_editors)
    return;
  set_target (self, gtk_single_selection_get_selected_item (self->target_selection));
  update_state (self);
}

static gpointer
get_selected_area_item (SpPlanPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->area_selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
load_area_item (SpPlanPage *self)
{
  gboolean is_area = SP_IS_AREA (self->area_item);
  gboolean frozen = self->freeze_editors;

  if (self->area_item == NULL)
    return;

  if (!self->choices_ready && choices_shown (self))
    ensure_choices (self);
  self->freeze_editors = TRUE;
  adw_preferences_group_set_title (self->area_group, is_area ? _("Activity Area") : _("Group"));
  gtk_editable_set_text (GTK_EDITABLE (self->area_name_row),
                         is_area ? sp_area_get_name (SP_AREA (self->area_item))
                                 : sp_area_group_get_name (SP_AREA_GROUP (self->area_item)));
  gtk_widget_set_visible (GTK_WIDGET (self->area_group_row), is_area);
  if (is_area && self->choices_ready)
    adw_combo_row_set_selected (self->area_group_row,
                                index_of_id (self->area_group_ids,
                                             sp_area_get_group_id (SP_AREA (self->area_item))));
  self->freeze_editors = frozen;
  clear_field_error (self->area_error_label, GTK_WIDGET (self->area_name_row));
}

static void
set_area_item (SpPlanPage *self,
               SpRecord   *item)
{
  show_in_editor (self, (gpointer *) &self->area_item, item, G_CALLBACK (on_area_item_notify_cb),
                  load_area_item, self->area_editor_stack);
}

static void
sync_area_editor (SpPlanPage *self)
{
  g_autoptr(GObject) item = NULL;

  if (self->freeze_editors)
    return;
  item = get_selected_area_item (self);
  set_area_item (self, SP_IS_RECORD (item) ? SP_RECORD (item) : NULL);
  update_state (self);
}

static void
update_outcomes (SpPlanPage *self)
{
  guint n_goals = 0, n_with = 0;
  g_autofree char *text = NULL;

  if (self->database == NULL || self->plan_year == NULL ||
      !sp_goal_count_outcomes (self->database, self->year, &n_goals, &n_with, NULL) ||
      n_goals == 0)
    {
      gtk_label_set_text (self->outcome_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), FALSE);
      return;
    }
  /* Translators: "3 of 10 goals have an outcome" */
  text = g_strdup_printf (ngettext ("%u of %u goal has an outcome", "%u of %u goals have an outcome",
                                    n_goals),
                          n_with, n_goals);
  gtk_label_set_text (self->outcome_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->outcome_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), TRUE);
}

static void
update_status (SpPlanPage *self)
{
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;
  g_autofree char *create_from = NULL;
  g_autofree char *create_empty = NULL;
  gboolean adopted;

  if (self->database == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Database"));
      adw_status_page_set_description (self->empty_page, _("Open or create a database to write a plan."));
      gtk_widget_set_visible (GTK_WIDGET (self->create_from_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->create_empty_button), FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  if (self->plan_year == NULL)
    {
      g_autoptr(SpPlanYear) previous = sp_plan_year_load (self->database, self->year - 1, NULL);

      title = g_strdup_printf (_("No Plan for %d"), self->year);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page,
                                       previous != NULL
                                         ? _("Start this year's plan from last year's: its sections, activity "
                                             "areas, target groups and goals are copied.")
                                         : _("Create the plan for the year, then write its sections."));
      /* Translators: a button: start the plan of a year from the one before, e.g. "Create from 2009" */
      create_from = g_strdup_printf (_("_Create from %d"), self->year - 1);
      gtk_button_set_label (self->create_from_button, create_from);
      gtk_widget_set_visible (GTK_WIDGET (self->create_from_button), previous != NULL);
      create_empty = g_strdup_printf (_("Create an _Empty Plan for %d"), self->year);
      gtk_button_set_label (self->create_empty_button, create_empty);
      gtk_widget_set_visible (GTK_WIDGET (self->create_empty_button), TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  adopted = sp_plan_year_is_adopted (self->plan_year);
  if (adopted)
    {
      const char *date = sp_plan_year_get_decision_date (self->plan_year);
      const char *paragraph = sp_plan_year_get_decision_paragraph (self->plan_year);

      if (paragraph != NULL && paragraph[0] != '\0')
        /* Translators: "Operational plan 2009 · Adopted by the board 2008-11-21, § 12" */
        status = g_strdup_printf (_("Operational plan %d · Adopted by the board %s, %s"),
                                  self->year, date, paragraph);
      else
        /* Translators: "Operational plan 2009 · Adopted by the board 2008-11-21" */
        status = g_strdup_printf (_("Operational plan %d · Adopted by the board %s"), self->year, date);
    }
  else
    /* Translators: "Operational plan 2009 · Draft" */
    status = g_strdup_printf (_("Operational plan %d · %s"), self->year,
                              sp_year_status_get_label (SP_YEAR_STATUS_DRAFT));
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->adopt_button), !adopted);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), adopted);
  gtk_revealer_set_reveal_child (self->lock_revealer, adopted);
  gtk_stack_set_visible_child_name (self->main_stack, "plan");
}

/* Which actions may run and which controls edit, after any change. */
static void
update_state (SpPlanPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->database != NULL && self->plan_year != NULL;
  gboolean editable = is_editable (self);
  gboolean adopted = has_plan && sp_plan_year_is_adopted (self->plan_year);
  gboolean next_exists = FALSE;
  const char *page = get_visible_page_name (self);
  gboolean can_move = FALSE, can_add = FALSE, can_delete = FALSE;

  if (has_plan && self->years != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->years));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpPlanYear) y = g_list_model_get_item (G_LIST_MODEL (self->years), i);

          if (sp_plan_year_get_year (y) == self->year + 1)
            next_exists = TRUE;
        }
    }

  gtk_widget_action_set_enabled (widget, "plan.adopt", has_plan && !adopted && editable);
  gtk_widget_action_set_enabled (widget, "plan.reopen", adopted &&
                                 !sp_database_is_read_only (self->database));
  gtk_widget_action_set_enabled (widget, "plan.create-next-year", has_plan && !next_exists &&
                                 !sp_database_is_read_only (self->database));
  gtk_widget_action_set_enabled (widget, "plan.create-year", self->database != NULL && !has_plan);
  gtk_widget_action_set_enabled (widget, "plan.create-from-previous", self->database != NULL && !has_plan);
  gtk_widget_action_set_enabled (widget, "plan.search", has_plan);

  gtk_widget_action_set_enabled (widget, "plan.add-section", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete-section", editable && self->section != NULL);
  gtk_widget_action_set_enabled (widget, "plan.add-goal", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete-goal", editable && self->goal != NULL);
  gtk_widget_action_set_enabled (widget, "plan.add-target-group", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete-target-group", editable && self->target != NULL);
  gtk_widget_action_set_enabled (widget, "plan.add-area-group", editable);
  gtk_widget_action_set_enabled (widget, "plan.add-area", editable &&
                                 self->area_groups != NULL &&
                                 g_list_model_get_n_items (G_LIST_MODEL (self->area_groups)) > 0);
  gtk_widget_action_set_enabled (widget, "plan.delete-area", editable && self->area_item != NULL);

  if (g_str_equal (page, "sections"))
    can_move = can_delete = self->section != NULL, can_add = TRUE;
  else if (g_str_equal (page, "goals"))
    can_move = can_delete = self->goal != NULL, can_add = TRUE;
  else if (g_str_equal (page, "target-groups"))
    can_move = can_delete = self->target != NULL, can_add = TRUE;
  else if (g_str_equal (page, "areas"))
    can_move = can_delete = self->area_item != NULL, can_add = TRUE;
  gtk_widget_action_set_enabled (widget, "plan.move-up", editable && can_move);
  gtk_widget_action_set_enabled (widget, "plan.move-down", editable && can_move);
  gtk_widget_action_set_enabled (widget, "plan.add", editable && can_add);
  gtk_widget_action_set_enabled (widget, "plan.delete", editable && can_delete);

  /* Adopted: the editors show the plan but do not change it. */
  gtk_text_view_set_editable (self->section_text_view, editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->section_title_entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_kind_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_text_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_area_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_project_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_indicator_row), editable &&
                            self->goal != NULL && sp_goal_get_kind (self->goal) == SP_GOAL_KIND_MEASURABLE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_target_row), editable &&
                            self->goal != NULL && sp_goal_get_kind (self->goal) == SP_GOAL_KIND_MEASURABLE);
  /* The outcome is the follow-up of an adopted plan. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_outcome_row),
                            has_plan && !sp_database_is_read_only (self->database));
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_group), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_group), editable);
}

static void
update_empty_states (SpPlanPage *self)
{
  gtk_stack_set_visible_child_name (self->sections_list_stack,
                                    self->sections != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sections)) > 0
                                      ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->goals_list_stack,
                                    self->goals != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->goals)) > 0
                                      ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->targets_list_stack,
                                    self->targets != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->targets)) > 0
                                      ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->areas_list_stack,
                                    self->area_groups != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->area_groups)) > 0
                                      ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->board_stack,
                                    self->board != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->board)) > 0
                                      ? "list" : "empty");
}

static void
find_plan_year (SpPlanPage *self)
{
  SpPlanYear *found = NULL;
  guint n = self->years != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->years)) : 0;

  for (guint i = 0; i < n && found == NULL; i++)
    {
      g_autoptr(SpPlanYear) y = g_list_model_get_item (G_LIST_MODEL (self->years), i);

      if (sp_plan_year_get_year (y) == self->year)
        found = y;
    }

  if (found == self->plan_year)
    return;
  if (self->plan_year != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_year, self);
  g_set_object (&self->plan_year, found);
}

static GHashTable *
id_set_new (GArray *ids)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return set;
}

static gboolean
section_filter_func (gpointer item,
                     gpointer user_data)
{
  SpPlanPage *self = SP_PLAN_PAGE (user_data);
  gint64 id = record_id (item);

  return self->section_matches == NULL || g_hash_table_contains (self->section_matches, &id);
}

static gboolean
goal_filter_func (gpointer item,
                  gpointer user_data)
{
  SpPlanPage *self = SP_PLAN_PAGE (user_data);
  gint64 id = record_id (item);

  return self->goal_matches == NULL || g_hash_table_contains (self->goal_matches, &id);
}

static void
run_search (SpPlanPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) section_ids = NULL;
  g_autoptr(GArray) goal_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  GtkFilter *filter;

  flush_section_text (self);
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
          const char *page = get_visible_page_name (self);

          self->section_matches = id_set_new (section_ids);
          self->goal_matches = id_set_new (goal_ids);
          sections = g_strdup_printf (ngettext ("%u section", "%u sections", section_ids->len),
                                      section_ids->len);
          goals = g_strdup_printf (ngettext ("%u goal", "%u goals", goal_ids->len), goal_ids->len);
          /* Translators: the search result: "Found: 2 sections and 1 goal" */
          text = g_strdup_printf (_("Found: %s and %s"), sections, goals);
          gtk_label_set_text (self->search_status_label, text);

          if (!g_str_equal (page, "sections") && !g_str_equal (page, "goals"))
            adw_view_stack_set_visible_child_name (self->view_stack,
                                                   section_ids->len > 0 || goal_ids->len == 0
                                                     ? "sections" : "goals");
          else if (g_str_equal (page, "sections") && section_ids->len == 0 && goal_ids->len > 0)
            adw_view_stack_set_visible_child_name (self->view_stack, "goals");
          else if (g_str_equal (page, "goals") && goal_ids->len == 0 && section_ids->len > 0)
            adw_view_stack_set_visible_child_name (self->view_stack, "sections");
        }
    }
  else
    gtk_label_set_text (self->search_status_label, "");

  filter = gtk_filter_list_model_get_filter (self->section_filter);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  filter = gtk_filter_list_model_get_filter (self->goal_filter);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
connect_plan_year (SpPlanPage *self)
{
  SpPlanYear *before = self->plan_year;

  find_plan_year (self);
  if (self->plan_year != NULL && self->plan_year != before)
    g_signal_connect_object (self->plan_year, "notify", G_CALLBACK (on_plan_year_notify_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
rebuild (SpPlanPage *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autofree char *board_title = NULL;

  flush_section_text (self);
  self->freeze_editors = TRUE;

  if (self->plan_year != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_year, self);
  g_clear_object (&self->plan_year);
  disconnect_list (self, &self->years);
  disconnect_list (self, &self->sections);
  disconnect_list (self, &self->goals);
  disconnect_list (self, &self->targets);
  disconnect_list (self, &self->area_groups);
  disconnect_list (self, &self->year_areas);
  disconnect_list (self, &self->projects);
  disconnect_list (self, &self->board);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_pointer (&self->section_matches, g_hash_table_unref);
  g_clear_pointer (&self->goal_matches, g_hash_table_unref);

  if (self->database != NULL)
    {
      self->history = g_object_ref (sp_database_get_history (self->database));
      g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_notify_cb), self,
                               G_CONNECT_SWAPPED);
      self->years = sp_plan_year_list_new (self->database);
      g_signal_connect_object (self->years, "items-changed", G_CALLBACK (on_years_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      connect_plan_year (self);
      self->sections = sp_section_list_new (self->database, self->year);
      self->goals = sp_goal_list_new (self->database, self->year);
      self->targets = sp_target_group_list_new (self->database, self->year);
      self->area_groups = sp_area_group_list_new (self->database, self->year);
      self->year_areas = sp_area_list_new_for_year (self->database, self->year);
      self->board = sp_board_list_new (self->database, self->year);
      g_signal_connect_object (self->sections, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->goals, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->targets, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->area_groups, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->year_areas, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->board, "items-changed", G_CALLBACK (on_list_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->area_groups)), FALSE, TRUE,
                                      create_area_children_cb, self, NULL);
    }

  gtk_filter_list_model_set_model (self->section_filter, G_LIST_MODEL (self->sections));
  gtk_filter_list_model_set_model (self->goal_filter, G_LIST_MODEL (self->goals));
  gtk_single_selection_set_model (self->target_selection, G_LIST_MODEL (self->targets));
  gtk_single_selection_set_model (self->area_selection, G_LIST_MODEL (tree));
  gtk_list_box_bind_model (self->board_list_box, G_LIST_MODEL (self->board),
                           self->board != NULL ? create_board_row_cb : NULL, NULL, NULL);
  /* Translators: the heading of the board list, e.g. "The board 2009" */
  board_title = g_strdup_printf (_("The board %d"), self->year);
  gtk_label_set_text (self->board_title_label, board_title);

  self->freeze_editors = FALSE;
  update_choices (self);
  set_section (self, NULL);
  set_goal (self, NULL);
  set_target (self, NULL);
  set_area_item (self, NULL);
  sync_section_editor (self);
  sync_goal_editor (self);
  sync_target_editor (self);
  sync_area_editor (self);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    run_search (self);
  hide_message (self);
  update_status (self);
  update_outcomes (self);
  update_empty_states (self);
  update_state (self);
}

/* The index of @record among its siblings: sections, goals, target groups,
 * area groups of the year, or the areas of its group. */
static gboolean
record_index (SpPlanPage *self,
              SpRecord   *record,
              guint      *position)
{
  SpRecordList *list = NULL;
  g_autoptr(SpRecordList) areas = NULL;

  if (SP_IS_SECTION (record))
    list = self->sections;
  else if (SP_IS_GOAL (record))
    list = self->goals;
  else if (SP_IS_TARGET_GROUP (record))
    list = self->targets;
  else if (SP_IS_AREA_GROUP (record))
    list = self->area_groups;
  else if (SP_IS_AREA (record))
    list = areas = sp_area_list_new (self->database, sp_area_get_group_id (SP_AREA (record)));
  return list != NULL && sp_record_list_find (list, sp_record_get_id (record), position) != NULL;
}

/* Moves @record to @new_index among its siblings and keeps it selected. */
static void
move_record (SpPlanPage *self,
             SpRecord   *record,
             guint       new_index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecord) keep = g_object_ref (record);
  GtkSingleSelection *selection = NULL;
  GtkWidget *view = NULL;
  gint64 id = sp_record_get_id (record);
  gboolean ok = FALSE;

  flush_section_text (self);
  self->freeze_editors = TRUE;
  if (SP_IS_SECTION (record))
    {
      ok = sp_section_move (self->database, id, new_index, &error);
      selection = self->section_selection, view = GTK_WIDGET (self->sections_view);
    }
  else if (SP_IS_GOAL (record))
    {
      ok = sp_goal_move (self->database, id, new_index, &error);
      selection = self->goal_selection, view = GTK_WIDGET (self->goals_view);
    }
  else if (SP_IS_TARGET_GROUP (record))
    {
      ok = sp_target_group_move (self->database, id, new_index, &error);
      selection = self->target_selection, view = GTK_WIDGET (self->targets_view);
    }
  else if (SP_IS_AREA_GROUP (record))
    {
      ok = sp_area_group_move (self->database, id, new_index, &error);
      selection = self->area_selection, view = GTK_WIDGET (self->areas_view);
    }
  else if (SP_IS_AREA (record))
    {
      ok = sp_area_move (self->database, id, new_index, &error);
      selection = self->area_selection, view = GTK_WIDGET (self->areas_view);
    }
  if (selection != NULL)
    select_id (selection, G_OBJECT_TYPE (record), id);
  self->freeze_editors = FALSE;

  if (!ok && error != NULL)
    show_message (self, error->message);
  sync_section_editor (self);
  sync_goal_editor (self);
  sync_target_editor (self);
  sync_area_editor (self);
  if (view != NULL)
    gtk_widget_grab_focus (view);
}

/* Moves the selected item of the visible list by @delta (-1 or +1). */
static void
move_selected (SpPlanPage *self,
               int         delta)
{
  const char *page = get_visible_page_name (self);
  SpRecord *record = NULL;
  guint position = 0;

  if (self->database == NULL)
    return;

  if (g_str_equal (page, "sections"))
    record = SP_RECORD (self->section);
  else if (g_str_equal (page, "goals"))
    record = SP_RECORD (self->goal);
  else if (g_str_equal (page, "target-groups"))
    record = SP_RECORD (self->target);
  else if (g_str_equal (page, "areas"))
    record = self->area_item;
  if (record == NULL || !record_index (self, record, &position))
    return;
  if (delta < 0 && position == 0)
    return;
  move_record (self, record, delta < 0 ? position - 1 : position + 1);
}

static void
present_adopt_dialog (SpPlanPage *self,
                      const char *date,
                      const char *paragraph,
                      const char *problem)
{
  GtkWidget *dialog, *group, *date_row, *paragraph_row;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Adopt the Plan for %d?"), self->year);
  g_autofree char *today = NULL;

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   problem != NULL ? problem
                                                   : _("Give the date and paragraph of the board's decision. "
                                                       "The plan can then not be changed until it is re-opened."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "adopt", _("_Adopt"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "adopt", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "adopt");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  group = adw_preferences_group_new ();
  date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _("Decision date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (date_row), date != NULL ? date : today);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (date_row), TRUE);
  if (problem != NULL)
    gtk_widget_add_css_class (date_row, "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), date_row);

  paragraph_row = adw_entry_row_new ();
  /* Translators: the paragraph of the board's minutes, e.g. "§ 12" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (paragraph_row), _("Paragraph of the minutes"));
  gtk_editable_set_text (GTK_EDITABLE (paragraph_row), paragraph != NULL ? paragraph : "§ ");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (paragraph_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), paragraph_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);

  g_object_set_data (G_OBJECT (dialog), "date-entry", date_row);
  g_object_set_data (G_OBJECT (dialog), "paragraph-entry", paragraph_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_adopt_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
go_to_year (SpPlanPage *self,
            int         year)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), SP_TYPE_WINDOW);

  if (window != NULL)
    sp_window_set_year (SP_WINDOW (window), year);
  if (self->year != year)
    sp_plan_page_set_year (self, year);
}

/* Rows can be dragged onto each other, and a click on a row shows its
 * editor when the list and the editor do not fit side by side. */
static void
add_row_controllers (GtkWidget *row)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
  GType types[] = { SP_TYPE_SECTION, SP_TYPE_GOAL, SP_TYPE_TARGET_GROUP, SP_TYPE_AREA_GROUP, SP_TYPE_AREA };

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_row_drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_row_drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_row_drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  g_signal_connect (click, "released", G_CALLBACK (on_row_click_released_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
}

static GtkListItemFactory *
label_factory_new (const char *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "property", (gpointer) property);
  g_signal_connect (factory, "setup", G_CALLBACK (on_label_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_label_row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_label_row_unbind_cb), NULL);
  return factory;
}

static void
add_list_shortcuts (GtkWidget *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("plan.delete")));
  gtk_widget_add_controller (view, controller);
}

/* Callbacks */

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  SpPlanPage *self = SP_PLAN_PAGE (user_data);

  self->save_timeout_id = 0;
  flush_section_text (self);
  return G_SOURCE_REMOVE;
}

static void
on_section_buffer_changed_cb (SpPlanPage    *self,
                              GtkTextBuffer *buffer)
{
  if (self->loading)
    return;

  self->text_dirty = TRUE;
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (SP_PLAN_PAGE_SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
on_section_text_view_focus_leave_cb (SpPlanPage              *self,
                                     GtkEventControllerFocus *controller)
{
  flush_section_text (self);
}

static void
on_section_title_notify_cb (SpPlanPage *self,
                            GParamSpec *pspec,
                            SpSection  *section)
{
  /* Not while the user is correcting a refused title. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->section_title_entry), "error"))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry)),
                 sp_section_get_title (section)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->section_title_entry), sp_section_get_title (section));
}

/* The stored text changed: from our own save (nothing to do) or from outside,
 * e.g. an undo, which the editor then shows. */
static void
on_section_body_notify_cb (SpPlanPage *self,
                           GParamSpec *pspec,
                           SpSection  *section)
{
  const char *body = sp_section_get_body (section);
  g_autofree char *normal = NULL;

  if (g_strcmp0 (body, self->section_text) == 0)
    return;
  /* Newer typed text is on its way to the database and wins. */
  if (self->text_dirty)
    return;
  /* The text as the core stores it (NFC, Windows line ends made plain):
   * then the change is our own flush, not an undo. */
  normal = sp_text_normalize (self->section_text != NULL ? self->section_text : "");
  if (g_strcmp0 (body, normal) == 0)
    {
      g_free (self->section_text);
      self->section_text = g_strdup (body);
      return;
    }
  load_section_text (self, TRUE);
}

static void
on_goal_notify_cb (SpPlanPage *self,
                   GParamSpec *pspec,
                   SpGoal     *goal)
{
  load_goal (self);
}

static void
on_target_notify_cb (SpPlanPage    *self,
                     GParamSpec    *pspec,
                     SpTargetGroup *target)
{
  load_target (self);
}

static void
on_area_item_notify_cb (SpPlanPage *self,
                        GParamSpec *pspec,
                        SpRecord   *item)
{
  load_area_item (self);
}

static GListModel *
create_area_children_cb (gpointer item,
                         gpointer user_data)
{
  SpPlanPage *self = SP_PLAN_PAGE (user_data);

  if (!SP_IS_AREA_GROUP (item) || self->database == NULL)
    return NULL;
  return G_LIST_MODEL (sp_area_list_new (self->database, record_id (item)));
}

static GtkWidget *
create_board_row_cb (gpointer item,
                     gpointer user_data)
{
  SpBoardMember *member = SP_BOARD_MEMBER (item);
  SpBoardOffice office = sp_board_member_get_office (member);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (sp_board_member_get_name (member), -1);
  g_autofree char *org = g_markup_escape_text (sp_board_member_get_member_name (member), -1);

  if (office != SP_BOARD_OFFICE_NONE)
    /* Translators: a board member's line: organisation · ordinary member/deputy · chair */
    subtitle = g_strdup_printf (_("%s · %s · %s"), org,
                                sp_board_role_get_label (sp_board_member_get_role (member)),
                                sp_board_office_get_label (office));
  else
    /* Translators: a board member's line: organisation · ordinary member/deputy */
    subtitle = g_strdup_printf (_("%s · %s"), org,
                                sp_board_role_get_label (sp_board_member_get_role (member)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static void
on_list_items_changed_cb (SpPlanPage *self)
{
  update_empty_states (self);
  update_outcomes (self);
  update_state (self);
}

static void
on_years_items_changed_cb (SpPlanPage *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  connect_plan_year (self);
  update_status (self);
  update_outcomes (self);
  update_state (self);
}

static void
on_plan_year_notify_cb (SpPlanPage *self,
                        GParamSpec *pspec,
                        SpPlanYear *plan_year)
{
  update_status (self);
  update_state (self);
}

static gboolean
on_history_idle_cb (gpointer user_data)
{
  SpPlanPage *self = SP_PLAN_PAGE (user_data);

  self->history_idle_id = 0;
  update_choices (self);
  load_goal (self);
  load_area_item (self);
  update_outcomes (self);
  return G_SOURCE_REMOVE;
}

/* After any edit or undo: names of areas, groups and projects may have
 * changed without the lists changing, and so may the outcomes. The history
 * notifies several properties per edit: look once. */
static void
on_history_notify_cb (SpPlanPage *self)
{
  if (self->history_idle_id == 0)
    self->history_idle_id = g_idle_add (on_history_idle_cb, self);
}

static void
on_message_close_clicked_cb (SpPlanPage *self)
{
  hide_message (self);
}

static void
on_view_stack_visible_child_cb (SpPlanPage *self)
{
  flush_section_text (self);
  if (!self->choices_ready && choices_shown (self))
    {
      ensure_choices (self);
      load_goal (self);
      load_area_item (self);
    }
  update_state (self);
}

static void
on_search_entry_search_changed_cb (SpPlanPage *self)
{
  run_search (self);
}

static void
on_search_entry_stop_search_cb (SpPlanPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_bar_search_mode_cb (SpPlanPage *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) &&
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_sections_view_activate_cb (SpPlanPage *self,
                              guint       position)
{
  adw_leaflet_set_visible_child (self->sections_leaflet, GTK_WIDGET (self->section_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->section_text_view));
}

static void
on_goals_view_activate_cb (SpPlanPage *self,
                           guint       position)
{
  adw_leaflet_set_visible_child (self->goals_leaflet, GTK_WIDGET (self->goal_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->goal_text_row));
}

static void
on_targets_view_activate_cb (SpPlanPage *self,
                             guint       position)
{
  adw_leaflet_set_visible_child (self->targets_leaflet, GTK_WIDGET (self->target_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->target_name_row));
}

static void
on_areas_view_activate_cb (SpPlanPage *self,
                           guint       position)
{
  adw_leaflet_set_visible_child (self->areas_leaflet, GTK_WIDGET (self->area_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->area_name_row));
}

static void
on_section_back_clicked_cb (SpPlanPage *self)
{
  flush_section_text (self);
  adw_leaflet_navigate (self->sections_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->sections_view));
}

static void
on_goal_back_clicked_cb (SpPlanPage *self)
{
  adw_leaflet_navigate (self->goals_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->goals_view));
}

static void
on_target_back_clicked_cb (SpPlanPage *self)
{
  adw_leaflet_navigate (self->targets_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->targets_view));
}

static void
on_area_back_clicked_cb (SpPlanPage *self)
{
  adw_leaflet_navigate (self->areas_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->areas_view));
}

static void
on_section_title_entry_activate_cb (SpPlanPage *self)
{
  apply_section_title (self);
}

static void
on_section_title_entry_changed_cb (SpPlanPage *self)
{
  /* The error stays until the user changes the title or leaves it. */
  if (self->section != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry)),
                 sp_section_get_title (self->section)) == 0)
    clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
}

static void
on_section_title_focus_leave_cb (SpPlanPage              *self,
                                 GtkEventControllerFocus *controller)
{
  apply_section_title (self);
}

/* Leaving a row whose text was changed stores it, as Enter does: what was
 * typed is not lost when the user goes on to another goal. */
static void
on_editor_row_focus_leave_cb (SpPlanPage              *self,
                              GtkEventControllerFocus *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *stored = NULL;

  if (self->goal != NULL && row == GTK_WIDGET (self->goal_text_row))
    stored = sp_goal_get_text (self->goal);
  else if (self->goal != NULL && row == GTK_WIDGET (self->goal_indicator_row))
    stored = sp_goal_get_indicator (self->goal);
  else if (self->goal != NULL && row == GTK_WIDGET (self->goal_target_row))
    stored = sp_goal_get_target_value (self->goal);
  else if (self->goal != NULL && row == GTK_WIDGET (self->goal_outcome_row))
    stored = sp_goal_get_outcome (self->goal);
  else if (self->target != NULL && row == GTK_WIDGET (self->target_name_row))
    stored = sp_target_group_get_name (self->target);
  else if (self->target != NULL && row == GTK_WIDGET (self->target_description_row))
    stored = sp_target_group_get_description (self->target);
  else if (SP_IS_AREA (self->area_item) && row == GTK_WIDGET (self->area_name_row))
    stored = sp_area_get_name (SP_AREA (self->area_item));
  else if (SP_IS_AREA_GROUP (self->area_item) && row == GTK_WIDGET (self->area_name_row))
    stored = sp_area_group_get_name (SP_AREA_GROUP (self->area_item));

  if (stored != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), stored) != 0)
    g_signal_emit_by_name (row, "apply");
}

static void
on_goal_combo_selected_cb (SpPlanPage *self,
                           GParamSpec *pspec,
                           GtkWidget  *row)
{
  apply_goal (self, row);
}

static void
on_goal_row_apply_cb (SpPlanPage *self,
                      GtkWidget  *row)
{
  apply_goal (self, row);
}

static void
on_goal_outcome_row_apply_cb (SpPlanPage  *self,
                              AdwEntryRow *row)
{
  g_autoptr(GError) error = NULL;

  if (self->goal == NULL || self->database == NULL)
    return;
  if (!sp_goal_set_outcome (self->database, record_id (self->goal),
                            gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_field_error (self->goal_error_label, GTK_WIDGET (row), error->message);
      return;
    }
  clear_field_error (self->goal_error_label, GTK_WIDGET (row));
  update_outcomes (self);
}

static void
on_target_row_apply_cb (SpPlanPage *self,
                        GtkWidget  *row)
{
  g_autoptr(GError) error = NULL;

  if (self->target == NULL || self->database == NULL)
    return;
  /* The other field stays as stored. */
  if (!sp_target_group_update (self->database, record_id (self->target),
                               row == GTK_WIDGET (self->target_name_row)
                                 ? gtk_editable_get_text (GTK_EDITABLE (row))
                                 : sp_target_group_get_name (self->target),
                               row == GTK_WIDGET (self->target_description_row)
                                 ? gtk_editable_get_text (GTK_EDITABLE (row))
                                 : sp_target_group_get_description (self->target),
                               &error))
    {
      show_field_error (self->target_error_label, row, error->message);
      return;
    }
  clear_field_error (self->target_error_label, row);
}

static void
on_area_name_row_apply_cb (SpPlanPage *self,
                           GtkWidget  *row)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean ok;

  if (self->area_item == NULL || self->database == NULL)
    return;
  if (SP_IS_AREA (self->area_item))
    ok = sp_area_rename (self->database, record_id (self->area_item), name, &error);
  else
    ok = sp_area_group_rename (self->database, record_id (self->area_item), name, &error);
  if (!ok)
    {
      show_field_error (self->area_error_label, row, error->message);
      return;
    }
  clear_field_error (self->area_error_label, row);
}

static void
on_area_group_row_selected_cb (SpPlanPage *self,
                               GParamSpec *pspec,
                               GtkWidget  *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->area_group_row);
  gint64 group_id, id;

  if (self->freeze_editors || !SP_IS_AREA (self->area_item) || self->database == NULL ||
      selected >= self->area_group_ids->len)
    return;
  group_id = g_array_index (self->area_group_ids, gint64, selected);
  if (group_id == sp_area_get_group_id (SP_AREA (self->area_item)))
    return;
  id = record_id (self->area_item);
  if (!sp_area_set_group (self->database, id, group_id, G_MAXUINT, &error))
    {
      show_field_error (self->area_error_label, row, error->message);
      return;
    }
  clear_field_error (self->area_error_label, row);
  select_id (self->area_selection, SP_TYPE_AREA, id);
}

static void
on_adopt_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SpPlanPage       *self)
{
  GtkEditable *date_row = g_object_get_data (G_OBJECT (dialog), "date-entry");
  GtkEditable *paragraph_row = g_object_get_data (G_OBJECT (dialog), "paragraph-entry");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *date = NULL;

  if (g_strcmp0 (response, "adopt") != 0 || self->database == NULL)
    return;

  flush_section_text (self);
  date = g_strstrip (g_strdup (gtk_editable_get_text (date_row)));
  if (!sp_plan_year_adopt (self->database, self->year, date, gtk_editable_get_text (paragraph_row), &error))
    {
      /* Ask again, with what was typed and why it was refused. */
      present_adopt_dialog (self, gtk_editable_get_text (date_row), gtk_editable_get_text (paragraph_row),
                            error->message);
      return;
    }
  hide_message (self);
  /* Translators: a notice, e.g. "The plan for 2009 is adopted" */
  message = g_strdup_printf (_("The plan for %d is adopted"), self->year);
  add_toast (self, message, TRUE);
}

static void
on_reopen_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SpPlanPage       *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "reopen") != 0 || self->database == NULL)
    return;
  if (!sp_plan_year_reopen (self->database, self->year, &error))
    {
      show_message (self, error->message);
      return;
    }
  hide_message (self);
  /* Translators: a notice, e.g. "The plan for 2009 can be changed again" */
  message = g_strdup_printf (_("The plan for %d can be changed again"), self->year);
  add_toast (self, message, TRUE);
}

static void
on_adopt_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  present_adopt_dialog (SP_PLAN_PAGE (widget), NULL, NULL, NULL);
}

static void
on_reopen_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = g_strdup_printf (_("Re-open the Plan for %d?"), self->year);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The plan can then be changed again, and the board's decision is "
                                     "removed from it. Adopt it again when the board has decided."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Re-open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_create_next_year_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int year = self->year;

  if (self->database == NULL)
    return;
  flush_section_text (self);
  if (!sp_plan_year_create_next (self->database, year, &error))
    {
      show_message (self, error->message);
      return;
    }
  /* Translators: a notice, e.g. "The plan for 2010 was created from 2009" */
  message = g_strdup_printf (_("The plan for %d was created from %d"), year + 1, year);
  go_to_year (self, year + 1);
  add_toast (self, message, TRUE);
}

static void
on_create_year_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->database == NULL)
    return;
  if (g_str_equal (action_name, "plan.create-from-previous"))
    ok = sp_plan_year_create_next (self->database, self->year - 1, &error);
  else
    ok = sp_plan_year_create (self->database, self->year, &error);
  if (!ok)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }
}

static void
on_search_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_add_section_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->database == NULL)
    return;
  flush_section_text (self);
  id = sp_section_add (self->database, self->year, _("New section"), "", &error);
  if (id <= 0)
    {
      show_message (self, error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "sections");
  if (self->section_matches != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_id (self->section_selection, SP_TYPE_SECTION, id);
  adw_leaflet_set_visible_child (self->sections_leaflet, GTK_WIDGET (self->section_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->section_title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->section_title_entry), 0, -1);
}

static void
on_delete_section_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (self->database == NULL || self->section == NULL)
    return;
  flush_section_text (self);
  title = g_strdup (sp_section_get_title (self->section));
  if (!sp_section_delete (self->database, record_id (self->section), &error))
    {
      show_message (self, error->message);
      return;
    }
  /* Translators: a notice with an Undo button; %s is the section's title */
  message = g_strdup_printf (_("Section “%s” deleted"), title);
  add_toast (self, message, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->sections_view));
}

static void
on_add_goal_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, _("New goal"), NULL, NULL, 0, 0 };
  gint64 id;

  if (self->database == NULL)
    return;
  id = sp_goal_add (self->database, self->year, &data, &error);
  if (id <= 0)
    {
      show_message (self, error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "goals");
  if (self->goal_matches != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  select_id (self->goal_selection, SP_TYPE_GOAL, id);
  adw_leaflet_set_visible_child (self->goals_leaflet, GTK_WIDGET (self->goal_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->goal_text_row));
}

static void
on_delete_goal_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->database == NULL || self->goal == NULL)
    return;
  if (!sp_goal_delete (self->database, record_id (self->goal), &error))
    {
      show_message (self, error->message);
      return;
    }
  add_toast (self, _("Goal deleted"), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->goals_view));
}

static void
on_add_target_group_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (self->database == NULL)
    return;
  for (int i = 1; i < 100 && id <= 0; i++)
    {
      /* Translators: the name of a new target group; %d counts up when the name is taken */
      g_autofree char *name = i == 1 ? g_strdup (_("New target group"))
                                     : g_strdup_printf (_("New target group %d"), i);

      g_clear_error (&error);
      id = sp_target_group_add (self->database, self->year, name, "", &error);
      if (id <= 0 && !g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE))
        break;
    }
  if (id <= 0)
    {
      show_message (self, error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "target-groups");
  select_id (self->target_selection, SP_TYPE_TARGET_GROUP, id);
  adw_leaflet_set_visible_child (self->targets_leaflet, GTK_WIDGET (self->target_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->target_name_row));
}

static void
on_delete_target_group_action_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (self->database == NULL || self->target == NULL)
    return;
  name = g_strdup (sp_target_group_get_name (self->target));
  if (!sp_target_group_delete (self->database, record_id (self->target), &error))
    {
      show_field_error (self->target_error_label, NULL, error->message);
      show_message (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Target group “%s” deleted"), name);
  add_toast (self, message, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->targets_view));
}

static void
on_add_area_group_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (self->database == NULL)
    return;
  for (int i = 1; i < 100 && id <= 0; i++)
    {
      /* Translators: the name of a new group of activity areas */
      g_autofree char *name = i == 1 ? g_strdup (_("New group")) : g_strdup_printf (_("New group %d"), i);

      g_clear_error (&error);
      id = sp_area_group_add (self->database, self->year, name, &error);
      if (id <= 0 && !g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE))
        break;
    }
  if (id <= 0)
    {
      show_message (self, error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "areas");
  select_id (self->area_selection, SP_TYPE_AREA_GROUP, id);
  adw_leaflet_set_visible_child (self->areas_leaflet, GTK_WIDGET (self->area_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->area_name_row));
}

static void
on_add_area_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 group_id = 0, id = 0;

  if (self->database == NULL)
    return;
  if (SP_IS_AREA_GROUP (self->area_item))
    group_id = record_id (self->area_item);
  else if (SP_IS_AREA (self->area_item))
    group_id = sp_area_get_group_id (SP_AREA (self->area_item));
  else if (self->area_groups != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->area_groups)) > 0)
    {
      g_autoptr(SpAreaGroup) first = g_list_model_get_item (G_LIST_MODEL (self->area_groups), 0);
      group_id = record_id (first);
    }
  if (group_id == 0)
    return;

  for (int i = 1; i < 100 && id <= 0; i++)
    {
      /* Translators: the name of a new activity area */
      g_autofree char *name = i == 1 ? g_strdup (_("New activity area"))
                                     : g_strdup_printf (_("New activity area %d"), i);

      g_clear_error (&error);
      id = sp_area_add (self->database, group_id, name, &error);
      if (id <= 0 && !g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE))
        break;
    }
  if (id <= 0)
    {
      show_message (self, error->message);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "areas");
  select_id (self->area_selection, SP_TYPE_AREA, id);
  adw_leaflet_set_visible_child (self->areas_leaflet, GTK_WIDGET (self->area_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->area_name_row));
}

static void
on_delete_area_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean is_area = SP_IS_AREA (self->area_item);
  g_autofree char *name = NULL;
  gboolean ok;

  if (self->database == NULL || self->area_item == NULL)
    return;
  name = g_strdup (is_area ? sp_area_get_name (SP_AREA (self->area_item))
                           : sp_area_group_get_name (SP_AREA_GROUP (self->area_item)));
  if (is_area)
    ok = sp_area_delete (self->database, record_id (self->area_item), &error);
  else
    ok = sp_area_group_delete (self->database, record_id (self->area_item), &error);
  if (!ok)
    {
      /* E.g. used by budget lines or projects: the core says where. */
      show_field_error (self->area_error_label, NULL, error->message);
      show_message (self, error->message);
      return;
    }
  message = is_area ? g_strdup_printf (_("Activity area “%s” deleted"), name)
                    : g_strdup_printf (_("Group “%s” deleted"), name);
  add_toast (self, message, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->areas_view));
}

static void
on_add_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  const char *page = get_visible_page_name (self);

  if (g_str_equal (page, "sections"))
    gtk_widget_activate_action (widget, "plan.add-section", NULL);
  else if (g_str_equal (page, "goals"))
    gtk_widget_activate_action (widget, "plan.add-goal", NULL);
  else if (g_str_equal (page, "target-groups"))
    gtk_widget_activate_action (widget, "plan.add-target-group", NULL);
  else if (g_str_equal (page, "areas"))
    gtk_widget_activate_action (widget, self->area_groups != NULL &&
                                g_list_model_get_n_items (G_LIST_MODEL (self->area_groups)) > 0
                                  ? "plan.add-area" : "plan.add-area-group", NULL);
}

static void
on_delete_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  const char *page = get_visible_page_name (self);

  if (g_str_equal (page, "sections"))
    gtk_widget_activate_action (widget, "plan.delete-section", NULL);
  else if (g_str_equal (page, "goals"))
    gtk_widget_activate_action (widget, "plan.delete-goal", NULL);
  else if (g_str_equal (page, "target-groups"))
    gtk_widget_activate_action (widget, "plan.delete-target-group", NULL);
  else if (g_str_equal (page, "areas"))
    gtk_widget_activate_action (widget, "plan.delete-area", NULL);
}

static void
on_move_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_selected (SP_PLAN_PAGE (widget), g_str_equal (action_name, "plan.move-up") ? -1 : 1);
}

static GdkContentProvider *
on_row_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  GObject *item = g_object_get_data (G_OBJECT (row), "item");
  SpPlanPage *self = SP_PLAN_PAGE (gtk_widget_get_ancestor (row, SP_TYPE_PLAN_PAGE));

  if (item == NULL || self == NULL || !is_editable (self))
    return NULL;
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (item), item);
}

static void
on_row_drag_begin_cb (GtkDragSource *source,
                      GdkDrag       *drag,
                      GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_row_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                GtkWidget     *row)
{
  SpPlanPage *self = SP_PLAN_PAGE (gtk_widget_get_ancestor (row, SP_TYPE_PLAN_PAGE));
  GObject *dragged = G_VALUE_HOLDS_OBJECT (value) ? g_value_get_object (value) : NULL;
  GObject *onto = g_object_get_data (G_OBJECT (row), "item");
  guint position;

  if (self == NULL || !is_editable (self) || !SP_IS_RECORD (dragged) || !SP_IS_RECORD (onto) ||
      dragged == onto || G_OBJECT_TYPE (dragged) != G_OBJECT_TYPE (onto) ||
      !record_index (self, SP_RECORD (onto), &position))
    return FALSE;
  if (SP_IS_AREA (dragged) && sp_area_get_group_id (SP_AREA (dragged)) != sp_area_get_group_id (SP_AREA (onto)))
    {
      /* Onto an area of another group: move it there. */
      g_autoptr(GError) error = NULL;
      gint64 id = sp_record_get_id (SP_RECORD (dragged));

      if (!sp_area_set_group (self->database, id, sp_area_get_group_id (SP_AREA (onto)), position, &error))
        show_message (self, error->message);
      select_id (self->area_selection, SP_TYPE_AREA, id);
      return TRUE;
    }
  move_record (self, SP_RECORD (dragged), position);
  return TRUE;
}

static void
on_row_click_released_cb (GtkGestureClick *gesture,
                          int              n_press,
                          double           x,
                          double           y,
                          GtkWidget       *row)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (row, ADW_TYPE_LEAFLET);

  if (leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet)))
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_label_item_notify_cb (GObject    *item,
                         GParamSpec *pspec,
                         GtkLabel   *label)
{
  g_autofree char *text = NULL;

  g_object_get (item, pspec->name, &text, NULL);
  gtk_label_set_text (label, text);
  sp_widget_set_tooltip_lazily (GTK_WIDGET (label), text);
  set_row_accessible_label (GTK_WIDGET (label), text);
}

static void
on_label_row_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  add_row_controllers (label);
  gtk_list_item_set_child (list_item, label);
}

/* Shows the string property named by the factory's "property" data. */
static void
on_label_row_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  const char *property = g_object_get_data (G_OBJECT (factory), "property");
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  on_label_item_notify_cb (item, g_object_class_find_property (G_OBJECT_GET_CLASS (item), property),
                           GTK_LABEL (label));
  g_signal_connect_object (item, signal, G_CALLBACK (on_label_item_notify_cb), label, 0);
  g_object_set_data (G_OBJECT (label), "item", item);
}

static void
on_label_row_unbind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_label_item_notify_cb, gtk_list_item_get_child (list_item));
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "item", NULL);
}

static void
on_goal_item_notify_cb (SpGoal     *goal,
                        GParamSpec *pspec,
                        GtkWidget  *box)
{
  GtkLabel *text = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkLabel *detail = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (text)));
  g_autofree char *line = NULL;

  gtk_label_set_text (text, sp_goal_get_text (goal));
  sp_widget_set_tooltip_lazily (GTK_WIDGET (text), sp_goal_get_text (goal));
  if (sp_goal_has_outcome (goal))
    /* Translators: under a goal in the list: "Measurable goal · Outcome: 42 participants" */
    line = g_strdup_printf (_("%s · Outcome: %s"), sp_goal_kind_get_label (sp_goal_get_kind (goal)),
                            sp_goal_get_outcome (goal));
  else
    line = g_strdup (sp_goal_kind_get_label (sp_goal_get_kind (goal)));
  gtk_label_set_text (detail, line);
  {
    /* Translators: a goal in the list as a screen reader says it: the goal, then its kind and outcome */
    g_autofree char *accessible = g_strdup_printf (_("%s (%s)"), sp_goal_get_text (goal), line);

    set_row_accessible_label (box, accessible);
  }
}

static void
on_goal_row_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), detail);
  add_row_controllers (box);
  gtk_list_item_set_child (list_item, box);
}

static void
on_goal_row_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  SpGoal *goal = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  on_goal_item_notify_cb (goal, NULL, box);
  g_signal_connect_object (goal, "notify", G_CALLBACK (on_goal_item_notify_cb), box, 0);
  g_object_set_data (G_OBJECT (box), "item", goal);
}

static void
on_goal_row_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_goal_item_notify_cb, gtk_list_item_get_child (list_item));
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "item", NULL);
}

static void
on_area_row_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  add_row_controllers (expander);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_area_row_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (SP_IS_AREA_GROUP (item))
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  on_label_item_notify_cb (item, g_object_class_find_property (G_OBJECT_GET_CLASS (item), "name"),
                           GTK_LABEL (label));
  g_signal_connect_object (item, "notify::name", G_CALLBACK (on_label_item_notify_cb), label, 0);
  g_object_set_data_full (G_OBJECT (expander), "item", g_steal_pointer (&item), g_object_unref);
}

static void
on_area_row_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_label_item_notify_cb,
                                          gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
  g_object_set_data (G_OBJECT (expander), "item", NULL);
}

/* GtkWidget */

static void
sp_plan_page_unmap (GtkWidget *widget)
{
  flush_section_text (SP_PLAN_PAGE (widget));
  GTK_WIDGET_CLASS (sp_plan_page_parent_class)->unmap (widget);
}

/* GObject */

static void
sp_plan_page_dispose (GObject *object)
{
  SpPlanPage *self = SP_PLAN_PAGE (object);

  flush_section_text (self);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  g_clear_handle_id (&self->history_idle_id, g_source_remove);
  if (self->section_selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->section_selection, self);
      g_signal_handlers_disconnect_by_data (self->goal_selection, self);
      g_signal_handlers_disconnect_by_data (self->target_selection, self);
      g_signal_handlers_disconnect_by_data (self->area_selection, self);
    }
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  if (self->goal != NULL)
    g_signal_handlers_disconnect_by_data (self->goal, self);
  if (self->target != NULL)
    g_signal_handlers_disconnect_by_data (self->target, self);
  if (self->area_item != NULL)
    g_signal_handlers_disconnect_by_data (self->area_item, self);
  if (self->plan_year != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_year, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_PAGE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->section);
  g_clear_object (&self->goal);
  g_clear_object (&self->target);
  g_clear_object (&self->area_item);
  g_clear_object (&self->plan_year);
  g_clear_object (&self->history);
  disconnect_list (self, &self->years);
  disconnect_list (self, &self->sections);
  disconnect_list (self, &self->goals);
  disconnect_list (self, &self->targets);
  disconnect_list (self, &self->area_groups);
  disconnect_list (self, &self->year_areas);
  disconnect_list (self, &self->projects);
  disconnect_list (self, &self->board);
  g_clear_object (&self->section_selection);
  g_clear_object (&self->goal_selection);
  g_clear_object (&self->target_selection);
  g_clear_object (&self->area_selection);
  g_clear_object (&self->section_filter);
  g_clear_object (&self->goal_filter);
  g_clear_object (&self->database);
  g_clear_pointer (&self->section_matches, g_hash_table_unref);
  g_clear_pointer (&self->goal_matches, g_hash_table_unref);

  G_OBJECT_CLASS (sp_plan_page_parent_class)->dispose (object);
}

static void
sp_plan_page_finalize (GObject *object)
{
  SpPlanPage *self = SP_PLAN_PAGE (object);

  g_free (self->section_text);
  g_clear_pointer (&self->goal_area_ids, g_array_unref);
  g_clear_pointer (&self->goal_project_ids, g_array_unref);
  g_clear_pointer (&self->area_group_ids, g_array_unref);

  G_OBJECT_CLASS (sp_plan_page_parent_class)->finalize (object);
}

static void
sp_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPlanPage *self = SP_PLAN_PAGE (object);

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

static void
sp_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpPlanPage *self = SP_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_plan_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      sp_plan_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_page_class_init (SpPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_plan_page_dispose;
  object_class->finalize = sp_plan_page_finalize;
  object_class->get_property = sp_plan_page_get_property;
  object_class->set_property = sp_plan_page_set_property;
  widget_class->unmap = sp_plan_page_unmap;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 1990, 2100, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, search_status_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, create_from_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, create_empty_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, adopt_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, lock_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, sections_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, sections_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, sections_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, section_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, section_title_entry);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, section_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, section_text_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goals_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goals_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goals_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_group);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_text_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_indicator_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_target_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_area_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_project_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, goal_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, targets_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, targets_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, targets_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, target_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, target_group);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, target_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, target_description_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, target_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, areas_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, areas_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, areas_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, area_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, area_group);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, area_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, area_group_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, area_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, section_back_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, board_title_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, board_edit_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, board_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, board_list_box);

  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goals_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_targets_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_areas_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_title_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_title_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_outcome_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_name_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_group_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "plan.adopt", NULL, on_adopt_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.reopen", NULL, on_reopen_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.create-next-year", NULL, on_create_next_year_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.create-year", NULL, on_create_year_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.create-from-previous", NULL, on_create_year_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.search", NULL, on_search_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add", NULL, on_add_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, on_delete_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, on_move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, on_move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-section", NULL, on_add_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-section", NULL, on_delete_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", NULL, on_add_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-goal", NULL, on_delete_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-target-group", NULL, on_add_target_group_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-target-group", NULL,
                                   on_delete_target_group_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-area-group", NULL, on_add_area_group_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-area", NULL, on_add_area_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-area", NULL, on_delete_area_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "plan.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "plan.move-down", NULL);
}

static void
sp_plan_page_init (SpPlanPage *self)
{
  g_autoptr(GtkListItemFactory) section_factory = NULL;
  g_autoptr(GtkListItemFactory) target_factory = NULL;
  GtkListItemFactory *factory;
  GtkEventController *focus;
  g_autoptr(GtkStringList) kinds = NULL;
  static const SpPageShortcut page_shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "plan.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.add" },
  };

  g_type_ensure (SP_TYPE_SECTION);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->year = 2000;
  self->goal_area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->goal_project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->area_group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Sections */
  self->section_filter = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (section_filter_func,
                                                                                             self, NULL)));
  self->section_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->section_filter)));
  g_signal_connect_object (self->section_selection, "notify::selected-item",
                           G_CALLBACK (sync_section_editor), self, G_CONNECT_SWAPPED);
  section_factory = label_factory_new ("title");
  gtk_list_view_set_model (self->sections_view, GTK_SELECTION_MODEL (self->section_selection));
  gtk_list_view_set_factory (self->sections_view, section_factory);
  add_list_shortcuts (GTK_WIDGET (self->sections_view));

  g_signal_connect_object (gtk_text_view_get_buffer (self->section_text_view), "changed",
                           G_CALLBACK (on_section_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->section_text_view), TRUE);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_section_text_view_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->section_text_view), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_section_title_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->section_title_entry), focus);

  /* Goals */
  self->goal_filter = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (goal_filter_func,
                                                                                          self, NULL)));
  self->goal_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->goal_filter)));
  g_signal_connect_object (self->goal_selection, "notify::selected-item",
                           G_CALLBACK (sync_goal_editor), self, G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_goal_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_goal_row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_goal_row_unbind_cb), NULL);
  gtk_list_view_set_model (self->goals_view, GTK_SELECTION_MODEL (self->goal_selection));
  gtk_list_view_set_factory (self->goals_view, factory);
  g_object_unref (factory);
  add_list_shortcuts (GTK_WIDGET (self->goals_view));

  kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, sp_goal_kind_get_label (SP_GOAL_KIND_STRATEGIC));
  gtk_string_list_append (kinds, sp_goal_kind_get_label (SP_GOAL_KIND_MEASURABLE));
  adw_combo_row_set_model (self->goal_kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->goal_area_row, G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_object_unref (adw_combo_row_get_model (self->goal_area_row));
  adw_combo_row_set_model (self->goal_project_row, G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_object_unref (adw_combo_row_get_model (self->goal_project_row));
  adw_combo_row_set_model (self->area_group_row, G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_object_unref (adw_combo_row_get_model (self->area_group_row));

  {
    GtkWidget *rows[] = {
      GTK_WIDGET (self->goal_text_row), GTK_WIDGET (self->goal_indicator_row),
      GTK_WIDGET (self->goal_target_row), GTK_WIDGET (self->goal_outcome_row),
      GTK_WIDGET (self->target_name_row), GTK_WIDGET (self->target_description_row),
      GTK_WIDGET (self->area_name_row),
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        focus = gtk_event_controller_focus_new ();
        g_signal_connect_object (focus, "leave", G_CALLBACK (on_editor_row_focus_leave_cb), self,
                                 G_CONNECT_SWAPPED);
        gtk_widget_add_controller (rows[i], focus);
      }
  }

  /* Target groups */
  self->target_selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->target_selection, "notify::selected-item",
                           G_CALLBACK (sync_target_editor), self, G_CONNECT_SWAPPED);
  target_factory = label_factory_new ("name");
  gtk_list_view_set_model (self->targets_view, GTK_SELECTION_MODEL (self->target_selection));
  gtk_list_view_set_factory (self->targets_view, target_factory);
  add_list_shortcuts (GTK_WIDGET (self->targets_view));

  /* Activity areas */
  self->area_selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->area_selection, "notify::selected-item",
                           G_CALLBACK (sync_area_editor), self, G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_area_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_area_row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_area_row_unbind_cb), NULL);
  gtk_list_view_set_model (self->areas_view, GTK_SELECTION_MODEL (self->area_selection));
  gtk_list_view_set_factory (self->areas_view, factory);
  g_object_unref (factory);
  add_list_shortcuts (GTK_WIDGET (self->areas_view));

  /* Ctrl+F and Ctrl+Shift+N work wherever the focus is while the page is shown;
   * Alt+Up/Down and Delete only where the selection is. */
  sp_page_add_shortcuts (GTK_WIDGET (self), page_shortcuts, G_N_ELEMENTS (page_shortcuts));

  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_bar_search_mode_cb), self, G_CONNECT_SWAPPED);

  rebuild (self);
}

/* Public API */

GtkWidget *
sp_plan_page_new (void)
{
  return g_object_new (SP_TYPE_PLAN_PAGE, NULL);
}

SpDatabase *
sp_plan_page_get_database (SpPlanPage *self)
{
  g_return_val_if_fail (SP_IS_PLAN_PAGE (self), NULL);
  return self->database;
}

void
sp_plan_page_set_database (SpPlanPage *self,
                           SpDatabase *database)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  flush_section_text (self);
  g_set_object (&self->database, database);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

int
sp_plan_page_get_year (SpPlanPage *self)
{
  g_return_val_if_fail (SP_IS_PLAN_PAGE (self), 0);
  return self->year;
}

void
sp_plan_page_set_year (SpPlanPage *self,
                       int         year)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));

  if (self->year == year)
    return;
  flush_section_text (self);
  self->year = year;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * sp_plan_page_flush:
 *
 * Stores the section text typed but not yet stored (it is otherwise stored
 * SP_PLAN_PAGE_SAVE_DELAY_MS after the last keystroke).
 */
void
sp_plan_page_flush (SpPlanPage *self)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));
  flush_section_text (self);
}
