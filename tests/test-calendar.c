/* test-calendar.c — national holidays, the override table, bank business days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rh-core.h"

static GDate
ymd (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GBytes *
read_test_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
free_gstring (gpointer s)
{
  g_string_free (s, TRUE);
}

/* The reference list as "YYYY-MM-DD,name" lines per year. */
static GHashTable *
load_reference (void)
{
  g_autoptr(GBytes) bytes = read_test_data ("jp-holidays.csv");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GHashTable *by_year = g_hash_table_new_full (NULL, NULL, NULL, free_gstring);

  g_assert_cmpstr (lines[0], ==, "date,name");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      int year;
      GString *s;

      if (*lines[i] == '\0')
        continue;
      year = atoi (lines[i]);
      s = g_hash_table_lookup (by_year, GINT_TO_POINTER (year));
      if (s == NULL)
        g_hash_table_insert (by_year, GINT_TO_POINTER (year), (s = g_string_new (NULL)));
      g_string_append_printf (s, "%s\n", lines[i]);
    }
  return by_year;
}

static char *
computed_year (RhCalendar *calendar,
               int         year)
{
  g_autoptr(GArray) holidays = rh_calendar_dup_holidays (calendar, year);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < holidays->len; i++)
    {
      const RhHoliday *h = &g_array_index (holidays, RhHoliday, i);
      g_autofree char *iso = rh_date_format_iso (&h->date);

      g_string_append_printf (s, "%s,%s\n", iso, h->name);
    }
  return g_string_free (s, FALSE);
}

static void
test_reference_years (void)
{
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();
  g_autoptr(GHashTable) reference = load_reference ();
  guint n_rows = 0;

  g_assert_cmpuint (g_hash_table_size (reference), ==, 2027 - 1955 + 1);

  for (int year = 1955; year <= 2027; year++)
    {
      GString *expected = g_hash_table_lookup (reference, GINT_TO_POINTER (year));
      g_autofree char *got = computed_year (calendar, year);

      g_assert_nonnull (expected);
      g_assert_cmpstr (got, ==, expected->str);
      for (const char *c = got; *c; c++)
        n_rows += *c == '\n';
    }
  g_assert_cmpuint (n_rows, ==, 1067);
}

typedef struct
{
  int         y, m, d;
  const char *name;   /* NULL: not a holiday */
} Case;

static void
test_hand_checked (void)
{
  static const Case cases[] = {
    /* The law took effect on 1948-07-20. */
    { 1948, 1, 1, NULL },
    { 1948, 5, 3, NULL },
    { 1948, 9, 23, "秋分の日" },
    { 1948, 11, 3, "文化の日" },
    { 1948, 11, 23, "勤労感謝の日" },
    { 1949, 1, 1, "元日" },
    { 1949, 1, 15, "成人の日" },
    { 1949, 3, 21, "春分の日" },
    { 1949, 4, 29, "天皇誕生日" },
    { 1950, 3, 21, "春分の日" },
    { 1951, 9, 24, "秋分の日" },
    { 1954, 9, 23, "秋分の日" },
    /* No 振替休日 before 1973-04-12: 1973-02-11 was a Sunday. */
    { 1973, 2, 12, NULL },
    { 1973, 4, 30, "休日" },
    /* 2028 and later, from the rules (2028-01-10 is the 2nd Monday). */
    { 2028, 1, 10, "成人の日" },
    { 2028, 3, 20, "春分の日" },
    { 2028, 7, 17, "海の日" },
    { 2028, 9, 22, "秋分の日" },
    { 2029, 2, 12, "休日" },          /* 建国記念の日 on a Sunday */
    { 2029, 4, 30, "休日" },          /* 昭和の日 on a Sunday */
    { 2030, 5, 6, "休日" },           /* 2030-05-05 こどもの日 is a Sunday */
    { 2032, 9, 21, "休日" },          /* 国民の休日 between 敬老の日 and 秋分の日 */
    { 2033, 9, 23, "秋分の日" },
    { 2032, 9, 20, "敬老の日" },
    { 2099, 3, 20, "春分の日" },
    { 2099, 11, 23, "勤労感謝の日" },
    { 2099, 2, 23, "天皇誕生日" },
  };

  g_autoptr(RhCalendar) calendar = rh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = ymd (cases[i].y, cases[i].m, cases[i].d);

      g_test_message ("%d-%d-%d", cases[i].y, cases[i].m, cases[i].d);
      g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d), ==, cases[i].name);
    }

  /* Outside the supported years there are no holidays at all. */
  {
    g_autoptr(GArray) none = rh_calendar_dup_holidays (calendar, 2100);
    g_autoptr(GArray) y1948 = rh_calendar_dup_holidays (calendar, 1948);
    GDate d = ymd (2100, 1, 1);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_null (rh_calendar_get_holiday_name (calendar, &d));
    g_assert_cmpuint (y1948->len, ==, 3);
  }
}

