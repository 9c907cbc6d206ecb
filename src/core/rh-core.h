/* rh-core.h — everything the UI and the command line use from the core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-analyser.h"
#include "rh-calendar.h"
#include "rh-catalog.h"
#include "rh-category.h"
#include "rh-contact.h"
#include "rh-date.h"
#include "rh-deadline.h"
#include "rh-entry.h"
#include "rh-guide.h"
#include "rh-content-updater.h"
#include "rh-holiday-table.h"
#include "rh-hours.h"
#include "rh-quote.h"
#include "rh-schedule.h"
#include "rh-search-index.h"
#include "rh-text.h"
#include "rh-today.h"
