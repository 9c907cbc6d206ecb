/* rh-text.c — text normalisation shared by the search index and its queries
 *
 * Content and queries go through the very same function, so whatever a
 * clerk's input method produces (full-width Latin, half-width katakana,
 * katakana for hiragana, one of many dashes, spaces, punctuation, another
 * way of writing okurigana) ends up as the same characters:
 *
 *   1. NFKC per character cluster (so ｶﾞ becomes ガ, ＰＣ becomes PC);
 *   2. case folding;
 *   3. katakana to hiragana;
 *   4. every dash and long-vowel mark (ー ｰ - ‐ − – — ―) becomes ー after
 *      kana, and is dropped elsewhere (so 0120-609-575 reads 0120609575);
 *   5. spaces, punctuation and symbols dropped;
 *   6. known okurigana variants of compound words lose their okurigana
 *      (問い合わせ, 問合わせ and 問合せ all read 問合).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-text"

#include "config.h"

#include <string.h>

#include "rh-text.h"

/* Compound words whose okurigana are written in several ways. Each variant
 * is reduced to its kanji, so all variants of one word meet. Variants are
 * listed in their normalised form (hiragana). */
static const char * const okurigana_variants[] = {
  "問い合わせ", "問い合せ", "問合わせ", "問合せ", "問いあわせ",
  "引き継ぎ", "引き継ぐ", "引き継い", "引継ぎ", "引継ぐ", "引継い", "引き継",
  "取り消し", "取り消す", "取消し", "取消す",
  "申し込み", "申込み", "申し込む", "申込む",
  "振り込み", "振込み",
  "受け付け", "受付け",
  "買い替え", "買替え", "買い替",
  "買い換え", "買換え", "買い換",
  "入れ替え", "入替え", "入れ替",
  "取り替え", "取替え", "取り替",
  "取り換え", "取換え",
  "取り扱い", "取扱い",
  "引き落とし", "引落とし", "引落し",
  "払い込み", "払込み",
  "書き換え", "書換え",
  "積み立て", "積立て",
  "締め切り", "締切り", "締め切",
  "手続き",
  "届け出",
  "切り替え", "切替え", "切り替",
  "打ち合わせ", "打合わせ", "打合せ",
  "割り当て", "割当て",
  "差し替え", "差替え",
  "読み込み", "読込み",
  "書き込み", "書込み",
  "払い戻し", "払戻し",
  "受け取り", "受取り",
  "振り替え", "振替え",
  "見積もり", "見積り",
  "立て替え", "立替え",
  "繰り越し", "繰越し",
  "差し引き", "差引き",
  "組み合わせ", "組合せ",
  "貸し出し", "貸出し",
  "取り引き", "取引き",
  "呼び出し", "呼出し",
  "書き出し", "書出し",
  "差し戻し", "差戻し",
  "問合わ",
};

typedef struct
{
  gunichar *chars;   /* 0-terminated */
  guint     len;
} Variant;

/* first character → GPtrArray of Variant, longest first */
static GHashTable *variants_by_first;
/* one bit per BMP character: does a variant start with it? */
static guint8 variant_first_bits[0x10000 / 8];

static gboolean
is_hiragana (gunichar c)
{
  return c >= 0x3041 && c <= 0x309F;
}

gboolean
rh_text_is_kanji (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c == 0x3005;
}

