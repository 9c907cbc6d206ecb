/* rh-calendar.c — Japanese national holidays and bank business days
 *
 * The holidays are computed from 国民の祝日に関する法律 (Act No. 178 of
 * 1948, in force 1948-07-20) and its amendments; docs/calendar.md lists
 * the rules and their sources. Each year is computed once and cached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rh-calendar.h"

#define N_YEARS (RH_DATE_MAX_YEAR - RH_DATE_MIN_YEAR + 1)

typedef struct
{
  const char *by_yday[367];   /* index: day of year (1-based); NULL = not a holiday */
  GArray     *list;           /* RhHoliday, sorted */
} YearData;

struct _RhCalendar
{
  GObject   parent_instance;

  GMutex    mutex;
  YearData *years[N_YEARS];       /* cache, filled on demand */
  GArray   *overrides[N_YEARS];   /* RhHoliday per overridden year, or NULL */
};

G_DEFINE_FINAL_TYPE (RhCalendar, rh_calendar, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
year_data_free (YearData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->list, g_array_unref);
  g_free (data);
}

/* --- The law ----------------------------------------------------------- */

/* 春分日 and 秋分日 from the usual approximation of the equinox (valid
 * 1900–2099); the official days are announced in the gazette each February
 * for the next year, and the override table carries them. */
static int
equinox_day (int    year,
             double base_1900,
             double base_1980)
{
  /* The leap-year term is truncated toward zero (C division), as in the
   * formula's usual statement; this matches the Cabinet Office list for
   * every year 1955–1979. */
  if (year <= 1979)
    return (int)(base_1900 + 0.242194 * (year - 1980)) - (year - 1983) / 4;
  return (int)(base_1980 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
}

static int
spring_equinox_day (int year)
{
  return equinox_day (year, 20.8357, 20.8431);
}

static int
autumn_equinox_day (int year)
{
  return equinox_day (year, 23.2588, 23.2488);
}

/* The @nth Monday of @month. */
static int
nth_monday (int year,
            int month,
            int nth)
{
  GDate d;
  int first_weekday;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, month, year);
  first_weekday = g_date_get_weekday (&d);   /* 1 = Monday */
  return 1 + (8 - first_weekday) % 7 + 7 * (nth - 1);
}

static int
yday (int year,
      int month,
      int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_day_of_year (&d);
}

static void
set_holiday (const char **shuku,
             int          year,
             int          month,
             int          day,
             const char  *name)
{
  /* The law took effect on 1948-07-20. */
  if (year == 1948 && (month < 7 || (month == 7 && day < 20)))
    return;
  shuku[yday (year, month, day)] = name;
}

/* 国民の祝日 proper (Article 2, and the special laws that count a day as one). */
static void
compute_national_holidays (int          year,
                           const char **shuku)
{
  if (year >= 1949)
    {
      set_holiday (shuku, year, 1, 1, "元日");

      if (year <= 1999)
        set_holiday (shuku, year, 1, 15, "成人の日");
      else
        set_holiday (shuku, year, 1, nth_monday (year, 1, 2), "成人の日");

      if (year >= 1967)
        set_holiday (shuku, year, 2, 11, "建国記念の日");

      set_holiday (shuku, year, 3, spring_equinox_day (year), "春分の日");

      if (year <= 1988)
        set_holiday (shuku, year, 4, 29, "天皇誕生日");
      else if (year <= 2006)
        set_holiday (shuku, year, 4, 29, "みどりの日");
      else
        set_holiday (shuku, year, 4, 29, "昭和の日");

      set_holiday (shuku, year, 5, 3, "憲法記念日");
      if (year >= 2007)
        set_holiday (shuku, year, 5, 4, "みどりの日");
      set_holiday (shuku, year, 5, 5, "こどもの日");
    }

  /* 海の日 */
  if (year == 2020)
    set_holiday (shuku, year, 7, 23, "海の日");
  else if (year == 2021)
    set_holiday (shuku, year, 7, 22, "海の日");
  else if (year >= 2003)
    set_holiday (shuku, year, 7, nth_monday (year, 7, 3), "海の日");
  else if (year >= 1996)
    set_holiday (shuku, year, 7, 20, "海の日");

  /* 山の日 */
  if (year == 2020)
    set_holiday (shuku, year, 8, 10, "山の日");
  else if (year == 2021)
    set_holiday (shuku, year, 8, 8, "山の日");
  else if (year >= 2016)
    set_holiday (shuku, year, 8, 11, "山の日");

  /* 敬老の日 */
  if (year >= 2003)
    set_holiday (shuku, year, 9, nth_monday (year, 9, 3), "敬老の日");
  else if (year >= 1966)
    set_holiday (shuku, year, 9, 15, "敬老の日");

  set_holiday (shuku, year, 9, autumn_equinox_day (year), "秋分の日");

  /* 体育の日 / スポーツの日 */
  if (year == 2020)
    set_holiday (shuku, year, 7, 24, "スポーツの日");
  else if (year == 2021)
    set_holiday (shuku, year, 7, 23, "スポーツの日");
  else if (year >= 2022)
    set_holiday (shuku, year, 10, nth_monday (year, 10, 2), "スポーツの日");
  else if (year == 2019)
    set_holiday (shuku, year, 10, nth_monday (year, 10, 2), "体育の日（スポーツの日）");
  else if (year >= 2000)
    set_holiday (shuku, year, 10, nth_monday (year, 10, 2), "体育の日");
  else if (year >= 1966)
    set_holiday (shuku, year, 10, 10, "体育の日");

  set_holiday (shuku, year, 11, 3, "文化の日");
  set_holiday (shuku, year, 11, 23, "勤労感謝の日");

  /* 天皇誕生日 after 1988 */
  if (year >= 1989 && year <= 2018)
    set_holiday (shuku, year, 12, 23, "天皇誕生日");
  else if (year >= 2020)
    set_holiday (shuku, year, 2, 23, "天皇誕生日");

  /* 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (2018):
   * these two days count as national holidays. */
  if (year == 2019)
    {
      set_holiday (shuku, year, 5, 1, "休日（祝日扱い）");
      set_holiday (shuku, year, 10, 22, "休日（祝日扱い）");
    }
}

