/* sp-edit.h: the old name of sp-edit-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal, and only for the files not yet changed to include
 * sp-edit-private.h (sp-plan.c, sp-project.c, sp-sie-import.c and some
 * tests). Remove it when none includes it any more.
 */
#pragma once

#include "sp-edit-private.h"