static gboolean
is_dash (gunichar c)
{
  switch (c)
    {
    case 0x002D: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0x30FC: case 0xFF70: case 0xFF0D: case 0x2500:
    case 0x2501: case 0xFE63: case 0x02D7:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_combining (gunichar c)
{
  return c == 0xFF9E || c == 0xFF9F || c == 0x3099 || c == 0x309A ||
         (c >= 0x0300 && c <= 0x036F) || g_unichar_ismark (c);
}

/* Characters NFKC leaves alone (when no combining mark follows). */
static gboolean
is_nfkc_stable (gunichar c)
{
  return (c < 0x80) ||
         (c >= 0x3041 && c <= 0x3096) ||
         (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static gboolean
is_kept (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

static gunichar
fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);
  if (c >= 0x30A1 && c <= 0x30F6)
    return c - 0x60;
  if (g_unichar_isupper (c) || g_unichar_istitle (c))
    return g_unichar_tolower (c);
  return c;
}

static void
emit (GArray   *chars,
      GArray   *offsets,
      gunichar  c,
      guint     start,
      guint     end)
{
  guint n = chars->len;

  if (is_dash (c))
    {
      gunichar prev = n > 0 ? g_array_index (chars, gunichar, n - 1) : 0;

      /* A long vowel only after kana, and only one; a dash elsewhere is
       * punctuation (phone numbers, codes). */
      if (!(is_hiragana (prev) || (prev >= 0x30A1 && prev <= 0x30FA)) || prev == RH_TEXT_LONG_VOWEL)
        return;
      c = RH_TEXT_LONG_VOWEL;
    }
  else
    {
      c = fold_char (c);
      if (c != 0x3005 && !is_kept (c))
        return;
    }

  g_array_append_val (chars, c);
  if (offsets != NULL)
    {
      RhTextRange range = { start, end };
      g_array_append_val (offsets, range);
    }
}

/* TRUE when the UTF-8 at @u is surely not a combining mark. */
static inline gboolean
followed_by_plain (const guchar *u,
                   const char   *end)
{
  if (u[0] >= 0xE4 && u[0] <= 0xE9)
    return TRUE;
  if (u[0] == 0xE3 && (const char *)u + 2 < end)
    return !(u[1] == 0x82 && (u[2] == 0x99 || u[2] == 0x9A));
  return FALSE;
}

static gpointer
init_variants (gpointer data)
{
  GHashTable *table = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (okurigana_variants); i++)
    {
      glong len = 0;
      gunichar *chars = g_utf8_to_ucs4_fast (okurigana_variants[i], -1, &len);
      GPtrArray *list;
      Variant *variant;
      guint pos;

      list = g_hash_table_lookup (table, GUINT_TO_POINTER (chars[0]));
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (table, GUINT_TO_POINTER (chars[0]), list);
        }

      if (chars[0] < 0x10000)
        variant_first_bits[chars[0] >> 3] |= 1 << (chars[0] & 7);

      variant = g_new0 (Variant, 1);
      variant->chars = chars;
      variant->len = len;

      /* keep longest first */
      for (pos = 0; pos < list->len; pos++)
        if (((Variant *)g_ptr_array_index (list, pos))->len < variant->len)
          break;
      g_ptr_array_insert (list, pos, variant);
    }

  return table;
}

/* Reduces known okurigana variants, in place, from character @from on. */
static void
reduce_okurigana (GArray *chars,
                  GArray *offsets,
                  guint   from)
{
  static GOnce once = G_ONCE_INIT;
  gunichar *c = (gunichar *)(void *)chars->data;
  guint n = chars->len;
  guint out = from;

  variants_by_first = g_once (&once, init_variants, NULL);

  for (guint i = from; i < n;)
    {
      GPtrArray *list = NULL;
      Variant *match = NULL;

      if (c[i] < 0x10000 && (variant_first_bits[c[i] >> 3] & (1 << (c[i] & 7))))
        list = g_hash_table_lookup (variants_by_first, GUINT_TO_POINTER (c[i]));

      if (list != NULL)
        for (guint v = 0; v < list->len && match == NULL; v++)
          {
            Variant *variant = g_ptr_array_index (list, v);

            if (i + variant->len <= n &&
                memcmp (c + i, variant->chars, variant->len * sizeof (gunichar)) == 0)
              match = variant;
          }

      if (match == NULL)
        {
          if (out != i)
            {
              c[out] = c[i];
              if (offsets != NULL)
                g_array_index (offsets, RhTextRange, out) = g_array_index (offsets, RhTextRange, i);
            }
          out++;
          i++;
          continue;
        }

      for (guint k = 0; k < match->len; k++, i++)
        {
          if (is_hiragana (c[i]))
            continue;
          c[out] = c[i];
          if (offsets != NULL)
            g_array_index (offsets, RhTextRange, out) = g_array_index (offsets, RhTextRange, i);
          out++;
        }
    }

  g_array_set_size (chars, out);
  if (offsets != NULL)
    g_array_set_size (offsets, out);
}

/* The character at @p (before @end), with *@next after it; (gunichar)-1
 * for an invalid byte. 1- and 3-byte sequences (ASCII, kana, kanji) are
 * decoded inline: they are nearly all the text. */
static inline gunichar
decode (const char  *p,
        const char  *end,
        const char **next)
{
  const guchar *u = (const guchar *)p;
  gunichar c;

  if (u[0] < 0x80)
    {
      *next = p + 1;
      return u[0];
    }
  if ((u[0] & 0xF0) == 0xE0 && end - p >= 3 &&
      (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
      (c = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F)) >= 0x800 &&
      (c < 0xD800 || c > 0xDFFF))
    {
      *next = p + 3;
      return c;
    }
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar)-1 || c == (gunichar)-2)
    return (gunichar)-1;
  *next = g_utf8_next_char (p);
  return c;
}