static void
compute_year (int          year,
              const char **by_yday)
{
  const char *shuku[367] = { NULL };
  int n_days = g_date_is_leap_year (year) ? 366 : 365;
  GDate jan1;
  int jan1_weekday;

  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, 1, year);
  jan1_weekday = g_date_get_weekday (&jan1);

#define WEEKDAY(yd) ((GDateWeekday)((jan1_weekday - 1 + (yd) - 1) % 7 + 1))

  compute_national_holidays (year, shuku);

  for (int i = 1; i <= n_days; i++)
    by_yday[i] = shuku[i];

  /* 振替休日 (Article 3-2): from 1973-04-12, a holiday on a Sunday makes the
   * next day a 休日; from 2007, the nearest following day that is not a
   * national holiday. */
  for (int i = 1; i <= n_days; i++)
    {
      if (shuku[i] == NULL || WEEKDAY (i) != G_DATE_SUNDAY)
        continue;
      if (year < 1973 || (year == 1973 && i < yday (1973, 4, 12)))
        continue;
      if (year < 2007)
        {
          if (i + 1 <= n_days && shuku[i + 1] == NULL)
            by_yday[i + 1] = "休日";
        }
      else
        {
          int j = i + 1;

          while (j <= n_days && shuku[j] != NULL)
            j++;
          if (j <= n_days)
            by_yday[j] = "休日";
        }
    }

  /* 国民の休日 (Article 3-3, from 1985-12-27): a day between two national
   * holidays; until 2006 not when it is a Sunday or already a 振替休日. */
  if (year >= 1986)
    {
      for (int i = 2; i < n_days; i++)
        {
          if (shuku[i] != NULL || shuku[i - 1] == NULL || shuku[i + 1] == NULL)
            continue;
          if (year < 2007 && (WEEKDAY (i) == G_DATE_SUNDAY || by_yday[i] != NULL))
            continue;
          by_yday[i] = "休日";
        }
    }

#undef WEEKDAY

  /* Days off by their own laws. */
  switch (year)
    {
    case 1959:
      by_yday[yday (1959, 4, 10)] = "結婚の儀";   /* 皇太子明仁親王の結婚の儀 */
      break;
    case 1989:
      by_yday[yday (1989, 2, 24)] = "大喪の礼";   /* 昭和天皇の大喪の礼 */
      break;
    case 1990:
      by_yday[yday (1990, 11, 12)] = "即位礼正殿の儀";
      break;
    case 1993:
      by_yday[yday (1993, 6, 9)] = "結婚の儀";    /* 皇太子徳仁親王の結婚の儀 */
      break;
    default:
      break;
    }
}

