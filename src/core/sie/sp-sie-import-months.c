/* sp-sie-import-months.c: the monthly actuals of an SIE import, by activity
 * area and project, and the mapping of the file's objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs schema step 9 (actual_month, sie_object_map, sie_account_map.project_id).
 * Each account's months are stored only when they add up to the year that
 * `actual` gets for it (its #RES, else its vouchers): otherwise the account
 * is named in the summary and imported as a whole year, so that `actual` is
 * always the sum of `actual_month` where there are months.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sp-edit-private.h"
#include "sp-sie-import-private.h"
#include "sp-sie-months.h"
#include "sp-month.h"

/* What the database says, loaded once per computation. */
typedef struct {
  GHashTable *area_by_lineage;  /* lineage → area id of the year */
  GHashTable *area_names;       /* area id → name */
  GHashTable *project_names;    /* project id → name */
  GHashTable *remembered;       /* "dimension object" → SpSieObjectChoice */
  GHashTable *objects;          /* "dimension object" → SpSieImportObject (borrowed from the summary) */
  GHashTable *declared;         /* "dimension object" → its name in #OBJEKT (borrowed from the file) */
} Lookup;

static void
lookup_clear (Lookup *lookup)
{
  g_clear_pointer (&lookup->area_by_lineage, g_hash_table_unref);
  g_clear_pointer (&lookup->area_names, g_hash_table_unref);
  g_clear_pointer (&lookup->project_names, g_hash_table_unref);
  g_clear_pointer (&lookup->remembered, g_hash_table_unref);
  g_clear_pointer (&lookup->objects, g_hash_table_unref);
  g_clear_pointer (&lookup->declared, g_hash_table_unref);
}

static void
free_import_object (gpointer data)
{
  SpSieImportObject *object = data;

  g_free (object->object);
  g_free (object->name);
  g_free (object->target_name);
  g_free (object);
}

static guint
int64_hash (gconstpointer key)
{
  return g_int64_hash (key);
}

static GHashTable *
new_int64_table (GDestroyNotify value_free)
{
  return g_hash_table_new_full (int64_hash, g_int64_equal, g_free, value_free);
}

static void
insert_int64 (GHashTable *table,
              gint64      key,
              gpointer    value)
{
  gint64 *k = g_new (gint64, 1);

  *k = key;
  g_hash_table_insert (table, k, value);
}