static void
test_every_year_sane (void)
{
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();

  for (int year = 1949; year <= 2099; year++)
    {
      g_autoptr(GArray) holidays = rh_calendar_dup_holidays (calendar, year);
      GDate jan1 = ymd (year, 1, 1);

      g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &jan1), ==, "元日");
      g_assert_cmpuint (holidays->len, >=, 9);
      g_assert_cmpuint (holidays->len, <=, 22);
      for (guint i = 0; i < holidays->len; i++)
        {
          const RhHoliday *h = &g_array_index (holidays, RhHoliday, i);

          /* No holiday-law day ever falls on a Sunday unless it is a 祝日 itself,
           * and every Sunday 祝日 is followed by a 休日 from 1973-04-12 on. */
          if (g_date_get_weekday (&h->date) == G_DATE_SUNDAY && year >= 1974)
            {
              GDate next = h->date;

              g_assert_cmpstr (h->name, !=, "休日");
              g_date_add_days (&next, 1);
              g_assert_nonnull (rh_calendar_get_holiday_name (calendar, &next));
            }
          if (i > 0)
            g_assert_cmpint (g_date_compare (&g_array_index (holidays, RhHoliday, i - 1).date,
                                             &h->date), <, 0);
        }
    }
}

static void
test_business_days (void)
{
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) list = NULL;
  GDate d, out;

  /* Weekends, holidays, and the bank's 12/31 and 1/2–1/3. */
  d = ymd (2026, 12, 25);
  g_assert_true (rh_calendar_is_business_day (calendar, &d));
  d = ymd (2026, 12, 26);
  g_assert_false (rh_calendar_is_business_day (calendar, &d));
  g_assert_cmpstr (rh_calendar_get_closed_reason (calendar, &d), ==, "Saturday");
  d = ymd (2026, 12, 27);
  g_assert_cmpstr (rh_calendar_get_closed_reason (calendar, &d), ==, "Sunday");
  d = ymd (2026, 12, 30);
  g_assert_true (rh_calendar_is_business_day (calendar, &d));
  d = ymd (2026, 12, 31);
  g_assert_false (rh_calendar_is_business_day (calendar, &d));
  g_assert_cmpstr (rh_calendar_get_closed_reason (calendar, &d), ==, "New Year holidays");
  d = ymd (2027, 1, 1);
  g_assert_cmpstr (rh_calendar_get_closed_reason (calendar, &d), ==, "元日");
  d = ymd (2025, 1, 2);   /* a Thursday */
  g_assert_false (rh_calendar_is_business_day (calendar, &d));
  d = ymd (2025, 1, 3);   /* a Friday */
  g_assert_false (rh_calendar_is_business_day (calendar, &d));
  d = ymd (2025, 1, 6);
  g_assert_true (rh_calendar_is_business_day (calendar, &d));
  d = ymd (2026, 5, 6);   /* 休日 (振替) */
  g_assert_false (rh_calendar_is_business_day (calendar, &d));
  g_assert_cmpstr (rh_calendar_get_closed_reason (calendar, &d), ==, "休日");

  /* Stepping: the base day is not counted. */
  d = ymd (2026, 12, 30);
  g_assert_true (rh_calendar_step_business_days (calendar, &d, 1, &out, &error));
  g_assert_no_error (error);
  {
    GDate want = ymd (2027, 1, 4);
    g_assert_cmpint (g_date_compare (&out, &want), ==, 0);
  }
  d = ymd (2027, 1, 4);
  g_assert_true (rh_calendar_step_business_days (calendar, &d, -1, &out, &error));
  {
    GDate want = ymd (2026, 12, 30);
    g_assert_cmpint (g_date_compare (&out, &want), ==, 0);
  }
  /* Golden Week 2026: 4/29 (水) 昭和の日, 5/3–5/6. */
  d = ymd (2026, 5, 1);
  g_assert_true (rh_calendar_step_business_days (calendar, &d, 1, &out, &error));
  {
    GDate want = ymd (2026, 5, 7);
    g_assert_cmpint (g_date_compare (&out, &want), ==, 0);
  }
  d = ymd (2026, 5, 7);
  g_assert_true (rh_calendar_step_business_days (calendar, &d, -4, &out, &error));
  {
    GDate want = ymd (2026, 4, 27);   /* 5/1, 4/30, (4/29 昭和の日), 4/28, 4/27 */
    g_assert_cmpint (g_date_compare (&out, &want), ==, 0);
  }
  d = ymd (2026, 5, 7);
  g_assert_true (rh_calendar_step_business_days (calendar, &d, 0, &out, &error));
  g_assert_cmpint (g_date_compare (&out, &d), ==, 0);

  /* Counting and listing, both ends included. */
  {
    GDate a = ymd (2026, 4, 27), b = ymd (2026, 5, 8);

    g_assert_cmpuint (rh_calendar_count_business_days (calendar, &a, &b), ==, 6);
    list = rh_calendar_list_business_days (calendar, &a, &b);
    g_assert_cmpuint (list->len, ==, 6);
    g_assert_cmpuint (g_date_get_day (&g_array_index (list, GDate, 0)), ==, 27);
    g_assert_cmpuint (g_date_get_day (&g_array_index (list, GDate, 1)), ==, 28);
    g_assert_cmpuint (g_date_get_day (&g_array_index (list, GDate, 2)), ==, 30);
    g_assert_cmpuint (g_date_get_day (&g_array_index (list, GDate, 3)), ==, 1);
    g_assert_cmpuint (g_date_get_day (&g_array_index (list, GDate, 4)), ==, 7);
    g_assert_cmpuint (g_date_get_day (&g_array_index (list, GDate, 5)), ==, 8);
    g_assert_cmpuint (rh_calendar_count_business_days (calendar, &b, &a), ==, 0);
  }

  /* Shifting a closed day. */
  d = ymd (2026, 5, 3);
  g_assert_true (rh_calendar_shift_to_business_day (calendar, &d, RH_SHIFT_PREVIOUS, &out, &error));
  {
    GDate want = ymd (2026, 5, 1);
    g_assert_cmpint (g_date_compare (&out, &want), ==, 0);
  }
  g_assert_true (rh_calendar_shift_to_business_day (calendar, &d, RH_SHIFT_NEXT, &out, &error));
  {
    GDate want = ymd (2026, 5, 7);
    g_assert_cmpint (g_date_compare (&out, &want), ==, 0);
  }

  /* Leaving the supported years is an error, not a wrong date. */
  d = ymd (2099, 12, 30);
  g_assert_false (rh_calendar_step_business_days (calendar, &d, 2, &out, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  d = ymd (1947, 12, 30);
  g_assert_false (rh_calendar_step_business_days (calendar, &d, 1, &out, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
}

static void
test_table_cp932 (void)
{
  g_autoptr(GBytes) bytes = read_test_data ("syukujitsu.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = rh_holiday_table_parse (bytes, "syukujitsu.csv", &error);
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();
  g_autoptr(GHashTable) reference = load_reference ();
  guint changed = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1067);
  g_assert_cmpstr (g_array_index (rows, RhHoliday, 0).name, ==, "元日");
  g_assert_cmpstr (g_array_index (rows, RhHoliday, rows->len - 1).name, ==, "勤労感謝の日");

  g_signal_connect_swapped (calendar, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (rh_calendar_set_overrides_from_bytes (calendar, bytes, "syukujitsu.csv", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (rh_calendar_year_is_overridden (calendar, 1955));
  g_assert_true (rh_calendar_year_is_overridden (calendar, 2027));
  g_assert_false (rh_calendar_year_is_overridden (calendar, 2028));

  for (int year = 1955; year <= 2027; year++)
    {
      GString *expected = g_hash_table_lookup (reference, GINT_TO_POINTER (year));
      g_autofree char *got = computed_year (calendar, year);

      g_assert_cmpstr (got, ==, expected->str);
    }
}

static void
test_table_iso_utf8 (void)
{
  /* The UTF-8 reference itself: header `date,name`, ISO dates, LF. */
  g_autoptr(GBytes) bytes = read_test_data ("jp-holidays.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = rh_holiday_table_parse (bytes, "jp-holidays.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1067);
  g_assert_cmpstr (g_array_index (rows, RhHoliday, 0).name, ==, "元日");
  g_assert_cmpint (g_date_get_year (&g_array_index (rows, RhHoliday, 0).date), ==, 1955);
}

/* Old Mac line ends (lone CR), and a header after blank lines. */
static void
test_table_line_ends (void)
{
  static const char * const tables[] = {
    "国民の祝日・休日月日,国民の祝日・休日名称\r2030/1/1,元日\r2030/1/14,成人の日\r",
    "\r\n\r\n\"date\",\"name\"\r\n2030/1/1,元日\r\n2030/1/14,成人の日\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (tables[i], strlen (tables[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) rows = rh_holiday_table_parse (bytes, "t.csv", &error);

      g_test_message ("table %u", i);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 2);
      g_assert_cmpstr (g_array_index (rows, RhHoliday, 1).name, ==, "成人の日");
    }
}

/* A valid table padded with a mebibyte of lone CRs: every CR is a line of
 * its own (so a bad row after them is named by its true number), and the
 * parse is one pass (the old g_string_replace() way took 46 s here). */
static void
test_table_many_line_ends (void)
{
  const guint pad = 1024 * 1024;
  GString *csv = g_string_new ("2030/1/1,元日\r\n");
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < pad; i++)
    g_string_append_c (csv, '\r');
  g_string_append (csv, "2030/1/14,成人の日\n\r\n");
  good = g_bytes_new (csv->str, csv->len);
  rows = rh_holiday_table_parse (good, "pad.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  g_string_append (csv, "2030/13/1,x\r\n");
  bad = g_string_free_to_bytes (csv);
  none = rh_holiday_table_parse (bad, "pad.csv", &error);
  g_assert_null (none);
  /* line 1, pad lone CRs (lines 2…pad+1), the row, one LF line, one CRLF line */
  expected = g_strdup_printf ("pad.csv, line %u: ", pad + 4);
  g_assert_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_ROW);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_table_override_semantics (void)
{
  /* UTF-8 with a BOM, LF, no header; 2030 is taught a new day and loses one. */
  const char *csv = "\xEF\xBB\xBF" "2030/1/1,元日\n2030/6/15,新しい祝日\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();
  g_autoptr(GArray) y2030 = NULL;
  GDate d = ymd (2030, 5, 3);
  GDate d2029 = ymd (2029, 5, 3);

  g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d), ==, "憲法記念日");
  g_assert_true (rh_calendar_set_overrides_from_bytes (calendar, bytes, "update.csv", &error));
  g_assert_no_error (error);

  y2030 = rh_calendar_dup_holidays (calendar, 2030);
  g_assert_cmpuint (y2030->len, ==, 2);
  g_assert_null (rh_calendar_get_holiday_name (calendar, &d));
  d = ymd (2030, 6, 14);
  g_assert_false (rh_calendar_is_holiday (calendar, &d));
  d = ymd (2030, 6, 15);
  g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d), ==, "新しい祝日");
  /* Other years are still computed. */
  g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d2029), ==, "憲法記念日");

  rh_calendar_clear_overrides (calendar);
  g_assert_false (rh_calendar_year_is_overridden (calendar, 2030));
  d = ymd (2030, 5, 3);
  g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d), ==, "憲法記念日");
}

