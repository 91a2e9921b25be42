/* sp-migrations.c: the numbered steps of the schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Append a step to add a table or a column; never change a step that has been
 * released. HACKING.md says how.
 */
#include "config.h"

#include "sp-database-private.h"

static const SpMigration migrations[] = {
  { 1,
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ") STRICT;" },
  { 2,
    "CREATE TABLE association ("
    "  id            INTEGER PRIMARY KEY CHECK (id = 1),"
    "  name          TEXT NOT NULL DEFAULT '',"
    "  org_number    TEXT NOT NULL DEFAULT '',"
    "  address       TEXT NOT NULL DEFAULT ''"
    ") STRICT;"
    "INSERT INTO association (id) VALUES (1);" },
};

const SpMigration *
sp_migrations_get (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (migrations);
  return migrations;
}
