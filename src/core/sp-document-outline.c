/* sp-document-outline.c: which parts the year's document holds, in which order, and its closing line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order is stored in plan_year.document_outline as a comma-separated
 * list of parts: "s" stands for the next section (in the sections' own
 * order), a chapter by its key; a leading "-" leaves the part out. The
 * sections are not named, so the list survives the sections' copy into the
 * next year, and sections added later stand after the last section listed.
 * '' is the default: the sections, then every chapter.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-document-outline.h"
#include "sp-edit-private.h"

typedef struct {
  char     *chapter;   /* NULL: a section */
  int       section;   /* the section's index among the year's sections */
  char     *title;
  gboolean  included;
} Part;

struct _SpDocumentOutline {
  GObject    parent_instance;
  int        year;
  GPtrArray *parts;
  char      *closing_place;
  char      *closing_date;
  char      *closing_signer;
};

G_DEFINE_FINAL_TYPE (SpDocumentOutline, sp_document_outline, G_TYPE_OBJECT)

static const char * const chapter_keys[] = {
  "organisation", "areas", "target-groups", "goals", "budget", "contributions", "projects", NULL,
};

static void
part_free (gpointer data)
{
  Part *part = data;

  g_free (part->chapter);
  g_free (part->title);
  g_free (part);
}

static Part *
part_new (const char *chapter,
          int         section,
          const char *title,
          gboolean    included)
{
  Part *part = g_new0 (Part, 1);

  part->chapter = g_strdup (chapter);
  part->section = section;
  part->title = g_strdup (chapter != NULL ? sp_document_outline_get_chapter_title (chapter) : title);
  part->included = included;
  return part;
}

static Part *
get_part (SpDocumentOutline *self,
          guint              part)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), NULL);
  g_return_val_if_fail (part < self->parts->len, NULL);
  return g_ptr_array_index (self->parts, part);
}

static gboolean
is_chapter_key (const char *key)
{
  return g_strv_contains ((const char * const *) chapter_keys, key);
}

/* The stored list and the year's section titles into parts. */
static void
build_parts (SpDocumentOutline *self,
             const char        *stored,
             GPtrArray         *titles)
{
  g_auto(GStrv) tokens = g_strsplit (stored, ",", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint next_section = 0;
  guint after_sections = 0;

  for (guint i = 0; stored[0] != '\0' && tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      gboolean included = TRUE;

      if (token[0] == '-')
        {
          included = FALSE;
          token++;
        }
      if (g_str_equal (token, "s"))
        {
          if (next_section >= titles->len)
            continue;
          g_ptr_array_add (self->parts, part_new (NULL, (int) next_section,
                                                  g_ptr_array_index (titles, next_section), included));
          next_section++;
          after_sections = self->parts->len;
        }
      else if (is_chapter_key (token) && !g_hash_table_contains (seen, token))
        {
          g_hash_table_add (seen, (gpointer) g_intern_string (token));
          g_ptr_array_add (self->parts, part_new (token, -1, NULL, included));
        }
    }
  /* Sections not listed stand after the last one listed (the first ones
   * when none is listed). */
  for (; next_section < titles->len; next_section++)
    g_ptr_array_insert (self->parts, (int) after_sections++,
                        part_new (NULL, (int) next_section, g_ptr_array_index (titles, next_section), TRUE));
  for (guint i = 0; chapter_keys[i] != NULL; i++)
    if (!g_hash_table_contains (seen, g_intern_string (chapter_keys[i])))
      g_ptr_array_add (self->parts, part_new (chapter_keys[i], -1, NULL, TRUE));
}

static char *
encode_parts (SpDocumentOutline *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean is_default = TRUE;
  gboolean chapter_seen = FALSE;
  guint chapter = 0;

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (text->len > 0)
        g_string_append_c (text, ',');
      if (!part->included)
        g_string_append_c (text, '-');
      g_string_append (text, part->chapter != NULL ? part->chapter : "s");

      /* The default: every part included, the sections first, the chapters in their order. */
      if (!part->included
          || (part->chapter == NULL && chapter_seen)
          || (part->chapter != NULL && g_strcmp0 (part->chapter, chapter_keys[chapter++]) != 0))
        is_default = FALSE;
      if (part->chapter != NULL)
        chapter_seen = TRUE;
    }
  return is_default ? g_strdup ("") : g_string_free (g_steal_pointer (&text), FALSE);
}

