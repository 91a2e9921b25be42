/* sp-limits.h: the largest names and texts, and the years, the core accepts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Public: widgets use these to check input before the core refuses it.
 */
#pragma once

/* The longest name or title we store, and the longest free text (a section). */
#define SP_NAME_MAX_CHARS 200
#define SP_TEXT_MAX_CHARS 200000

/* The first and the last year the core accepts. */
#define SP_YEAR_MIN 1990
#define SP_YEAR_MAX 2100

/* The förbund's logo: a PNG image of at most 2 MB, at most 10 000 pixels a side. */
#define SP_LOGO_MAX_BYTES (2 * 1024 * 1024)
#define SP_LOGO_MAX_PIXELS 10000
