/* sp-section-editor.c: the editor of a section's CommonMark text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkSourceView with the markdown language, so that headings, lists and
 * emphasis show while one types, and a toolbar that writes the markup:
 * bold and italic wrap the selection (or the word at the cursor) in ** or *
 * and unwrap it when it is wrapped already; the list and heading buttons
 * put or take away the marker at the start of each line of the selection.
 * Each is one step of the text view's undo. Storing the text is the
 * owner's business (SpPlanSectionsView listens to the buffer).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "sp-section-editor.h"

struct _SpSectionEditor
{
  GtkWidget      parent_instance;

  GtkSourceView *text_view;
  GtkButton     *bold_button;
  GtkButton     *italic_button;
  GtkButton     *bullets_button;
  GtkButton     *numbers_button;
  GtkButton     *heading_button;
};

G_DEFINE_FINAL_TYPE (SpSectionEditor, sp_section_editor, GTK_TYPE_WIDGET)

typedef enum {
  LINE_BULLET,
  LINE_NUMBER,
  LINE_HEADING,
} LineKind;

/* Helpers */

static GtkTextBuffer *
get_buffer (SpSectionEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static gunichar
char_at (GtkTextBuffer *buffer,
         int            offset)
{
  GtkTextIter iter;

  if (offset < 0)
    return 0;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_get_char (&iter);
}

/* How many '*' (at most 3) run from @offset in @direction (+1 or -1). */
static int
count_stars (GtkTextBuffer *buffer,
             int            offset,
             int            direction,
             int            limit_offset)
{
  int n = 0;

  while (n < 3)
    {
      int at = direction > 0 ? offset + n : offset - n - 1;

      if (direction > 0 ? at >= limit_offset : at < limit_offset)
        break;
      if (char_at (buffer, at) != '*')
        break;
      n++;
    }
  return n;
}

/* Whether a run of @n stars holds the marker of @len stars: bold is in 2 or
 * 3 stars, italic in 1 or 3. */
static gboolean
run_has_marker (int n,
                int len)
{
  return len == 2 ? n >= 2 : (n == 1 || n == 3);
}

static void
delete_range (GtkTextBuffer *buffer,
              int            start,
              int            end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_delete (buffer, &a, &b);
}

static void
insert_at (GtkTextBuffer *buffer,
           int            offset,
           const char    *text)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_insert (buffer, &iter, text, -1);
}

static void
select_range (GtkTextBuffer *buffer,
              int            start,
              int            end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

/* Wraps the selection (or the word at the cursor) in @marker, or unwraps it
 * when the marker is just outside or just inside it. */
static void
toggle_inline (SpSectionEditor *self,
               const char      *marker)
{
  GtkTextBuffer *buffer = get_buffer (self);
  int len = strlen (marker);
  GtkTextIter start, end;
  gboolean selected;
  int s, e;

  selected = gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (!selected)
    {
      if (gtk_text_iter_inside_word (&start) || gtk_text_iter_ends_word (&start))
        {
          if (!gtk_text_iter_starts_word (&start))
            gtk_text_iter_backward_word_start (&start);
          if (!gtk_text_iter_ends_word (&end))
            gtk_text_iter_forward_word_end (&end);
        }
    }
  s = gtk_text_iter_get_offset (&start);
  e = gtk_text_iter_get_offset (&end);
  /* A selected line (a triple click) ends with its line end: the marker
   * goes around the words, not around the blanks. */
  while (selected && s < e && g_unichar_isspace (char_at (buffer, s)))
    s++;
  while (selected && e > s && g_unichar_isspace (char_at (buffer, e - 1)))
    e--;

  gtk_text_buffer_begin_user_action (buffer);
  if (run_has_marker (MIN (count_stars (buffer, s, -1, 0), count_stars (buffer, e, +1, G_MAXINT)), len))
    {
      delete_range (buffer, e, e + len);
      delete_range (buffer, s - len, s);
      select_range (buffer, s - len, e - len);
    }
  else if (e - s >= 2 * len &&
           run_has_marker (MIN (count_stars (buffer, s, +1, e), count_stars (buffer, e, -1, s)), len))
    {
      delete_range (buffer, e - len, e);
      delete_range (buffer, s, s + len);
      select_range (buffer, s, e - 2 * len);
    }
  else
    {
      insert_at (buffer, e, marker);
      insert_at (buffer, s, marker);
      select_range (buffer, s + len, e + len);
    }
  gtk_text_buffer_end_user_action (buffer);
}

/* The length of the marker of @kind at the start of @line, or 0. */
static int
line_marker_length (const char *line,
                    LineKind    kind)
{
  int n = 0;

  switch (kind)
    {
    case LINE_BULLET:
      return (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ' ? 2 : 0;
    case LINE_NUMBER:
      while (g_ascii_isdigit (line[n]) && n < 9)
        n++;
      return n > 0 && (line[n] == '.' || line[n] == ')') && line[n + 1] == ' ' ? n + 2 : 0;
    case LINE_HEADING:
      while (line[n] == '#' && n < 6)
        n++;
      return n > 0 && line[n] == ' ' ? n + 1 : 0;
    default:
      g_assert_not_reached ();
    }
}

static char *
get_line (GtkTextBuffer *buffer,
          int            line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
delete_line_start (GtkTextBuffer *buffer,
                   int            line,
                   int            length)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  gtk_text_iter_forward_chars (&end, length);
  gtk_text_buffer_delete (buffer, &start, &end);
}

/* Puts the marker of @kind before each non-empty line of the selection (or
 * the cursor's line), or takes it away when every such line has it. */
static void
toggle_lines (SpSectionEditor *self,
              LineKind         kind)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;
  int first, last, number = 1;
  gboolean all = TRUE, any = FALSE;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);
  if (last > first && gtk_text_iter_starts_line (&end))
    last--;

  for (int line = first; line <= last; line++)
    {
      g_autofree char *text = get_line (buffer, line);

      if (*text == '\0')
        continue;
      any = TRUE;
      if (line_marker_length (text, kind) == 0)
        all = FALSE;
    }

  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      g_autofree char *text = get_line (buffer, line);
      GtkTextIter at;

      if (*text == '\0' && any)
        continue;
      if (any && all)
        {
          delete_line_start (buffer, line, g_utf8_strlen (text, line_marker_length (text, kind)));
          continue;
        }
      if (line_marker_length (text, kind) > 0)
        {
          if (kind == LINE_NUMBER)
            number++;
          continue;
        }
      /* A list item becomes the other kind of item, not both. */
      if (kind != LINE_HEADING)
        {
          int other = line_marker_length (text, kind == LINE_BULLET ? LINE_NUMBER : LINE_BULLET);

          if (other > 0)
            delete_line_start (buffer, line, other);
        }
      gtk_text_buffer_get_iter_at_line (buffer, &at, line);
      if (kind == LINE_NUMBER)
        {
          g_autofree char *marker = g_strdup_printf ("%d. ", number++);

          gtk_text_buffer_insert (buffer, &at, marker, -1);
        }
      else
        {
          gtk_text_buffer_insert (buffer, &at, kind == LINE_BULLET ? "- " : "## ", -1);
        }
    }
  gtk_text_buffer_end_user_action (buffer);
}