/* Where the combining marks after a character end (@next when there are
 * none). Never after ASCII, kana or kanji: lead bytes E3 but for
 * U+3099/309A, and E4–E9. */
static inline const char *
after_combining_marks (const char *next,
                       const char *end)
{
  const char *q = next;

  if (q < end && (guchar)*q >= 0xCC && !followed_by_plain ((const guchar *)q, end))
    while (q < end)
      {
        gunichar d = g_utf8_get_char_validated (q, end - q);

        if (d == (gunichar)-1 || d == (gunichar)-2 || !is_combining (d))
          break;
        q = g_utf8_next_char (q);
      }
  return q;
}

/**
 * rh_text_normalize_append:
 * @text: UTF-8 text (invalid sequences are skipped)
 * @length: its length in bytes, or -1 if nul-terminated
 * @chars: a GArray of gunichar to append the normalised characters to
 * @offsets: (nullable): a GArray of #RhTextRange; for each character
 *   appended to @chars, the byte range of @text it came from
 *
 * The low-level form of rh_text_normalize(), for callers that work on
 * characters (the search index).
 */
void
rh_text_normalize_append (const char *text,
                          gssize      length,
                          GArray     *chars,
                          GArray     *offsets)
{
  const char *p;
  const char *end;
  guint first;
  guint len;
  gunichar *out;

  g_return_if_fail (chars != NULL);

  if (text == NULL)
    return;
  if (length < 0)
    length = strlen (text);

  first = chars->len;

  /* Characters are written straight into room reserved for them: the
   * common paths give at most one character per byte of input. */
#define RESERVE() G_STMT_START { \
    g_array_set_size (chars, len + (end - p) + 8); \
    out = (gunichar *)(void *)chars->data; \
  } G_STMT_END
#define PUT(ch, s, e) G_STMT_START { \
    out[len++] = (ch); \
    if (offsets != NULL) \
      { \
        RhTextRange range_ = { (s), (e) }; \
        g_array_append_val (offsets, range_); \
      } \
  } G_STMT_END
#define EMIT(ch, s, e) G_STMT_START { \
    g_array_set_size (chars, len); \
    emit (chars, offsets, (ch), (s), (e)); \
    len = chars->len; \
    RESERVE (); \
  } G_STMT_END

  len = first;
  p = text;
  end = text + length;

  RESERVE ();
  while (p < end)
    {
      const char *next;
      const char *q;
      gunichar c = decode (p, end, &next);

      if (c == (gunichar)-1)
        {
          p++;  /* invalid byte: skip it */
          continue;
        }
      q = after_combining_marks (next, end);

      if (q == next && c < 0x80)
        {
          if (g_ascii_isalnum (c))
            PUT (g_ascii_tolower (c), p - text, q - text);
          else if (c == '-')
            EMIT (c, p - text, q - text);
        }
      else if (q == next && ((c >= 0x3041 && c <= 0x3096) || (c >= 0x4E00 && c <= 0x9FFF)))
        PUT (c, p - text, q - text);
      else if (q == next && c >= 0x30A1 && c <= 0x30F6)
        PUT (c - 0x60, p - text, q - text);
      else if (q == next && is_nfkc_stable (c))
        EMIT (c, p - text, q - text);
      else if (q == next && c >= 0xFF01 && c <= 0xFF5E)
        EMIT (c - 0xFEE0, p - text, q - text);
      else if (q == next && (c == 0x3000 || (c >= 0x3001 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3011)))
        ; /* ideographic space and punctuation */
      else
        {
          g_autofree char *nfkc = g_utf8_normalize (p, q - p, G_NORMALIZE_NFKC);

          if (nfkc != NULL)
            for (const char *r = nfkc; *r; r = g_utf8_next_char (r))
              EMIT (g_utf8_get_char (r), p - text, q - text);
        }

      p = q;
    }

  g_array_set_size (chars, len);
