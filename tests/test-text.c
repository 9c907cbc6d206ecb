/* test-text.c — text normalisation for search (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

static void
assert_normalizes (const char *input,
                   const char *expected)
{
  g_autofree char *out = rh_text_normalize (input);

  g_assert_cmpstr (out, ==, expected);
}

static void
assert_same (const char *a,
             const char *b)
{
  g_autofree char *na = rh_text_normalize (a);
  g_autofree char *nb = rh_text_normalize (b);

  g_assert_cmpstr (na, ==, nb);
  g_assert_cmpstr (na, !=, "");
}

static void
test_text_width_and_case (void)
{
  assert_normalizes ("ＰＣ", "pc");
  assert_normalizes ("PC", "pc");
  assert_normalizes ("Cookie", "cookie");
  assert_normalizes ("ＯＴＰ", "otp");
  assert_normalizes ("１２３", "123");
  assert_same ("ＰＣ交換", "pc交換");
}

static void
test_text_kana (void)
{
  assert_normalizes ("パソコン", "ぱそこん");
  assert_normalizes ("ﾊﾟｿｺﾝ", "ぱそこん");
  assert_normalizes ("ｻﾞｲｹｲ", "ざいけい");
  assert_normalizes ("ぱそこん", "ぱそこん");
  assert_same ("ヴ", "ゔ");
  /* a combining voiced mark composes */
  assert_normalizes ("か\xe3\x82\x99", "が");
}

static void
test_text_long_vowels_and_dashes (void)
{
  assert_normalizes ("トークン", "とーくん");
  assert_same ("トークン", "ﾄｰｸﾝ");
  assert_same ("トークン", "ト-クン");
  assert_same ("トークン", "ト‐クン");
  assert_same ("トークン", "ト−クン");
  assert_same ("トークン", "ト–クン");
  assert_same ("トークン", "ト—クン");
  assert_same ("マスターユーザ", "マスタ-ユーザ");
  /* one long vowel, however many are typed */
  assert_same ("トークン", "トーーークン");
}

static void
test_text_punctuation_and_numbers (void)
{
  assert_normalizes ("0120-609-575", "0120609575");
  assert_normalizes ("０１２０－６０９－５７５", "0120609575");
  assert_normalizes ("０１２０ー６０９ー５７５", "0120609575");
  assert_normalizes ("「回答」を失念した。", "回答を失念した");
  assert_normalizes ("ID・パスワード方式", "idぱすわーど方式");
  assert_normalizes ("  財形　いつまで？ ", "財形いつまで");
  assert_normalizes ("①", "1");
  assert_normalizes ("", "");
  assert_normalizes ("。、！？「」【】", "");
}

static void
test_text_okurigana (void)
{
  assert_same ("問合せ", "問い合わせ");
  assert_same ("問合せ", "問合わせ");
  assert_same ("問合せ", "問い合せ");
  assert_same ("引き継ぎ", "引継ぎ");
  assert_same ("取り消し", "取消し");
  assert_same ("締め切り", "締切");
  assert_same ("買い替え", "買替え");
  assert_same ("お手続き", "お手続");
  assert_normalizes ("お問い合わせください", "お問合ください");
}

static void
test_text_offsets (void)
{
  const char *text = "ＰＣを「変更」した。0120-609";
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *out = rh_text_normalize_with_offsets (text, &offsets);
  glong n = g_utf8_strlen (out, -1);

  g_assert_cmpstr (out, ==, "pcを変更した0120609");
  g_assert_cmpuint (offsets->len, ==, n);

  for (guint i = 0; i < offsets->len; i++)
    {
      RhTextRange *r = &g_array_index (offsets, RhTextRange, i);

      g_assert_cmpuint (r->start, <, r->end);
      g_assert_cmpuint (r->end, <=, strlen (text));
      g_assert_true (g_utf8_validate (text + r->start, r->end - r->start, NULL));
    }

  /* 変 comes from the bytes of 変 */
  {
    RhTextRange *r = &g_array_index (offsets, RhTextRange, 3);

    g_assert_cmpint (strncmp (text + r->start, "変", r->end - r->start), ==, 0);
  }
}

static void
test_text_okurigana_offsets (void)
{
  const char *text = "お問い合わせ先";
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *out = rh_text_normalize_with_offsets (text, &offsets);
  RhTextRange *first_kanji;
  RhTextRange *second_kanji;

  g_assert_cmpstr (out, ==, "お問合先");
  first_kanji = &g_array_index (offsets, RhTextRange, 1);
  second_kanji = &g_array_index (offsets, RhTextRange, 2);
  g_assert_cmpint (strncmp (text + first_kanji->start, "問", 3), ==, 0);
  g_assert_cmpint (strncmp (text + second_kanji->start, "合", 3), ==, 0);
}

static void
test_text_invalid_input (void)
{
  g_autofree char *a = rh_text_normalize (NULL);
  g_autofree char *b = rh_text_normalize ("\xff\xfe財形\xc3");
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));

  g_assert_cmpstr (a, ==, "");
  g_assert_cmpstr (b, ==, "財形");

  /* a length cuts the text, even in the middle of a character */
  rh_text_normalize_append ("財形貯蓄", 4, chars, NULL);
  g_assert_cmpuint (chars->len, ==, 1);
  g_assert_cmpuint (g_array_index (chars, gunichar, 0), ==, g_utf8_get_char ("財"));
}