static YearData *
year_data_new_computed (int year)
{
  YearData *data = g_new0 (YearData, 1);
  int n_days = g_date_is_leap_year (year) ? 366 : 365;

  compute_year (year, data->by_yday);

  data->list = g_array_new (FALSE, FALSE, sizeof (RhHoliday));
  for (int i = 1; i <= n_days; i++)
    {
      RhHoliday h;

      if (data->by_yday[i] == NULL)
        continue;
      g_date_clear (&h.date, 1);
      g_date_set_dmy (&h.date, 1, 1, year);
      g_date_add_days (&h.date, i - 1);
      h.name = data->by_yday[i];
      g_array_append_val (data->list, h);
    }
  return data;
}

static YearData *
year_data_new_from_rows (GArray *rows)
{
  YearData *data = g_new0 (YearData, 1);

  data->list = g_array_ref (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const RhHoliday *h = &g_array_index (rows, RhHoliday, i);

      data->by_yday[g_date_get_day_of_year (&h->date)] = h->name;
    }
  return data;
}

/* Called with the mutex held. NULL outside the supported years. */
static const YearData *
get_year_locked (RhCalendar *self,
                 int         year)
{
  int index = year - RH_DATE_MIN_YEAR;

  if (year < RH_DATE_MIN_YEAR || year > RH_DATE_MAX_YEAR)
    return NULL;

  if (self->years[index] == NULL)
    {
      if (self->overrides[index] != NULL)
        self->years[index] = year_data_new_from_rows (self->overrides[index]);
      else
        self->years[index] = year_data_new_computed (year);
    }
  return self->years[index];
}

static void
rh_calendar_finalize (GObject *object)
{
  RhCalendar *self = (RhCalendar *)object;

  for (guint i = 0; i < N_YEARS; i++)
    {
      g_clear_pointer (&self->years[i], year_data_free);
      g_clear_pointer (&self->overrides[i], g_array_unref);
    }
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (rh_calendar_parent_class)->finalize (object);
}