#undef RESERVE
#undef PUT
#undef EMIT

  for (guint i = first; i < chars->len; i++)
    if (rh_text_is_kanji (g_array_index (chars, gunichar, i)))
      {
        reduce_okurigana (chars, offsets, first);
        break;
      }
}

/**
 * rh_text_normalize_with_offsets:
 * @text: UTF-8 text
 * @offsets: (out) (optional): for each character of the result, the
 *   #RhTextRange of @text it comes from
 *
 * Returns: (transfer full): the normalised text
 */
char *
rh_text_normalize_with_offsets (const char  *text,
                                GArray     **offsets)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GArray *ranges = NULL;
  char *ret;

  if (offsets != NULL)
    ranges = g_array_new (FALSE, FALSE, sizeof (RhTextRange));

  rh_text_normalize_append (text, -1, chars, ranges);

  ret = g_ucs4_to_utf8 ((gunichar *)(void *)chars->data, chars->len, NULL, NULL, NULL);
  if (ret == NULL)
    ret = g_strdup ("");

  if (offsets != NULL)
    *offsets = ranges;

  return ret;
}

/**
 * rh_text_normalize:
 * @text: (nullable): UTF-8 text
 *
 * Normalises @text for matching; see the top of rh-text.c.
 *
 * Returns: (transfer full): the normalised text (maybe empty, never %NULL)
 */
char *
rh_text_normalize (const char *text)
{
  return rh_text_normalize_with_offsets (text, NULL);
}

/* Romaji (Hepburn and kunrei) syllables, longest first within each start. */
static const struct { const char *roma; const char *kana; } romaji_table[] = {
  { "kya", "きゃ" }, { "kyu", "きゅ" }, { "kyo", "きょ" },
  { "sha", "しゃ" }, { "shu", "しゅ" }, { "sho", "しょ" }, { "she", "しぇ" }, { "shi", "し" },
  { "sya", "しゃ" }, { "syu", "しゅ" }, { "syo", "しょ" },
  { "cha", "ちゃ" }, { "chu", "ちゅ" }, { "cho", "ちょ" }, { "che", "ちぇ" }, { "chi", "ち" },
  { "tya", "ちゃ" }, { "tyu", "ちゅ" }, { "tyo", "ちょ" },
  { "tsu", "つ" },
  { "nya", "にゃ" }, { "nyu", "にゅ" }, { "nyo", "にょ" },
  { "hya", "ひゃ" }, { "hyu", "ひゅ" }, { "hyo", "ひょ" },
  { "mya", "みゃ" }, { "myu", "みゅ" }, { "myo", "みょ" },
  { "rya", "りゃ" }, { "ryu", "りゅ" }, { "ryo", "りょ" },
  { "gya", "ぎゃ" }, { "gyu", "ぎゅ" }, { "gyo", "ぎょ" },
  { "ja", "じゃ" }, { "ju", "じゅ" }, { "jo", "じょ" }, { "je", "じぇ" }, { "ji", "じ" },
  { "zya", "じゃ" }, { "zyu", "じゅ" }, { "zyo", "じょ" },
  { "bya", "びゃ" }, { "byu", "びゅ" }, { "byo", "びょ" },
  { "pya", "ぴゃ" }, { "pyu", "ぴゅ" }, { "pyo", "ぴょ" },
  { "fa", "ふぁ" }, { "fi", "ふぃ" }, { "fu", "ふ" }, { "fe", "ふぇ" }, { "fo", "ふぉ" },
  { "ka", "か" }, { "ki", "き" }, { "ku", "く" }, { "ke", "け" }, { "ko", "こ" },
  { "sa", "さ" }, { "si", "し" }, { "su", "す" }, { "se", "せ" }, { "so", "そ" },
  { "ta", "た" }, { "ti", "ち" }, { "tu", "つ" }, { "te", "て" }, { "to", "と" },
  { "na", "な" }, { "ni", "に" }, { "nu", "ぬ" }, { "ne", "ね" }, { "no", "の" },
  { "ha", "は" }, { "hi", "ひ" }, { "hu", "ふ" }, { "he", "へ" }, { "ho", "ほ" },
  { "ma", "ま" }, { "mi", "み" }, { "mu", "む" }, { "me", "め" }, { "mo", "も" },
  { "ya", "や" }, { "yu", "ゆ" }, { "yo", "よ" },
  { "ra", "ら" }, { "ri", "り" }, { "ru", "る" }, { "re", "れ" }, { "ro", "ろ" },
  { "wa", "わ" }, { "wo", "を" },
  { "ga", "が" }, { "gi", "ぎ" }, { "gu", "ぐ" }, { "ge", "げ" }, { "go", "ご" },
  { "za", "ざ" }, { "zi", "じ" }, { "zu", "ず" }, { "ze", "ぜ" }, { "zo", "ぞ" },
  { "da", "だ" }, { "di", "ぢ" }, { "du", "づ" }, { "de", "で" }, { "do", "ど" },
  { "ba", "ば" }, { "bi", "び" }, { "bu", "ぶ" }, { "be", "べ" }, { "bo", "ぼ" },
  { "pa", "ぱ" }, { "pi", "ぴ" }, { "pu", "ぷ" }, { "pe", "ぺ" }, { "po", "ぽ" },
  { "vu", "ゔ" },
  { "a", "あ" }, { "i", "い" }, { "u", "う" }, { "e", "え" }, { "o", "お" },
};

