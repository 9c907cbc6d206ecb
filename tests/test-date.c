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
    { "1948-07-20", 1948, 7, 20 },        /* the holiday law came into force */
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
    { "令和0年1月1日", RH_DATE_ERROR_ERA },
    { "平成0年5月1日", RH_DATE_ERROR_ERA },
    { "大正10年1月1日", RH_DATE_ERROR_OUT_OF_RANGE },
    { "T10.1.1", RH_DATE_ERROR_OUT_OF_RANGE },
    { "明治45年7月1日", RH_DATE_ERROR_OUT_OF_RANGE },
    { "1948-07-19", RH_DATE_ERROR_OUT_OF_RANGE },
    { "昭和23年7月19日", RH_DATE_ERROR_OUT_OF_RANGE },
    { "1900-13-01", RH_DATE_ERROR_OUT_OF_RANGE },
    { "2026-12-25\x07", RH_DATE_ERROR_SYNTAX },
    { "2026ー12/25", RH_DATE_ERROR_SYNTAX },
    { "2026ーー12ー25", RH_DATE_ERROR_SYNTAX },
    { "ー12ー25", RH_DATE_ERROR_SYNTAX },
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
      if (bad[i].code != RH_DATE_ERROR_EMPTY)
        {
          g_autofree char *shown = rh_quote_value (bad[i].text);

          g_assert_nonnull (strstr (error->message, shown));
        }
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

/* Every dash, ・ and 。, as input methods type them (ibus-anthy in kana
 * mode turns - / . into ー ・ 。 and digits into full-width ones), and
 * what pastes carry along unseen. */
static void
test_parse_typed_forms (void)
{
  static const char * const forms[] = {
    "2026−12−25",            /* U+2212 minus sign */
    "2026‐12‐25",            /* U+2010 hyphen */
    "2026‑12‑25",            /* U+2011 non-breaking hyphen */
    "2026‒12‒25",            /* U+2012 figure dash */
    "2026–12–25",            /* U+2013 en dash */
    "2026—12—25",            /* U+2014 em dash */
    "2026―12―25",            /* U+2015 horizontal bar */
    "2026ー12ー25",          /* U+30FC long-vowel mark, kana mode's - */
    "２０２６ー１２ー２５",
    "2026ｰ12ｰ25",            /* U+FF70 half-width long-vowel mark */
    "2026～12～25",          /* U+FF5E full-width tilde */
    "2026〜12〜25",          /* U+301C wave dash */
    "2026－12－25",          /* U+FF0D full-width hyphen-minus */
    "2026・12・25",          /* kana mode's / */
    "2026。12。25",          /* kana mode's . */
    "2026．12．25",
    "2026･12･25",            /* half-width ・ */
    "１２・２５",
    "１２。２５",
    "１２ー２５",
    "令和８ー１２ー２５",
    "Ｒ８・１２・２５",
    "2026-12-25\u200B",      /* zero-width space */
    "\uFEFF2026-12-25",      /* byte order mark */
    "2026\u00A0-\u00A012-25", /* no-break spaces */
    "2026-12-25\u3000",      /* ideographic space */
    "\u200E2026/12/25\u200F", /* direction marks */
    "12\u2060/\u00AD25",     /* word joiner, soft hyphen */
    "2026-12-25\uFE0F",      /* variation selector */
    "2026\u204412\u204425",  /* fraction slash */
    "2026\u221512\u221525",  /* division slash */
  };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d;

      g_test_message ("%s", forms[i]);
      g_assert_true (rh_date_parse (forms[i], &today, &d, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_date_get_year (&d), ==, 2026);
      g_assert_cmpint (g_date_get_month (&d), ==, 12);
      g_assert_cmpint (g_date_get_day (&d), ==, 25);
    }
}