static void
rh_calendar_class_init (RhCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rh_calendar_finalize;

  /**
   * RhCalendar::changed:
   *
   * The holidays changed (the override table was set or cleared).
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rh_calendar_init (RhCalendar *self)
{
  g_mutex_init (&self->mutex);
}

RhCalendar *
rh_calendar_new (void)
{
  return g_object_new (RH_TYPE_CALENDAR, NULL);
}

RhCalendar *
rh_calendar_get_default (void)
{
  static RhCalendar *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, rh_calendar_new ());
  return instance;
}

gboolean
rh_calendar_set_overrides_from_bytes (RhCalendar  *self,
                                      GBytes      *csv,
                                      const char  *origin,
                                      GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  GArray *by_year[N_YEARS] = { NULL };

  g_return_val_if_fail (RH_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);

  if (!(rows = rh_holiday_table_parse (csv, origin, error)))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      const RhHoliday *h = &g_array_index (rows, RhHoliday, i);
      int index = g_date_get_year (&h->date) - RH_DATE_MIN_YEAR;

      if (by_year[index] == NULL)
        by_year[index] = g_array_new (FALSE, FALSE, sizeof (RhHoliday));
      g_array_append_vals (by_year[index], h, 1);
    }

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < N_YEARS; i++)
    {
      g_clear_pointer (&self->overrides[i], g_array_unref);
      self->overrides[i] = by_year[i];
      g_clear_pointer (&self->years[i], year_data_free);
    }
  g_mutex_unlock (&self->mutex);

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
rh_calendar_clear_overrides (RhCalendar *self)
{
  gboolean had = FALSE;

  g_return_if_fail (RH_IS_CALENDAR (self));

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < N_YEARS; i++)
    {
      if (self->overrides[i] != NULL)
        {
          had = TRUE;
          g_clear_pointer (&self->overrides[i], g_array_unref);
          g_clear_pointer (&self->years[i], year_data_free);
        }
    }
  g_mutex_unlock (&self->mutex);

  if (had)
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
rh_calendar_year_is_overridden (RhCalendar *self,
                                int         year)
{
  gboolean ret;

  g_return_val_if_fail (RH_IS_CALENDAR (self), FALSE);

  if (year < RH_DATE_MIN_YEAR || year > RH_DATE_MAX_YEAR)
    return FALSE;

  g_mutex_lock (&self->mutex);
  ret = self->overrides[year - RH_DATE_MIN_YEAR] != NULL;
  g_mutex_unlock (&self->mutex);
  return ret;
}

const char *
rh_calendar_get_holiday_name (RhCalendar  *self,
                              const GDate *date)
{
  const YearData *data;
  const char *name = NULL;

  g_return_val_if_fail (RH_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  g_mutex_lock (&self->mutex);
  data = get_year_locked (self, g_date_get_year (date));
  if (data != NULL)
    name = data->by_yday[g_date_get_day_of_year (date)];
  g_mutex_unlock (&self->mutex);

  return name;
}

gboolean
rh_calendar_is_holiday (RhCalendar  *self,
                        const GDate *date)
{
  return rh_calendar_get_holiday_name (self, date) != NULL;
}

GArray *
rh_calendar_dup_holidays (RhCalendar *self,
                          int         year)
{
  const YearData *data;
  GArray *ret = g_array_new (FALSE, FALSE, sizeof (RhHoliday));

  g_return_val_if_fail (RH_IS_CALENDAR (self), ret);

  g_mutex_lock (&self->mutex);
  data = get_year_locked (self, year);
  if (data != NULL)
    g_array_append_vals (ret, data->list->data, data->list->len);
  g_mutex_unlock (&self->mutex);

  return ret;
}

const char *
rh_calendar_get_closed_reason (RhCalendar  *self,
                               const GDate *date)
{
  const char *name;
  GDateMonth month;
  GDateDay day;

  g_return_val_if_fail (RH_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if ((name = rh_calendar_get_holiday_name (self, date)))
    return name;

  switch (g_date_get_weekday (date))
    {
    case G_DATE_SATURDAY:
      return _("Saturday");
    case G_DATE_SUNDAY:
      return _("Sunday");
    default:
      break;
    }

  month = g_date_get_month (date);
  day = g_date_get_day (date);
  if ((month == 12 && day == 31) || (month == 1 && day <= 3))
    return _("New Year holidays");

  return NULL;
}

gboolean
rh_calendar_is_business_day (RhCalendar  *self,
                             const GDate *date)
{
  return rh_calendar_get_closed_reason (self, date) == NULL;
}

static gboolean
check_step_range (const GDate  *date,
                  const GDate  *base,
                  GError      **error)
{
  if (!rh_date_check_range (date, NULL))
    {
      g_autofree char *from = rh_date_format_human (base);
      g_autofree char *first_text = NULL;
      GDate first;

      rh_date_set_first (&first);
      first_text = rh_date_format_human (&first);
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
                   _("Counting business days from %s goes outside the calendar (%s to the end of %d)"),
                   from, first_text, RH_DATE_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_calendar_step_business_days (RhCalendar  *self,
                                const GDate *base,
                                int          n,
                                GDate       *out,
                                GError     **error)
{
  GDate d;
  int step = n < 0 ? -1 : 1;
  int left = ABS (n);

  g_return_val_if_fail (RH_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (base != NULL && out != NULL, FALSE);

  if (!rh_date_check_range (base, error))
    return FALSE;

  d = *base;
  while (left > 0)
    {
      if (step > 0)
        g_date_add_days (&d, 1);
      else
        g_date_subtract_days (&d, 1);

      if (!check_step_range (&d, base, error))
        return FALSE;
      if (rh_calendar_is_business_day (self, &d))
        left--;
    }

  *out = d;
  return TRUE;
}

gboolean
rh_calendar_shift_to_business_day (RhCalendar  *self,
                                   const GDate *date,
                                   RhShift      shift,
                                   GDate       *out,
                                   GError     **error)
{
  g_return_val_if_fail (RH_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && out != NULL, FALSE);

  if (!rh_date_check_range (date, error))
    return FALSE;
  if (rh_calendar_is_business_day (self, date))
    {
      *out = *date;
      return TRUE;
    }
  return rh_calendar_step_business_days (self, date, shift == RH_SHIFT_NEXT ? 1 : -1, out, error);
}

GArray *
rh_calendar_list_business_days (RhCalendar  *self,
                                const GDate *first,
                                const GDate *last)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate d;

  g_return_val_if_fail (RH_IS_CALENDAR (self), days);
  g_return_val_if_fail (first != NULL && g_date_valid (first), days);
  g_return_val_if_fail (last != NULL && g_date_valid (last), days);

  for (d = *first; g_date_compare (&d, last) <= 0; g_date_add_days (&d, 1))
    if (rh_calendar_is_business_day (self, &d))
      g_array_append_val (days, d);

  return days;
}

guint
rh_calendar_count_business_days (RhCalendar  *self,
                                 const GDate *first,
                                 const GDate *last)
{
  g_autoptr(GArray) days = rh_calendar_list_business_days (self, first, last);

  return days->len;
}