typedef struct
{
  const char *csv;
  int         code;
  const char *message_part;
} BadTable;

static void
test_table_errors (void)
{
  static const BadTable bad[] = {
    { "", RH_HOLIDAY_TABLE_ERROR_EMPTY, "no holidays" },
    { "国民の祝日・休日月日,国民の祝日・休日名称\r\n", RH_HOLIDAY_TABLE_ERROR_EMPTY, "no holidays" },
    { "2026/1/1,元日\n2026/2/30,ない日\n", RH_HOLIDAY_TABLE_ERROR_ROW, "t.csv, line 2:" },
    { "2026/1/1,元日\r\n\r\n2026/13/1,ない月\r\n", RH_HOLIDAY_TABLE_ERROR_ROW, "line 3:" },
    { "date,name\n2026/1/1\n", RH_HOLIDAY_TABLE_ERROR_ROW, "line 2: expected 2 columns" },
    { "2026/1/1,元日,extra\n", RH_HOLIDAY_TABLE_ERROR_ROW, "line 1: expected 2 columns" },
    { "2026/1/1,\n", RH_HOLIDAY_TABLE_ERROR_ROW, "no name" },
    { "26/1/1,元日\n", RH_HOLIDAY_TABLE_ERROR_ROW, "“26/1/1”" },
    { "2026/1/1,元日\n2026.1.2,x\n", RH_HOLIDAY_TABLE_ERROR_ROW, "line 2:" },
    { "1900/1/1,元日\n", RH_HOLIDAY_TABLE_ERROR_ROW, "year 1900" },
    { "2026/1/1,元日\n2026/01/01,元日\n", RH_HOLIDAY_TABLE_ERROR_DUPLICATE, "line 2: the day 2026-01-01 is already listed on line 1" },
    { "2026/1/1,a\tb\n", RH_HOLIDAY_TABLE_ERROR_ROW, "control" },
    { "\xEF\xBB\xBF" "2026/1/1,\x82\xa0\n", RH_HOLIDAY_TABLE_ERROR_ENCODING, "UTF-8" },
    { "2026/1/1,\xff\xff\n", RH_HOLIDAY_TABLE_ERROR_ENCODING, "Shift_JIS" },
    /* A malformed first row is not mistaken for the header and skipped. */
    { "２０２６/1/1,元日\n2026/1/12,成人の日\n", RH_HOLIDAY_TABLE_ERROR_ROW, "line 1: “２０２６/1/1”" },
    { "\"２０２６/1/1\",元日\n", RH_HOLIDAY_TABLE_ERROR_ROW, "line 1:" },
    { "\n\n2026-1-1x,元日\n", RH_HOLIDAY_TABLE_ERROR_ROW, "line 3:" },
    /* Lone CR line ends: the rows are still told apart and numbered. */
    { "date,name\r2026/1/1,元日\r2026/2/30,ない日\r", RH_HOLIDAY_TABLE_ERROR_ROW, "line 3:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i].csv, strlen (bad[i].csv));
      g_autoptr(GError) error = NULL;
      g_autoptr(RhCalendar) calendar = rh_calendar_new ();
      GDate d = ymd (2026, 1, 1);

      g_test_message ("case %u", i);
      g_assert_false (rh_holiday_table_validate (bytes, "t.csv", &error));
      g_assert_error (error, RH_HOLIDAY_TABLE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].message_part));
      g_assert_true (g_str_has_prefix (error->message, "t.csv"));
      g_clear_error (&error);

      /* Never half-applied: the calendar stays as it was. */
      g_assert_false (rh_calendar_set_overrides_from_bytes (calendar, bytes, "t.csv", &error));
      g_assert_nonnull (error);
      g_assert_false (rh_calendar_year_is_overridden (calendar, 2026));
      g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d), ==, "元日");
    }

  /* A valid table replaces, a later invalid one leaves it in place. */
  {
    const char *good = "2026/1/1,元日\n2026/7/7,七夕\n";
    const char *broken = "2026/1/1,元日\n2026/7/8,\n";
    g_autoptr(GBytes) g = g_bytes_new_static (good, strlen (good));
    g_autoptr(GBytes) b = g_bytes_new_static (broken, strlen (broken));
    g_autoptr(RhCalendar) calendar = rh_calendar_new ();
    g_autoptr(GError) error = NULL;
    GDate d = ymd (2026, 7, 7);

    g_assert_true (rh_calendar_set_overrides_from_bytes (calendar, g, "good.csv", &error));
    g_assert_false (rh_calendar_set_overrides_from_bytes (calendar, b, "broken.csv", &error));
    g_assert_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_ROW);
    g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d), ==, "七夕");
  }
}