/* A control character that is not white space is named, not hidden. */
static void
test_invisible_named (void)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  g_assert_false (rh_date_parse ("2026-12-25\x07", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==,
                   "“2026-12-25<U+0007>” contains an invisible character, U+0007; type the date again");
  g_clear_error (&error);
  /* A date that fails for another reason shows its invisible characters. */
  g_assert_false (rh_date_parse ("2026-02-30\u200B", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==,
                   "“2026-02-30<U+200B>” does not exist: there is no day 30 in month 2 of 2026");
}

/* A date without a year is the next such day from today, today included;
 * or, for the day a window starts, the last such day up to its end. */
static void
test_year_next_occurrence (void)
{
  static const struct { const char *text; RhDateYear rule; int y; gboolean implied; } cases[] = {
    { "1/1", RH_DATE_YEAR_NEXT, 2027, TRUE },
    { "1月1日", RH_DATE_YEAR_NEXT, 2027, TRUE },
    { "１・１", RH_DATE_YEAR_NEXT, 2027, TRUE },
    { "11/29", RH_DATE_YEAR_NEXT, 2027, TRUE },
    { "11/30", RH_DATE_YEAR_NEXT, 2026, TRUE },      /* the reference day itself */
    { "12/1", RH_DATE_YEAR_NEXT, 2026, TRUE },
    { "12/31", RH_DATE_YEAR_NEXT, 2026, TRUE },
    { "2026/1/1", RH_DATE_YEAR_NEXT, 2026, FALSE },  /* a year typed is kept */
    { "11/29", RH_DATE_YEAR_PREVIOUS, 2026, TRUE },
    { "11/30", RH_DATE_YEAR_PREVIOUS, 2026, TRUE },
    { "12/1", RH_DATE_YEAR_PREVIOUS, 2025, TRUE },
    { "2027/12/1", RH_DATE_YEAR_PREVIOUS, 2027, FALSE },
  };
  GDate reference;

  g_date_clear (&reference, 1);
  g_date_set_dmy (&reference, 30, 11, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean implied = !cases[i].implied;
      GDate d;

      g_test_message ("%s", cases[i].text);
      g_assert_true (rh_date_parse_full (cases[i].text, &reference, cases[i].rule, &d, &implied, &error));
      g_assert_cmpint (g_date_get_year (&d), ==, cases[i].y);
      g_assert_cmpint (implied, ==, cases[i].implied);
    }
}

static void
test_year_next_occurrence_limits (void)
{
  g_autoptr(GError) error = NULL;
  GDate today, d;

  /* 2/29 of a year without one is refused, naming the year read. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);
  g_assert_false (rh_date_parse ("2/29", &today, &d, &error));
  g_assert_cmpstr (error->message, ==, "“2/29” does not exist: there is no day 29 in month 2 of 2027");
  g_clear_error (&error);
  g_date_set_dmy (&today, 1, 3, 2027);
  g_assert_true (rh_date_parse ("2/29", &today, &d, &error));
  g_assert_cmpint (g_date_get_year (&d), ==, 2028);
  g_clear_error (&error);
  g_date_set_dmy (&today, 1, 2, 2027);
  g_assert_false (rh_date_parse ("2/29", &today, &d, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID);
  g_clear_error (&error);
  /* Past the calendar's end. */
  g_date_set_dmy (&today, 1, 12, 2099);
  g_assert_false (rh_date_parse ("1/1", &today, &d, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  /* NULL is today in Tokyo: never a day before it. */
  rh_date_set_today (&today);
  g_assert_true (rh_date_parse ("1/1", NULL, &d, &error));
  g_assert_cmpint (g_date_compare (&d, &today), >=, 0);
  g_assert_cmpint (g_date_days_between (&today, &d), <, 366);
}

static void
test_range_reasons (void)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  g_assert_false (rh_date_parse ("1948-07-19", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“1948-07-19” is before 1948年7月20日(火), when the national "
                   "holiday law came into force; the calendar starts there");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("2100-01-01", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“2100-01-01” is after 2099, the last year the calendar knows");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("令和0年1月1日", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==,
                   "“令和0年1月1日” does not exist: there is no year 0 of 令和; its first year is 令和元年 (2019)");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("大正10年1月1日", NULL, &d, &error));
  g_assert_cmpstr (error->message, ==, "“大正10年1月1日”: every date of 大正 is before 1948年7月20日(火), "
                   "when the national holiday law came into force; the calendar starts there");
  g_clear_error (&error);
  g_assert_false (rh_date_parse ("M45.7.1", NULL, &d, &error));
  g_assert_nonnull (strstr (error->message, "明治"));
  g_clear_error (&error);

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 19, 7, 1948);
  g_assert_false (rh_date_check_range (&d, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_date_set_dmy (&d, 20, 7, 1948);
  g_assert_true (rh_date_check_range (&d, &error));
  g_assert_no_error (error);
}

/* A 5,000-character paste is cut in the message. */
static void
test_long_value_cut (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (5000, '9');
  g_autofree char *expected = NULL;
  GDate d;

  g_assert_false (rh_date_parse (text, NULL, &d, &error));
  expected = g_strdup_printf ("“%.*s…” is not a date; write it like 2026-12-25, 2026/12/25, "
                              "12/25 or 令和8年12月25日", RH_QUOTE_MAX_CHARS, text);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_quote_value (void)
{
  g_autofree char *a = rh_quote_value ("令和8年12月25日");
  g_autofree char *b = rh_quote_value ("a\tb\u200Bc\xff");
  g_autofree char *c = rh_quote_value (NULL);
  g_autofree char *long_text = g_strnfill (100, 'x');
  g_autofree char *d = rh_quote_value (long_text);

  g_assert_cmpstr (a, ==, "令和8年12月25日");
  g_assert_cmpstr (b, ==, "a<U+0009>b<U+200B>c\uFFFD");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpint (g_utf8_strlen (d, -1), ==, RH_QUOTE_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (d, "…"));
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
  g_test_add_func ("/date/typed-forms", test_parse_typed_forms);
  g_test_add_func ("/date/invisible-named", test_invisible_named);
  g_test_add_func ("/date/year-next-occurrence", test_year_next_occurrence);
  g_test_add_func ("/date/year-next-occurrence-limits", test_year_next_occurrence_limits);
  g_test_add_func ("/date/range-reasons", test_range_reasons);
  g_test_add_func ("/date/long-value-cut", test_long_value_cut);
  g_test_add_func ("/date/quote-value", test_quote_value);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/parse-noise", test_parse_noise);

  return g_test_run ();
}
