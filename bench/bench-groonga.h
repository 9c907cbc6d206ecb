/* bench-groonga.h — Groonga (TokenMecab) as a reference for bench-search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-core.h"

G_BEGIN_DECLS

typedef struct _BenchGroonga BenchGroonga;

/* A new database of @entries in a temporary directory, through the groonga
 * binary; NULL with @error where groonga or its MeCab tokenizer is missing. */
BenchGroonga *bench_groonga_new       (GListModel    *entries,
                                       GError       **error);
/* Time Groonga reports for the load, in seconds. */
double        bench_groonga_load_time (BenchGroonga  *self);
/* The position in @entries of the first hit for @query, or -1; *@elapsed
 * gets the time Groonga reports for the select, in seconds. */
int           bench_groonga_top       (BenchGroonga  *self,
                                       const char    *query,
                                       double        *elapsed);
void          bench_groonga_free      (BenchGroonga  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchGroonga, bench_groonga_free)

G_END_DECLS