static inline gboolean
is_vowel (gunichar c)
{
  return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

/**
 * rh_text_romaji_to_hiragana:
 * @chars: lower-case ASCII letters (normalised text)
 * @len: how many
 * @out: a GArray of gunichar to append the hiragana to
 *
 * Reads @chars as romaji, as a clerk types with the input method off
 * (zaikei, pasokon, tantousha): Hepburn or kunrei syllables, a doubled
 * consonant for っ, n or nn for ん.
 *
 * Returns: %TRUE if every letter was read (@out then holds the kana);
 *   %FALSE (with @out as it was) for anything else, such as an English word
 */
static gboolean romaji_to_hiragana (const gunichar *chars,
                                    guint           len,
                                    GArray         *out,
                                    gboolean        syllabic_n);

gboolean
rh_text_romaji_to_hiragana (const gunichar *chars,
                            guint           len,
                            GArray         *out)
{
  return romaji_to_hiragana (chars, len, out, FALSE);
}

gboolean
rh_text_romaji_to_hiragana_n (const gunichar *chars,
                              guint           len,
                              GArray         *out)
{
  return romaji_to_hiragana (chars, len, out, TRUE);
}

/* @syllabic_n: an n between vowels is ん (hanei はんえい, as Hepburn
 * writes han'ei without its apostrophe), not the n of ね */
static gboolean
romaji_to_hiragana (const gunichar *chars,
                    guint           len,
                    GArray         *out,
                    gboolean        syllabic_n)
{
  guint start = out->len;
  guint i = 0;

  while (i < len)
    {
      gunichar c = chars[i];
      gboolean found = FALSE;

      if (c > 0x7f || !g_ascii_islower (c))
        goto fail;

      /* っ: a doubled consonant (tt, kk, tch) */
      if (!is_vowel (c) && c != 'n' && i + 1 < len &&
          (chars[i + 1] == c || (c == 't' && chars[i + 1] == 'c')))
        {
          gunichar small_tsu = 0x3063;

          g_array_append_val (out, small_tsu);
          i++;
          continue;
        }

      /* ん: n before a consonant (but not y), nn, or n at the end */
      if (c == 'n' && (i + 1 == len || (!is_vowel (chars[i + 1]) && chars[i + 1] != 'y') ||
                       (syllabic_n && i > 0 && is_vowel (chars[i - 1]) && is_vowel (chars[i + 1]))))
        {
          gunichar n = 0x3093;

          g_array_append_val (out, n);
          i += (i + 1 < len && chars[i + 1] == 'n' && (i + 2 == len || !is_vowel (chars[i + 2]))) ? 2 : 1;
          continue;
        }

      for (guint k = 0; k < G_N_ELEMENTS (romaji_table) && !found; k++)
        {
          const char *r = romaji_table[k].roma;
          guint rlen = strlen (r);

          if (i + rlen > len)
            continue;
          found = TRUE;
          for (guint j = 0; j < rlen && found; j++)
            found = chars[i + j] == (gunichar)r[j];
          if (found)
            {
              for (const char *p = romaji_table[k].kana; *p != '\0'; p = g_utf8_next_char (p))
                {
                  gunichar u = g_utf8_get_char (p);

                  g_array_append_val (out, u);
                }
              i += rlen;
            }
        }
      if (!found)
        goto fail;
    }

  return TRUE;

fail:
  g_array_set_size (out, start);
  return FALSE;
}

enum { VOWEL_A = 1, VOWEL_I, VOWEL_U, VOWEL_E, VOWEL_O };

/* The vowel any hiragana syllable ends with (VOWEL_A to VOWEL_O); 0 for
 * ん, っ and anything else. */
static guint
syllable_vowel (gunichar c)
{
  static const char *const rows[] = {
    "あぁかがさざただなはばぱまやゃらわ", "いぃきぎしじちぢにひびぴみり",
    "うぅくぐすずつづぬふぶぷむゆゅる", "えぇけげせぜてでねへべぺめれ",
    "おぉこごそぞとどのほぼぽもよょろを",
  };
  char utf8[8] = { 0, };

  if (!is_hiragana (c))
    return 0;
  g_unichar_to_utf8 (c, utf8);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    if (strstr (rows[r], utf8) != NULL)
      return VOWEL_A + r;
  return 0;
}

guint
rh_text_mark_long_vowels (gunichar *chars,
                          guint     len)
{
  static const gunichar plain_vowel[] = { 0, 0x3042, 0x3044, 0x3046, 0x3048, 0x304A };  /* あいうえお */
  guint marked = 0;

  for (guint i = 1; i < len; i++)
    {
      guint vowel = syllable_vowel (chars[i - 1]);

      if (vowel != 0 && chars[i] == plain_vowel[vowel])
        {
          chars[i] = RH_TEXT_LONG_VOWEL;
          marked++;
        }
    }
  return marked;
}

char *
rh_text_dup_short_vowels (const char *reading)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  guint out = 0;
  gunichar *c;

  g_return_val_if_fail (reading != NULL, NULL);

  rh_text_normalize_append (reading, -1, chars, NULL);
  c = (gunichar *)(void *)chars->data;
  for (guint i = 0; i < chars->len; i++)
    {
      guint vowel = out > 0 ? syllable_vowel (c[out - 1]) : 0;

      /* こう こお → こ, にゅう → にゅ, and the mark ー after any kana */
      if (((vowel == VOWEL_U || vowel == VOWEL_O) && c[i] == 0x3046) || (vowel == VOWEL_O && c[i] == 0x304A) ||
          (out > 0 && c[i] == RH_TEXT_LONG_VOWEL))
        continue;
      c[out++] = c[i];
    }
  if (out == chars->len)
    return NULL;
  return g_ucs4_to_utf8 (c, out, NULL, NULL, NULL);
}

char *
rh_text_dup_letter_names (const char *word)
{
  static const char * const names[26] = {
    "えー", "びー", "しー", "でぃー", "いー", "えふ", "じー", "えいち", "あい", "じぇー",
    "けー", "える", "えむ", "えぬ", "おー", "ぴー", "きゅー", "あーる", "えす", "てぃー",
    "ゆー", "ぶい", "だぶりゅー", "えっくす", "わい", "ぜっと",
  };
  g_autofree char *norm = NULL;
  GString *out;
  gsize n;

  g_return_val_if_fail (word != NULL, NULL);

  /* an abbreviation is written in capitals (USB, ＡＴＭ), a word not (Excel) */
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return NULL;
  norm = rh_text_normalize (word);
  n = strlen (norm);
  if (n < 2 || n > 5)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (norm[i]))
      return NULL;

  out = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    g_string_append (out, names[norm[i] - 'a']);
  return g_string_free (out, FALSE);
}
