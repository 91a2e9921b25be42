/* sp-test-model.h: records the items-changed of a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  guint position;
  guint removed;
  guint added;
} SpTestChange;

typedef struct {
  GListModel *model;
  GArray     *changes;   /* SpTestChange */
  gulong      handler;
} SpTestModelSpy;

SpTestModelSpy *sp_test_model_spy_new    (GListModel     *model);
void            sp_test_model_spy_free   (SpTestModelSpy *spy);
void            sp_test_model_spy_clear  (SpTestModelSpy *spy);
/* Asserts that exactly one items-changed (position, removed, added) was seen since the last clear. */
void            sp_test_model_spy_expect (SpTestModelSpy *spy,
                                          guint           position,
                                          guint           removed,
                                          guint           added);

G_END_DECLS
