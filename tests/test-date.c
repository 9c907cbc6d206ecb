/* test-date.c — dates as people type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rh-core.h"

typedef struct
{
  const char *text;
  int         y, m, d;
} Good;

typedef struct
{
  const char *text;
  int         code;
} Bad;

static void
test_parse_good (void)
{
  static const Good good[] = {
    { "2026-12-25", 2026, 12, 25 },
    { "2026/12/25", 2026, 12, 25 },
    { "2026.12.25", 2026, 12, 25 },
    { "2026-1-5", 2026, 1, 5 },
    { "2026年12月25日", 2026, 12, 25 },
    { " 2026/12/25 ", 2026, 12, 25 },
    { "12/25", 2026, 12, 25 },            /* this year (today is 2026-03-01) */
    { "12月25日", 2026, 12, 25 },
    { "１２/２５", 2026, 12, 25 },         /* full-width digits */
    { "２０２６／１２／２５", 2026, 12, 25 },
    { "２０２６－１２－２５", 2026, 12, 25 },
    { "令和8年12月25日", 2026, 12, 25 },
    { "令和８年１２月２５日", 2026, 12, 25 },
    { "R8.12.25", 2026, 12, 25 },
    { "r8/12/25", 2026, 12, 25 },
    { "Ｒ８．１２．２５", 2026, 12, 25 },
    { "令和元年5月1日", 2019, 5, 1 },
    { "平成31年4月30日", 2019, 4, 30 },
    { "H31.4.30", 2019, 4, 30 },
    { "平成元年1月8日", 1989, 1, 8 },
    { "昭和64年1月7日", 1989, 1, 7 },
    { "S23.7.20", 1948, 7, 20 },
    { "2026年12月25日(金)", 2026, 12, 25 },
    { "2026-12-25（金曜日）", 2026, 12, 25 },
    { "2026年12月21日(月)", 2026, 12, 21 },   /* what rh_date_format_human writes */
    { "1948-01-01", 1948, 1, 1 },
    { "2099-12-31", 2099, 12, 31 },
    { "2028/2/29", 2028, 2, 29 },
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d;

      g_test_message ("%s", good[i].text);
      g_assert_true (rh_date_parse (good[i].text, &today, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_date_get_year (&d), ==, good[i].y);
      g_assert_cmpint (g_date_get_month (&d), ==, good[i].m);
      g_assert_cmpint (g_date_get_day (&d), ==, good[i].d);
    }
}