static gboolean
load_lookup (SpSieImport  *self,
             Lookup       *lookup,
             GError      **error)
{
  sqlite3_stmt *stmt;

  lookup->area_by_lineage = new_int64_table (g_free);
  lookup->area_names = new_int64_table (g_free);
  lookup->project_names = new_int64_table (g_free);
  lookup->remembered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lookup->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookup->declared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->file->objects->len; i++)
    {
      const SpSieObject *declared = &g_array_index (self->file->objects, SpSieObject, i);

      /* Only the dimensions used; the first #OBJEKT of a code holds. */
      if (declared->dim == 1 || declared->dim == 6)
        {
          char *key = g_strdup_printf ("%d %s", declared->dim, declared->id);

          if (g_hash_table_contains (lookup->declared, key))
            g_free (key);
          else
            g_hash_table_insert (lookup->declared, key, declared->name);
        }
    }

  stmt = sp_edit_prepare (self->database,
                          "SELECT a.id, coalesce (a.lineage, a.id),"
                          " CASE WHEN a.implicit THEN g.name ELSE a.name END"
                          " FROM area a JOIN area_group g ON g.id = a.group_id WHERE g.year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      insert_int64 (lookup->area_by_lineage, sqlite3_column_int64 (stmt, 1), id);
      insert_int64 (lookup->area_names, *id, g_strdup (sp_edit_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);

  stmt = sp_edit_prepare (self->database, "SELECT id, name FROM project", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    insert_int64 (lookup->project_names, sqlite3_column_int64 (stmt, 0),
                  g_strdup (sp_edit_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  stmt = sp_edit_prepare (self->database,
                          "SELECT dimension, object, coalesce (area_lineage, 0), coalesce (project_id, 0)"
                          " FROM sie_object_map",
                          error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SpSieObjectChoice *choice = g_new0 (SpSieObjectChoice, 1);

      choice->area_lineage = sqlite3_column_int64 (stmt, 2);
      choice->project_id = sqlite3_column_int64 (stmt, 3);
      g_hash_table_insert (lookup->remembered,
                           g_strdup_printf ("%d %s", sqlite3_column_int (stmt, 0), sp_edit_column_text (stmt, 1)),
                           choice);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Applies a choice to an object: where it goes, or NONE when its area is not
 * in this year's plan (or its project is gone). */
static void
resolve (Lookup            *lookup,
         SpSieImportObject *object,
         SpSieObjectChoice *choice,
         SpSieMapping       mapping)
{
  object->area_id = 0;
  object->project_id = 0;
  g_clear_pointer (&object->target_name, g_free);
  if (choice->area_lineage == 0 && choice->project_id == 0)
    {
      object->mapping = SP_SIE_MAPPING_LEFT_OUT;
      return;
    }
  if (choice->area_lineage != 0)
    {
      gint64 *area = g_hash_table_lookup (lookup->area_by_lineage, &choice->area_lineage);

      if (area == NULL)
        {
          object->mapping = SP_SIE_MAPPING_NONE;
          return;
        }
      object->area_id = *area;
      object->target_name = g_strdup (g_hash_table_lookup (lookup->area_names, area));
    }
  else
    {
      const char *name = g_hash_table_lookup (lookup->project_names, &choice->project_id);

      if (name == NULL)
        {
          object->mapping = SP_SIE_MAPPING_NONE;
          return;
        }
      object->project_id = choice->project_id;
      object->target_name = g_strdup (name);
    }
  object->mapping = mapping;
}

static SpSieImportObject *
object_for (SpSieImport *self,
            Lookup      *lookup,
            int          dimension,
            const char  *code)
{
  g_autofree char *key = NULL;
  SpSieImportObject *object;
  SpSieObjectChoice *chosen, *remembered;

  if (code == NULL)
    return NULL;
  key = g_strdup_printf ("%d %s", dimension, code);
  object = g_hash_table_lookup (lookup->objects, key);
  if (object != NULL)
    return object;

  object = g_new0 (SpSieImportObject, 1);
  object->dimension = dimension;
  object->object = g_strdup (code);
  object->name = g_strdup (g_hash_table_lookup (lookup->declared, key));
  chosen = g_hash_table_lookup (self->chosen_objects, key);
  remembered = g_hash_table_lookup (lookup->remembered, key);
  if (chosen != NULL)
    {
      resolve (lookup, object, chosen, SP_SIE_MAPPING_CHOSEN);
      if (remembered == NULL || remembered->area_lineage != chosen->area_lineage ||
          remembered->project_id != chosen->project_id)
        self->summary.n_object_mappings_changed++;
    }
  else if (remembered != NULL)
    resolve (lookup, object, remembered, SP_SIE_MAPPING_REMEMBERED);
  else
    object->mapping = SP_SIE_MAPPING_NONE;

  g_ptr_array_add (self->summary.objects, object);
  g_hash_table_insert (lookup->objects, g_steal_pointer (&key), object);
  return object;
}

static char *
row_key (guint   month,
         int     account,
         gint64  area_id,
         gint64  project_id)
{
  return g_strdup_printf ("%u %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, month, account, area_id, project_id);
}

static gboolean
add_row (SpSieImport *self,
         GHashTable  *rows,
         guint        month,
         int          account,
         gint64       area_id,
         gint64       project_id,
         SpMoney      amount,
         GError     **error)
{
  g_autofree char *key = row_key (month, account, area_id, project_id);
  SpSieMonthRow *row = g_hash_table_lookup (rows, key);

  if (row == NULL)
    {
      row = g_new0 (SpSieMonthRow, 1);
      row->month = month;
      row->account = account;
      row->area_id = area_id;
      row->project_id = project_id;
      g_hash_table_insert (rows, g_steal_pointer (&key), row);
      g_ptr_array_add (self->month_rows, row);
    }
  if (!sp_sie_import_add_within_limit (&row->amount, amount))
    {
      g_autofree char *what = g_strdup_printf (_("The actuals of budget account %d in %d"), account, self->year);
      sp_sie_import_beyond_limit (error, what);
      return FALSE;
    }
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const SpSieMonthRow *x = *(SpSieMonthRow **) a;
  const SpSieMonthRow *y = *(SpSieMonthRow **) b;

  if (x->month != y->month)
    return x->month < y->month ? -1 : 1;
  if (x->account != y->account)
    return x->account < y->account ? -1 : 1;
  if (x->area_id != y->area_id)
    return x->area_id < y->area_id ? -1 : 1;
  if (x->project_id != y->project_id)
    return x->project_id < y->project_id ? -1 : 1;
  return 0;
}

static int
compare_objects (gconstpointer a,
                 gconstpointer b)
{
  const SpSieImportObject *x = *(SpSieImportObject **) a;
  const SpSieImportObject *y = *(SpSieImportObject **) b;

  if (x->dimension != y->dimension)
    return x->dimension < y->dimension ? -1 : 1;
  return g_utf8_collate (x->object, y->object);
}

/* One account's months, split by what its objects stand for. */
static gboolean
add_account (SpSieImport              *self,
             Lookup                   *lookup,
             GHashTable               *rows,
             const SpSieImportAccount *account,
             const SpSieAccountMonths *months,
             SpAccountKind             target_kind,
             GError                  **error)
{
  gint64 default_project = 0;
  int sign = target_kind == SP_ACCOUNT_KIND_REVENUE ? -1 : 1;

  /* The project the account stands for (sp-sie-import-projects.c). */
  if (account->project_id != 0 && g_hash_table_contains (lookup->project_names, &account->project_id))
    default_project = account->project_id;

  for (guint month = 1; month <= 12; month++)
    {
      SpMoney rest = months->total[month - 1];

      if (!(months->months & (1u << (month - 1))))
        continue;
      for (guint i = 0; i < months->parts->len; i++)
        {
          const SpSieMonthPart *part = &g_array_index (months->parts, SpSieMonthPart, i);
          SpSieImportObject *area = NULL, *project = NULL;
          gint64 area_id = 0, project_id = default_project;
          SpMoney unused = 0;

          if (part->month != month)
            continue;
          if (!sp_sie_import_add_within_limit (&unused, part->amount))
            {
              g_autofree char *what = g_strdup_printf (_("The result of account %s in %d"),
                                                       account->sie_account, self->year);
              sp_sie_import_beyond_limit (error, what);
              return FALSE;
            }
          area = object_for (self, lookup, 1, part->area_object);
          project = object_for (self, lookup, 6, part->project_object);
          if (area != NULL && !sp_sie_import_add_within_limit (&area->amount, part->amount))
            area->amount = part->amount > 0 ? SP_MONEY_MAX : SP_MONEY_MIN;
          if (project != NULL && !sp_sie_import_add_within_limit (&project->amount, part->amount))
            project->amount = part->amount > 0 ? SP_MONEY_MAX : SP_MONEY_MIN;
          /* Dimension 1 says the area and 6 the project; either may stand
           * for the other when the ledger books it so. */
          if (area != NULL && area->area_id != 0)
            area_id = area->area_id;
          else if (project != NULL && project->area_id != 0)
            area_id = project->area_id;
          if (project != NULL && project->project_id != 0)
            project_id = project->project_id;
          else if (area != NULL && area->project_id != 0)
            project_id = area->project_id;
          if (area_id == 0 && project_id == default_project)
            continue;
          if (!add_row (self, rows, month, account->budget_account, area_id, project_id, sign * part->amount, error))
            return FALSE;
          if (!sp_sie_import_add_within_limit (&rest, -part->amount))
            {
              g_autofree char *what = g_strdup_printf (_("The result of account %s in %d"),
                                                       account->sie_account, self->year);
              sp_sie_import_beyond_limit (error, what);
              return FALSE;
            }
        }
      if (rest != 0 &&
          !add_row (self, rows, month, account->budget_account, 0, default_project, sign * rest, error))
        return FALSE;
      self->summary.first_month = self->summary.first_month == 0 ? month : MIN (self->summary.first_month, month);
      self->summary.last_month = MAX (self->summary.last_month, month);
    }
  if (months->from_periods)
    self->summary.months_from_periods = TRUE;
  return TRUE;
}

/* Whether the stored monthly actuals of the year are the computed ones. */
static gboolean
stored_differ (SpSieImport  *self,
               GHashTable   *rows,
               gboolean     *out_differ,
               GError      **error)
{
  g_autoptr(GHashTable) stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = sp_edit_prepare (self->database,
                                        "SELECT month, account, coalesce (area_id, 0), coalesce (project_id, 0),"
                                        " sum (amount) FROM actual_month WHERE year = ?1"
                                        " GROUP BY 1, 2, 3, 4",
                                        error);
  guint n = 0;

  if (stmt == NULL)
    return FALSE;
  *out_differ = FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = row_key (sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                      sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
      SpSieMonthRow *row = g_hash_table_lookup (rows, key);

      n++;
      if (row == NULL || row->amount != sqlite3_column_int64 (stmt, 4))
        *out_differ = TRUE;
    }
  sqlite3_reset (stmt);
  if (n != self->month_rows->len)
    *out_differ = TRUE;
  return TRUE;
}

void
sp_sie_import_clear_months (SpSieImport *self)
{
  SpSieImportSummary *summary = &self->summary;

  g_clear_pointer (&summary->months_differ, g_ptr_array_unref);
  g_clear_pointer (&summary->unmapped_objects, g_ptr_array_unref);
  g_clear_pointer (&summary->objects, g_ptr_array_unref);
  g_clear_pointer (&self->month_rows, g_ptr_array_unref);
}

/**
 * sp_sie_import_compute_months:
 * @kinds: budget account → its #SpAccountKind + 1
 *
 * Works out the year's monthly actuals from the accounts of the summary
 * (which must be computed) and the file's months. Reads only.
 */
gboolean
sp_sie_import_compute_months (SpSieImport  *self,
                              GHashTable   *kinds,
                              GError      **error)
{
  SpSieImportSummary *summary = &self->summary;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) blocked = g_hash_table_new (NULL, NULL);
  Lookup lookup = { 0, };
  gboolean ok = FALSE;

  sp_sie_import_clear_months (self);
  summary->months_differ = g_ptr_array_new_with_free_func (g_free);
  summary->objects = g_ptr_array_new_with_free_func (free_import_object);
  summary->unmapped_objects = g_ptr_array_new ();
  self->month_rows = g_ptr_array_new_with_free_func (g_free);
  summary->first_month = 0;
  summary->last_month = 0;
  summary->months_from_periods = FALSE;
  summary->n_object_mappings_changed = 0;
  summary->months_change = FALSE;
  if (self->months == NULL)
    self->months = sp_sie_months_collect (self->file, self->year_index);

  if (!load_lookup (self, &lookup, error))
    goto out;
  /* A budget account has months only when every account of the file that
   * goes to it has months adding up to its year (else `actual` would not be
   * the sum of the months). */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < summary->accounts->len; i++)
      {
        const SpSieImportAccount *account = summary->accounts->pdata[i];
        const SpSieAccountMonths *months = g_hash_table_lookup (self->months, account->sie_account);
        SpMoney sum = 0;
        gboolean within = TRUE;
        gboolean usable;

        if (account->budget_account == 0)
          continue;
        for (guint m = 0; months != NULL && m < 12 && within; m++)
          within = sp_sie_import_add_within_limit (&sum, months->total[m]);
        usable = months != NULL && months->months != 0 && within && sum == account->sie_amount;
        if (pass == 0)
          {
            if (!usable && account->sie_amount != 0)
              g_hash_table_add (blocked, GINT_TO_POINTER (account->budget_account));
            continue;
          }
        if (months == NULL || months->months == 0)
          continue;
        if (!usable || g_hash_table_contains (blocked, GINT_TO_POINTER (account->budget_account)))
          {
            g_ptr_array_add (summary->months_differ, g_strdup (account->sie_account));
            continue;
          }
        if (!add_account (self, &lookup, rows, account, months,
                          GPOINTER_TO_INT (g_hash_table_lookup (kinds, GINT_TO_POINTER (account->budget_account))) - 1,
                          error))
          goto out;
      }

  /* Zeros say nothing: a month whose parts cancel out keeps no row. */
  for (guint i = self->month_rows->len; i-- > 0;)
    if (((SpSieMonthRow *) self->month_rows->pdata[i])->amount == 0)
      {
        SpSieMonthRow *row = self->month_rows->pdata[i];
        g_autofree char *key = row_key (row->month, row->account, row->area_id, row->project_id);

        g_hash_table_remove (rows, key);
        g_ptr_array_remove_index (self->month_rows, i);
      }
  g_ptr_array_sort (self->month_rows, compare_rows);
  summary->n_month_rows = self->month_rows->len;
  if (!stored_differ (self, rows, &summary->months_change, error))
    goto out;

  g_ptr_array_sort (summary->objects, compare_objects);
  for (guint i = 0; i < summary->objects->len; i++)
    if (((SpSieImportObject *) summary->objects->pdata[i])->mapping == SP_SIE_MAPPING_NONE)
      g_ptr_array_add (summary->unmapped_objects, summary->objects->pdata[i]);
  ok = TRUE;

out:
  lookup_clear (&lookup);
  return ok;
}

/**
 * sp_sie_import_apply_months:
 *
 * Inside the import's edit: remembers the chosen objects and replaces the
 * year's monthly actuals when they change.
 */
gboolean
sp_sie_import_apply_months (SpSieImport  *self,
                            GError      **error)
{
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  g_hash_table_iter_init (&iter, self->chosen_objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SpSieObjectChoice *choice = value;
      const char *space = strchr (key, ' ');

      stmt = sp_edit_prepare (self->database,
                              "INSERT INTO sie_object_map (dimension, object, area_lineage, project_id)"
                              " VALUES (?1, ?2, ?3, ?4)"
                              " ON CONFLICT (dimension, object) DO UPDATE SET area_lineage = ?3, project_id = ?4"
                              " WHERE area_lineage IS NOT ?3 OR project_id IS NOT ?4",
                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, atoi (key));
      sp_edit_bind_text (stmt, 2, space + 1);
      sp_edit_bind_optional (stmt, 3, choice->area_lineage != 0, choice->area_lineage);
      sp_edit_bind_optional (stmt, 4, choice->project_id != 0, choice->project_id);
      if (!sp_edit_step_done (self->database, stmt, error))
        return FALSE;
    }

  if (!self->summary.months_change)
    return TRUE;
  stmt = sp_edit_prepare (self->database, "DELETE FROM actual_month WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  if (!sp_edit_step_done (self->database, stmt, error))
    return FALSE;
  for (guint i = 0; i < self->month_rows->len; i++)
    {
      const SpSieMonthRow *row = self->month_rows->pdata[i];

      stmt = sp_edit_prepare (self->database,
                              "INSERT INTO actual_month (year, month, account, area_id, project_id, amount)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, self->year);
      sqlite3_bind_int (stmt, 2, row->month);
      sqlite3_bind_int (stmt, 3, row->account);
      sp_edit_bind_optional (stmt, 4, row->area_id != 0, row->area_id);
      sp_edit_bind_optional (stmt, 5, row->project_id != 0, row->project_id);
      sqlite3_bind_int64 (stmt, 6, row->amount);
      if (!sp_edit_step_done (self->database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sp_sie_import_map_object:
 * @dimension: the object's dimension
 * @object: its code in the file
 * @area_id: an activity area it stands for, or 0
 * @project_id: a project it stands for, or 0 (both 0: leave it out)
 *
 * Chooses what an object of the file stands for; remembered for later
 * imports when the import is applied (an area by its lineage, so that the
 * same area of a later year is found). The summary is worked out again.
 */
gboolean
sp_sie_import_map_object (SpSieImport  *self,
                          int           dimension,
                          const char   *object,
                          gint64        area_id,
                          gint64        project_id,
                          GError      **error)
{
  SpSieObjectChoice *choice;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL && object != NULL, FALSE);

  if (dimension < 1 || dimension > 999 || object[0] == '\0' || g_utf8_strlen (object, -1) > 40)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The object %s of dimension %d cannot be mapped: the file’s object codes have at most "
                     "40 characters and dimensions are 1–999."), object, dimension);
      return FALSE;
    }
  if (area_id != 0 && project_id != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("An object stands for an activity area or a project, not both."));
      return FALSE;
    }
  choice = g_new0 (SpSieObjectChoice, 1);
  if (area_id != 0)
    {
      stmt = sp_edit_prepare (self->database, "SELECT coalesce (lineage, id) FROM area WHERE id = ?1", error);
      if (stmt == NULL || (sqlite3_bind_int64 (stmt, 1, area_id), !sp_edit_query_int64 (self->database, stmt,
                                                                                         &choice->area_lineage,
                                                                                         error)))
        {
          g_free (choice);
          return FALSE;
        }
    }
  if (project_id != 0)
    {
      gint64 found = 0;

      stmt = sp_edit_prepare (self->database, "SELECT id FROM project WHERE id = ?1", error);
      if (stmt == NULL || (sqlite3_bind_int64 (stmt, 1, project_id), !sp_edit_query_int64 (self->database, stmt,
                                                                                            &found, error)))
        {
          g_free (choice);
          return FALSE;
        }
      choice->project_id = found;
    }
  if ((area_id != 0 && choice->area_lineage == 0) || (project_id != 0 && choice->project_id == 0))
    {
      g_free (choice);
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   area_id != 0 ? _("The activity area no longer exists.") : _("The project no longer exists."));
      return FALSE;
    }
  g_hash_table_insert (self->chosen_objects, g_strdup_printf ("%d %s", dimension, object), choice);
  return sp_sie_import_recompute (self, error);
}

static void
free_area (gpointer data)
{
  SpSieImportArea *area = data;

  g_free (area->name);
  g_free (area);
}

/**
 * sp_sie_import_list_areas:
 *
 * The activity areas of the year an object may stand for, in the budget's
 * order, the areas that hold a group's own lines included (named after the
 * group).
 *
 * Returns: (transfer full) (element-type SpSieImportArea): the areas, or
 *   %NULL with @error
 */
GPtrArray *
sp_sie_import_list_areas (SpSieImport  *self,
                          GError      **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (free_area);
  sqlite3_stmt *stmt = sp_edit_prepare (self->database,
                                        "SELECT a.id, CASE WHEN a.implicit THEN g.name ELSE a.name END"
                                        " FROM area a JOIN area_group g ON g.id = a.group_id WHERE g.year = ?1"
                                        " ORDER BY g.position, g.id, a.implicit DESC, a.position, a.id",
                                        error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, self->year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SpSieImportArea *area = g_new0 (SpSieImportArea, 1);

      area->id = sqlite3_column_int64 (stmt, 0);
      area->name = g_strdup (sp_edit_column_text (stmt, 1));
      g_ptr_array_add (areas, area);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&areas);
}

/**
 * sp_sie_import_describe_months:
 *
 * Returns: (transfer full): the months the file's actuals cover, "januari–
 *   augusti 2010", or a sentence that it gives the year as a whole
 */
char *
sp_sie_import_describe_months (const SpSieImportSummary *summary)
{
  if (summary->first_month == 0)
    return g_strdup_printf (_("The file gives the year %d as a whole, without months."), summary->year);
  if (summary->first_month == summary->last_month)
    /* Translators: a month's name and a year, "augusti 2010" */
    return g_strdup_printf (C_("months", "%s %d"), sp_month_name (summary->first_month), summary->year);
  /* Translators: the first and the last month's names and a year, "januari–augusti 2010" */
  return g_strdup_printf (C_("months", "%s–%s %d"), sp_month_name (summary->first_month),
                          sp_month_name (summary->last_month), summary->year);
}

/* The objects' part of the summary as text. */
void
sp_sie_import_describe_objects (SpSieImport *self,
                                GString     *out)
{
  const SpSieImportSummary *s = &self->summary;
  g_autofree char *months = sp_sie_import_describe_months (s);

  if (s->first_month != 0)
    g_string_append_printf (out, s->months_from_periods
                                 ? _("Months: %s (from the period balances, #PSALDO)\n")
                                 : _("Months: %s (from the vouchers)\n"),
                            months);
  else
    g_string_append_printf (out, "%s\n", months);
  if (s->months_differ->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (s->months_differ, NULL);
      list = g_strjoinv (", ", (char **) s->months_differ->pdata);
      g_ptr_array_remove_index (s->months_differ, s->months_differ->len - 1);
      g_string_append_printf (out, _("Accounts whose months do not add up to their year (#RES), imported for "
                                     "the year without months: %s\n"),
                              list);
    }
  if (s->unmapped_objects->len > 0)
    {
      g_string_append (out, _("Objects without an activity area or a project (choose one for each; until "
                              "then their amounts are not split):\n"));
      for (guint i = 0; i < s->unmapped_objects->len; i++)
        {
          const SpSieImportObject *o = s->unmapped_objects->pdata[i];
          g_autofree char *amount = sp_money_format (o->amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);

          /* Translators: a dimension's number, an object's code and name, an amount */
          g_string_append_printf (out, _("  dimension %d, object %s %s: %s\n"), o->dimension, o->object,
                                  o->name != NULL ? o->name : "", amount);
        }
    }
  if (s->n_object_mappings_changed > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u object mapping will be remembered.\n",
                                              "%u object mappings will be remembered.\n",
                                              s->n_object_mappings_changed),
                            s->n_object_mappings_changed);
  if (s->months_change)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u monthly actual will be stored for %d.\n",
                                              "%u monthly actuals will be stored for %d.\n",
                                              s->n_month_rows),
                            s->n_month_rows, s->year);
}