/* Damaged copies of the real file: each is taken whole or refused whole. */
static void
test_table_noise (void)
{
  g_autoptr(GBytes) original = read_test_data ("syukujitsu.csv");
  gsize len = g_bytes_get_size (original);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (original, NULL), len);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RhCalendar) calendar = rh_calendar_new ();
      gsize cut = g_test_rand_int_range (0, len);
      GDate d;

      for (guint j = 0; j < 4; j++)
        data[g_test_rand_int_range (0, len)] = (guint8)g_test_rand_int_range (0, 256);
      bytes = g_bytes_new (data, i % 2 ? cut : len);

      if (rh_calendar_set_overrides_from_bytes (calendar, bytes, "noise.csv", &error))
        g_assert_no_error (error);
      else
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "noise.csv"));
          /* Refused: still the computed holidays. */
          g_date_clear (&d, 1);
          g_date_set_dmy (&d, 3, 5, 1990);
          g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, &d), ==, "憲法記念日");
          g_assert_false (rh_calendar_year_is_overridden (calendar, 1990));
        }
    }
}

/* An empty file (an empty GBytes has no data pointer) is refused with the
 * reason, like any other bad table; it once failed without saying why. */
static void
test_table_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();

  g_assert_false (rh_calendar_set_overrides_from_bytes (calendar, bytes, "empty.csv", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "empty.csv"));
  g_assert_false (rh_calendar_year_is_overridden (calendar, 2026));
}