static void
test_parse_bad (void)
{
  static const Bad bad[] = {
    { "", RH_DATE_ERROR_EMPTY },
    { "   ", RH_DATE_ERROR_EMPTY },
    { "abc", RH_DATE_ERROR_SYNTAX },
    { "2026-12/25", RH_DATE_ERROR_SYNTAX },
    { "26-12-25", RH_DATE_ERROR_SYNTAX },
    { "12/25/2026", RH_DATE_ERROR_SYNTAX },
    { "2026-12-25x", RH_DATE_ERROR_SYNTAX },
    { "2026-12-255", RH_DATE_ERROR_SYNTAX },
    { "20261225", RH_DATE_ERROR_SYNTAX },
    { "令和年12月25日", RH_DATE_ERROR_SYNTAX },
    { "令和0年1月1日", RH_DATE_ERROR_SYNTAX },
    { "X8.12.25", RH_DATE_ERROR_SYNTAX },
    { "\xff\xfe", RH_DATE_ERROR_SYNTAX },
    { "2026-02-30", RH_DATE_ERROR_INVALID },
    { "2027/2/29", RH_DATE_ERROR_INVALID },
    { "2026-13-01", RH_DATE_ERROR_INVALID },
    { "2026-00-10", RH_DATE_ERROR_INVALID },
    { "13/1", RH_DATE_ERROR_INVALID },
    { "令和1年4月1日", RH_DATE_ERROR_ERA },
    { "R1.4.30", RH_DATE_ERROR_ERA },
    { "平成31年5月1日", RH_DATE_ERROR_ERA },
    { "昭和64年1月8日", RH_DATE_ERROR_ERA },
    { "平成元年1月7日", RH_DATE_ERROR_ERA },
    { "2026-12-25(月)", RH_DATE_ERROR_WEEKDAY },
    { "2100-01-01", RH_DATE_ERROR_OUT_OF_RANGE },
    { "1947-12-31", RH_DATE_ERROR_OUT_OF_RANGE },
    { "令和99年1月1日", RH_DATE_ERROR_OUT_OF_RANGE },
    { "昭和22年1月1日", RH_DATE_ERROR_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d;

      g_test_message ("bad case %u", i);
      g_assert_false (rh_date_parse (bad[i].text, NULL, &d, &error));
      g_assert_error (error, RH_DATE_ERROR, bad[i].code);
      g_assert_false (g_date_valid (&d));
      /* The message names what was typed. */
      if (bad[i].code != RH_DATE_ERROR_EMPTY && g_utf8_validate (bad[i].text, -1, NULL))
        g_assert_nonnull (strstr (error->message, bad[i].text));
    }
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  g_assert_false (rh_date_parse ("令和1年4月1日", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“令和1年4月1日” does not exist: 令和 began on 2019年5月1日(水)");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("2026-02-30", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“2026-02-30” does not exist: there is no day 30 in month 2 of 2026");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("2026-13-40", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“2026-13-40” does not exist: there is no month 13");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("2026/0/1", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“2026/0/1” does not exist: there is no month 0");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("2026-12-25(月)", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“2026-12-25(月)”: the weekday does not match; the day is 2026年12月25日(金)");
}

static void
test_this_year_default (void)
{
  g_autoptr(GError) error = NULL;
  GDate d, today;

  rh_date_set_today (&today);
  g_assert_true (g_date_valid (&today));
  g_assert_true (rh_date_parse ("1/1", NULL, &d, &error));
  g_assert_cmpint (g_date_get_year (&d), ==, g_date_get_year (&today));
}

static void
test_format (void)
{
  static const struct { int y, m, d; const char *human, *iso; } cases[] = {
    { 2026, 12, 21, "2026年12月21日(月)", "2026-12-21" },
    { 2026, 12, 25, "2026年12月25日(金)", "2026-12-25" },
    { 2027, 1, 3, "2027年1月3日(日)", "2027-01-03" },
    { 2019, 5, 1, "2019年5月1日(水)", "2019-05-01" },
    { 2026, 3, 7, "2026年3月7日(土)", "2026-03-07" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *human = NULL, *iso = NULL;
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, cases[i].d, cases[i].m, cases[i].y);
      human = rh_date_format_human (&d);
      iso = rh_date_format_iso (&d);
      g_assert_cmpstr (human, ==, cases[i].human);
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

/* Any bytes: an answer or an error, never a crash or a half-set date. */
static void
test_parse_noise (void)
{
  static const char alphabet[] = "0123456789/-.年月日元令和平成昭和RHS()金月 \xef\xbc\x91\xff";

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GError) error = NULL;
      char text[24];
      guint len = g_test_rand_int_range (0, sizeof text);
      GDate d;

      for (guint j = 0; j < len; j++)
        text[j] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      text[len] = '\0';

      if (rh_date_parse (text, NULL, &d, &error))
        {
          g_assert_no_error (error);
          g_assert_true (g_date_valid (&d));
          g_assert_cmpint (g_date_get_year (&d), >=, RH_DATE_MIN_YEAR);
          g_assert_cmpint (g_date_get_year (&d), <=, RH_DATE_MAX_YEAR);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == RH_DATE_ERROR);
          g_assert_false (g_date_valid (&d));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-good", test_parse_good);
  g_test_add_func ("/date/parse-bad", test_parse_bad);
  g_test_add_func ("/date/messages", test_messages);
  g_test_add_func ("/date/this-year-default", test_this_year_default);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/parse-noise", test_parse_noise);

  return g_test_run ();
}