static char *
romaji (const char *ascii)
{
  g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gunichar before = 0x3042;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      gunichar c = (guchar)*p;

      g_array_append_val (in, c);
    }
  /* appends after what is there, and leaves it alone on failure */
  g_array_append_val (out, before);
  if (!rh_text_romaji_to_hiragana ((const gunichar *)(void *)in->data, in->len, out))
    {
      g_assert_cmpuint (out->len, ==, 1);
      return NULL;
    }
  return g_ucs4_to_utf8 ((const gunichar *)(void *)out->data + 1, out->len - 1, NULL, NULL, NULL);
}

static void
test_text_romaji (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "zaikei", "ざいけい" },
    { "pasokon", "ぱそこん" },
    { "tantousha", "たんとうしゃ" },
    { "tantosya", "たんとしゃ" },
    { "aikotoba", "あいことば" },
    { "shitsunen", "しつねん" },
    { "situnen", "しつねん" },
    { "kitte", "きって" },
    { "matcha", "まっちゃ" },
    { "konnichiha", "こんにちは" },
    { "kann", "かん" },
    { "nyuukin", "にゅうきん" },
    { "jikan", "じかん" },
    { "fairu", "ふぁいる" },
  };
  const char *not_romaji[] = { "windows", "edge", "chrome", "otp", "excel", "qzx", "ka1" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = romaji (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_romaji); i++)
    {
      g_autofree char *got = romaji (not_romaji[i]);

      if (got != NULL)
        g_error ("“%s” read as “%s”", not_romaji[i], got);
    }
}

/* The ways a clerk types a reading that the dictionary does not spell:
 * romaji without long vowels, the names of an abbreviation's letters,
 * and an n between vowels that is ん. */
static void
test_text_typed_readings (void)
{
  static const struct { const char *in; const char *out; } shorter[] = {
    { "ニュウキン", "にゅきん" }, { "コウザ", "こざ" }, { "トウロク", "とろく" },
    { "オオサカ", "おさか" }, { "ユーザー", "ゆざ" }, { "ショウメイ", "しょめい" },
  };
  static const char * const same[] = { "ザイケイ", "ケイヒ", "かいやく", "" };
  static const struct { const char *in; const char *out; } letters[] = {
    { "USB", "ゆーえすびー" }, { "ATM", "えーてぃーえむ" }, { "ＰＣ", "ぴーしー" },
  };
  static const char * const no_letters[] = { "Windows", "Excel", "usb", "A", "USB2", "メモリ", "" };
  static const gunichar hanei[] = { 'h', 'a', 'n', 'e', 'i' };
  static const struct { const char *in; const char *out; guint marked; } doubled[] = {
    { "かあど", "かーど", 1 }, { "こおど", "こーど", 1 }, { "ふぁいいる", "ふぁいーる", 1 },
    { "こうざ", "こうざ", 0 }, { "けいたい", "けいたい", 0 }, { "ああ", "あー", 1 },
  };
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) syllabic = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree char *plain_text = NULL;
  g_autofree char *syllabic_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (shorter); i++)
    {
      g_autofree char *got = rh_text_dup_short_vowels (shorter[i].in);

      g_assert_cmpstr (got, ==, shorter[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    g_assert_null (rh_text_dup_short_vowels (same[i]));
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      g_autofree char *got = rh_text_dup_letter_names (letters[i].in);

      g_assert_cmpstr (got, ==, letters[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (no_letters); i++)
    g_assert_null (rh_text_dup_letter_names (no_letters[i]));

  g_assert_true (rh_text_romaji_to_hiragana (hanei, G_N_ELEMENTS (hanei), plain));
  g_assert_true (rh_text_romaji_to_hiragana_n (hanei, G_N_ELEMENTS (hanei), syllabic));
  plain_text = g_ucs4_to_utf8 ((gunichar *)(void *)plain->data, plain->len, NULL, NULL, NULL);
  syllabic_text = g_ucs4_to_utf8 ((gunichar *)(void *)syllabic->data, syllabic->len, NULL, NULL, NULL);
  g_assert_cmpstr (plain_text, ==, "はねい");
  g_assert_cmpstr (syllabic_text, ==, "はんえい");

  for (guint i = 0; i < G_N_ELEMENTS (doubled); i++)
    {
      g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
      g_autofree char *got = NULL;
      guint marked;

      rh_text_normalize_append (doubled[i].in, -1, chars, NULL);
      marked = rh_text_mark_long_vowels ((gunichar *)(void *)chars->data, chars->len);
      got = g_ucs4_to_utf8 ((gunichar *)(void *)chars->data, chars->len, NULL, NULL, NULL);
      g_assert_cmpstr (got, ==, doubled[i].out);
      g_assert_cmpuint (marked, ==, doubled[i].marked);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/width-and-case", test_text_width_and_case);
  g_test_add_func ("/text/kana", test_text_kana);
  g_test_add_func ("/text/long-vowels-and-dashes", test_text_long_vowels_and_dashes);
  g_test_add_func ("/text/punctuation-and-numbers", test_text_punctuation_and_numbers);
  g_test_add_func ("/text/okurigana", test_text_okurigana);
  g_test_add_func ("/text/offsets", test_text_offsets);
  g_test_add_func ("/text/okurigana-offsets", test_text_okurigana_offsets);
  g_test_add_func ("/text/invalid-input", test_text_invalid_input);
  g_test_add_func ("/text/romaji", test_text_romaji);
  g_test_add_func ("/text/typed-readings", test_text_typed_readings);

  return g_test_run ();
}