/* One line, trimmed: the parts of the closing line stand on one line. */
static char *
clean_closing (const char  *text,
               GError     **error)
{
  g_autofree char *line = g_strdup (text);

  g_strdelimit (line, "\r\n\t", ' ');
  return sp_edit_clean_text (g_strstrip (line), SP_DOCUMENT_CLOSING_MAX, error);
}

typedef struct {
  SpDocumentOutline *outline;
  char              *stored;
  char              *place;
  char              *date;
  char              *signer;
} SaveEdit;

static gboolean
do_save (SpDatabase  *database,
         gpointer     user_data,
         GError     **error)
{
  SaveEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_edit_check_year_open (database, edit->outline->year, error))
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "UPDATE plan_year SET document_outline = ?2, closing_place = ?3, "
                          "closing_date = ?4, closing_signer = ?5 WHERE year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->outline->year);
  sp_edit_bind_text (stmt, 2, edit->stored);
  sp_edit_bind_text (stmt, 3, edit->place);
  sp_edit_bind_text (stmt, 4, edit->date);
  sp_edit_bind_text (stmt, 5, edit->signer);
  return sp_edit_step_done (database, stmt, error);
}

static void
sp_document_outline_finalize (GObject *object)
{
  SpDocumentOutline *self = SP_DOCUMENT_OUTLINE (object);

  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_free (self->closing_place);
  g_free (self->closing_date);
  g_free (self->closing_signer);
  G_OBJECT_CLASS (sp_document_outline_parent_class)->finalize (object);
}

static void
sp_document_outline_class_init (SpDocumentOutlineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_document_outline_finalize;
}

static void
sp_document_outline_init (SpDocumentOutline *self)
{
  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->closing_place = g_strdup ("");
  self->closing_date = g_strdup ("");
  self->closing_signer = g_strdup ("");
}

/**
 * sp_document_outline_get_chapter_keys:
 *
 * Returns: (transfer none): the keys of the generated chapters in their
 *   default order
 */
const char * const *
sp_document_outline_get_chapter_keys (void)
{
  return chapter_keys;
}

/**
 * sp_document_outline_get_chapter_title:
 *
 * Returns: the chapter's title as the document prints it
 */
const char *
sp_document_outline_get_chapter_title (const char *key)
{
  if (g_strcmp0 (key, "organisation") == 0)
    return _("Organisation");
  if (g_strcmp0 (key, "areas") == 0)
    return _("Activity areas");
  if (g_strcmp0 (key, "target-groups") == 0)
    return _("Target groups");
  if (g_strcmp0 (key, "goals") == 0)
    return _("Goals");
  if (g_strcmp0 (key, "budget") == 0)
    return _("Budget");
  if (g_strcmp0 (key, "contributions") == 0)
    return _("Member contributions");
  if (g_strcmp0 (key, "projects") == 0)
    return _("Projects");
  g_return_val_if_reached ("");
}

/**
 * sp_document_outline_load:
 *
 * Returns: (transfer full) (nullable): the year's parts: every section and
 *   every generated chapter, in the document's order
 */
SpDocumentOutline *
sp_document_outline_load (SpDatabase  *database,
                          int          year,
                          GError     **error)
{
  g_autoptr(SpDocumentOutline) self = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT document_outline, closing_place, closing_date, closing_signer "
                          "FROM plan_year WHERE year = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  self = g_object_new (SP_TYPE_DOCUMENT_OUTLINE, NULL);
  self->year = year;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), year);
      return NULL;
    }
  stored = g_strdup (sp_edit_column_text (stmt, 0));
  g_free (self->closing_place);
  self->closing_place = g_strdup (sp_edit_column_text (stmt, 1));
  g_free (self->closing_date);
  self->closing_date = g_strdup (sp_edit_column_text (stmt, 2));
  g_free (self->closing_signer);
  self->closing_signer = g_strdup (sp_edit_column_text (stmt, 3));
  sqlite3_reset (stmt);

  stmt = sp_edit_prepare (database, "SELECT title FROM section WHERE year = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (titles, g_strdup (sp_edit_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  build_parts (self, stored, titles);
  return g_steal_pointer (&self);
}

int
sp_document_outline_get_year (SpDocumentOutline *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), 0);
  return self->year;
}

guint
sp_document_outline_get_n_parts (SpDocumentOutline *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), 0);
  return self->parts->len;
}

/**
 * sp_document_outline_get_chapter:
 *
 * Returns: (nullable): the generated chapter's key, %NULL for a section
 */
const char *
sp_document_outline_get_chapter (SpDocumentOutline *self,
                                 guint              part)
{
  return get_part (self, part)->chapter;
}

