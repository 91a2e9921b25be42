/* sp-test-util.h: helpers shared by the cmocka tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sp_test_make_tmpdir      (void);
void      sp_test_remove_tree      (const char *path);
char     *sp_test_file_checksum    (const char *path);
gboolean  sp_test_run_sql_file     (const char *db_path,
                                    const char *sql_path);
char     *sp_test_fixture_path     (const char *name);

G_END_DECLS

typedef struct _SpDatabase SpDatabase;
G_BEGIN_DECLS
char     *sp_test_dump_database    (SpDatabase *db);
G_END_DECLS
