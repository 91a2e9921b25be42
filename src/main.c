/* main.c: starts Samplan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "app/sp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  /* The tests run the program from the build tree, where the translations
   * are not yet installed: they name the build's folder here. */
  const char *localedir = g_getenv ("SAMPLAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sp_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