/**
 * sp_document_outline_get_section:
 *
 * Returns: the section's index among the year's sections (in their order),
 *   -1 for a chapter
 */
int
sp_document_outline_get_section (SpDocumentOutline *self,
                                 guint              part)
{
  return get_part (self, part)->section;
}

const char *
sp_document_outline_get_title (SpDocumentOutline *self,
                               guint              part)
{
  return get_part (self, part)->title;
}

gboolean
sp_document_outline_get_included (SpDocumentOutline *self,
                                  guint              part)
{
  return get_part (self, part)->included;
}

void
sp_document_outline_set_included (SpDocumentOutline *self,
                                  guint              part,
                                  gboolean           included)
{
  get_part (self, part)->included = !!included;
}

/**
 * sp_document_outline_can_move:
 * @delta: -1 (up) or 1 (down)
 *
 * A part moves past its neighbour, except a section past a section: the
 * sections keep their own order, set on the plan's sections.
 */
gboolean
sp_document_outline_can_move (SpDocumentOutline *self,
                              guint              part,
                              int                delta)
{
  gint64 other = (gint64) part + delta;

  if (get_part (self, part) == NULL || (delta != -1 && delta != 1) || other < 0 || other >= self->parts->len)
    return FALSE;
  return get_part (self, part)->chapter != NULL || get_part (self, (guint) other)->chapter != NULL;
}

gboolean
sp_document_outline_move (SpDocumentOutline *self,
                          guint              part,
                          int                delta)
{
  gpointer *pdata;
  gpointer moved;

  if (!sp_document_outline_can_move (self, part, delta))
    return FALSE;
  pdata = self->parts->pdata;
  moved = pdata[part];
  pdata[part] = pdata[part + delta];
  pdata[part + delta] = moved;
  return TRUE;
}

const char *
sp_document_outline_get_closing_place (SpDocumentOutline *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), NULL);
  return self->closing_place;
}

const char *
sp_document_outline_get_closing_date (SpDocumentOutline *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), NULL);
  return self->closing_date;
}

const char *
sp_document_outline_get_closing_signer (SpDocumentOutline *self)
{
  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), NULL);
  return self->closing_signer;
}

/**
 * sp_document_outline_set_closing:
 * @place: where the plan was written: "Kramfors"
 * @date: when, in words: "november 2007"
 * @signer: who signs it, with the title: "Åke Johansson, verkställande tjänsteman"
 *
 * Checked when saved.
 */
void
sp_document_outline_set_closing (SpDocumentOutline *self,
                                 const char        *place,
                                 const char        *date,
                                 const char        *signer)
{
  g_return_if_fail (SP_IS_DOCUMENT_OUTLINE (self));
  g_free (self->closing_place);
  self->closing_place = g_strdup (place != NULL ? place : "");
  g_free (self->closing_date);
  self->closing_date = g_strdup (date != NULL ? date : "");
  g_free (self->closing_signer);
  self->closing_signer = g_strdup (signer != NULL ? signer : "");
}

/**
 * sp_document_outline_dup_closing_line:
 *
 * Returns: (transfer full) (nullable): "Kramfors november 2007 · Åke
 *   Johansson, verkställande tjänsteman", or %NULL when nothing is set
 */
char *
sp_document_outline_dup_closing_line (SpDocumentOutline *self)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *when[] = { self->closing_place, self->closing_date };

  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (when); i++)
    if (when[i][0] != '\0')
      {
        if (line->len > 0)
          g_string_append_c (line, ' ');
        g_string_append (line, when[i]);
      }
  if (self->closing_signer[0] != '\0')
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, self->closing_signer);
    }
  return line->len > 0 ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

/**
 * sp_document_outline_save:
 *
 * Stores the order, the parts left out and the closing line of the year as
 * one edit. Refused on an adopted year.
 */
gboolean
sp_document_outline_save (SpDatabase         *database,
                          SpDocumentOutline  *self,
                          GError            **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *place = NULL;
  g_autofree char *date = NULL;
  g_autofree char *signer = NULL;
  SaveEdit edit;

  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (self), FALSE);
  if ((place = clean_closing (self->closing_place, error)) == NULL
      || (date = clean_closing (self->closing_date, error)) == NULL
      || (signer = clean_closing (self->closing_signer, error)) == NULL)
    return FALSE;
  stored = encode_parts (self);
  edit = (SaveEdit) { self, stored, place, date, signer };
  return sp_edit_run (database, _("Change the document’s contents"), do_save, &edit, error);
}