static void
test_default_instance (void)
{
  RhCalendar *a = rh_calendar_get_default ();

  g_assert_true (RH_IS_CALENDAR (a));
  g_assert_true (a == rh_calendar_get_default ());
}

/* A table from a server may name thousands of days. Their names are kept
 * for the life of the process, once each, and stay reachable: GLib's
 * g_intern_string() retires its quark arrays as they grow, which
 * LeakSanitizer reported after long fuzzing runs (this test under ASan). */
static void
test_table_many_names (void)
{
  g_autoptr(GString) csv = g_string_new ("国民の祝日・休日月日,国民の祝日・休日名称\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GError) error = NULL;

  for (int year = 1950; year < 2050; year++)
    for (int day = 1; day <= 30; day++)
      g_string_append_printf (csv, "%d/1/%d,試験の日%d-%d\n", year, day, year, day);
  bytes = g_bytes_new (csv->str, csv->len);

  rows = rh_holiday_table_parse (bytes, "many.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3000);
  g_assert_cmpstr (g_array_index (rows, RhHoliday, 0).name, ==, "試験の日1950-1");
  g_assert_cmpstr (g_array_index (rows, RhHoliday, 2999).name, ==, "試験の日2049-30");

  /* The same name is the same string, however often it is read. */
  again = rh_holiday_table_parse (bytes, "many.csv", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (g_array_index (rows, RhHoliday, i).name == g_array_index (again, RhHoliday, i).name);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/reference-1955-2027", test_reference_years);
  g_test_add_func ("/calendar/hand-checked", test_hand_checked);
  g_test_add_func ("/calendar/every-year-sane", test_every_year_sane);
  g_test_add_func ("/calendar/business-days", test_business_days);
  g_test_add_func ("/calendar/table-cp932", test_table_cp932);
  g_test_add_func ("/calendar/table-iso-utf8", test_table_iso_utf8);
  g_test_add_func ("/calendar/table-line-ends", test_table_line_ends);
  g_test_add_func ("/calendar/table-many-line-ends", test_table_many_line_ends);
  g_test_add_func ("/calendar/table-override-semantics", test_table_override_semantics);
  g_test_add_func ("/calendar/table-errors", test_table_errors);
  g_test_add_func ("/calendar/table-noise", test_table_noise);
  g_test_add_func ("/calendar/table-empty", test_table_empty);
  g_test_add_func ("/calendar/table-many-names", test_table_many_names);
  g_test_add_func ("/calendar/default-instance", test_default_instance);

  return g_test_run ();
}
