/* sp-test-util.h: helpers shared by the cmocka tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every helper fails the test (g_error) rather than return an error: a test
 * calls them without checking. The GUI tests have more in sp-test-gui.h.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SpDatabase SpDatabase;

/* Time: every bound a test waits for scales with the machine's speed. */

/* SAMPLAN_TEST_TIMEOUT_MULTIPLIER (set by `build-aux/dev test
 * --timeout-multiplier N`), at least 1. */
double    sp_test_timeout_multiplier (void);
/* @seconds times the multiplier, in microseconds. */
gint64    sp_test_scaled_usec        (double      seconds);
/* The monotonic time @seconds (times the multiplier) from now. */
gint64    sp_test_deadline           (double      seconds);

/* Files and folders. */

/* A new empty folder, on a tmpfs when there is one (/dev/shm or
 * $XDG_RUNTIME_DIR), else in the temporary folder. SAMPLAN_TEST_TMPDIR picks
 * another parent. Remove it with sp_test_remove_tree(). */
char     *sp_test_make_tmpdir        (void);
void      sp_test_remove_tree        (const char *path);
/* The SHA-256 of a file's bytes, to prove that a refused file was not touched. */
char     *sp_test_file_checksum      (const char *path);
/* The names in @path (hidden ones too), sorted; fails when it cannot be read. */
GPtrArray *sp_test_list_dir          (const char *path);
/* The same as one string, a name a line. */
char     *sp_test_list_dir_text      (const char *path);
char     *sp_test_fixture_path       (const char *name);

/* SQLite files and databases. */

gboolean  sp_test_run_sql_file       (const char *db_path,
                                      const char *sql_path);
/* The example förbund, created as @dir/@name; its path in *@path when
 * @path is not NULL. */
SpDatabase *sp_test_example_new      (const char *dir,
                                      const char *name,
                                      char      **path);
/* The first column of the first row of @sql: G_MININT64 for no row or NULL. */
gint64    sp_test_query_int          (SpDatabase *db,
                                      const char *sql);
/* The same as text: NULL for no row or NULL. */
char     *sp_test_query_text         (SpDatabase *db,
                                      const char *sql);
/* Every row of every table of ours, in a stable order, as text: two dumps are
 * equal exactly when the database content is. */
char     *sp_test_dump_database      (SpDatabase *db);

/* Text read back. */

/* @text with every run of white space (no-break and narrow spaces too) as
 * one space, trimmed. */
char     *sp_test_squeeze_spaces     (const char *text);
/* The text of the PDF @path, as `pdftotext -layout` gives it, each page
 * ended by a form feed. */
char     *sp_test_pdf_text           (const char *path);

G_END_DECLS