static void
update_style_scheme (SpSectionEditor *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, adw_style_manager_get_dark (manager)
                                                                  ? "Adwaita-dark" : "Adwaita");
  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (get_buffer (self)), scheme);
}

/* Callbacks and actions */

static void
on_style_manager_dark_notify_cb (SpSectionEditor *self)
{
  update_style_scheme (self);
}

static void
on_bold_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  toggle_inline (SP_SECTION_EDITOR (widget), "**");
}

static void
on_italic_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  toggle_inline (SP_SECTION_EDITOR (widget), "*");
}

static void
on_bullets_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  toggle_lines (SP_SECTION_EDITOR (widget), LINE_BULLET);
}

static void
on_numbers_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  toggle_lines (SP_SECTION_EDITOR (widget), LINE_NUMBER);
}

static void
on_heading_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  toggle_lines (SP_SECTION_EDITOR (widget), LINE_HEADING);
}

/* GObject */

static void
sp_section_editor_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_SECTION_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_section_editor_parent_class)->dispose (object);
}

static void
sp_section_editor_class_init (SpSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_section_editor_dispose;

  gtk_source_init ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-section-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, SpSectionEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, SpSectionEditor, bold_button);
  gtk_widget_class_bind_template_child (widget_class, SpSectionEditor, italic_button);
  gtk_widget_class_bind_template_child (widget_class, SpSectionEditor, bullets_button);
  gtk_widget_class_bind_template_child (widget_class, SpSectionEditor, numbers_button);
  gtk_widget_class_bind_template_child (widget_class, SpSectionEditor, heading_button);

  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, on_bold_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, on_italic_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.bullets", NULL, on_bullets_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.numbers", NULL, on_numbers_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.heading", NULL, on_heading_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "editor.bold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "editor.italic", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.bullets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.numbers", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.heading", NULL);
}

static void
sp_section_editor_init (SpSectionEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = GTK_SOURCE_BUFFER (get_buffer (self));
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_syntax (buffer, TRUE);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), TRUE);
  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_dark_notify_cb), self, G_CONNECT_SWAPPED);

  /* GtkSourceView moves text lines with Alt+Up and Alt+Down, which would
   * swap a paragraph with the blank line that makes it one: here they stay
   * what the shortcuts window says, moving the section (the page's
   * plan.move-up and plan.move-down), as they did before. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                          gtk_named_action_new ("plan.move-up")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                          gtk_named_action_new ("plan.move-down")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public API */

GtkWidget *
sp_section_editor_new (void)
{
  return g_object_new (SP_TYPE_SECTION_EDITOR, NULL);
}

/**
 * sp_section_editor_get_view:
 *
 * Returns: (transfer none): the text view, whose buffer holds the text
 */
GtkTextView *
sp_section_editor_get_view (SpSectionEditor *self)
{
  g_return_val_if_fail (SP_IS_SECTION_EDITOR (self), NULL);

  return GTK_TEXT_VIEW (self->text_view);
}

/**
 * sp_section_editor_set_editable:
 *
 * An adopted plan is shown but not changed: no typing, no formatting.
 */
void
sp_section_editor_set_editable (SpSectionEditor *self,
                                gboolean         editable)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (SP_IS_SECTION_EDITOR (self));

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), editable);
  gtk_widget_action_set_enabled (widget, "editor.bold", editable);
  gtk_widget_action_set_enabled (widget, "editor.italic", editable);
  gtk_widget_action_set_enabled (widget, "editor.bullets", editable);
  gtk_widget_action_set_enabled (widget, "editor.numbers", editable);
  gtk_widget_action_set_enabled (widget, "editor.heading", editable);
}
