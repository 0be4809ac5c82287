/**
 * Letters that Unicode decomposition leaves alone (they are letters of their own, not a letter plus an
 * accent), spelled the way people type them on a keyboard without them.
 */
const LETTER_SPELLINGS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPELLED_LETTERS = /[ßæœøłđðþı]/g;
const COMBINING_MARKS = /\p{M}/gu;
/** Dots and apostrophes join what they separate: "A.C.M.E." is ACME, "L'Oréal" is Loreal. */
const JOINING_MARKS = /[.'’‘`]/g;
const WORDS = /[\p{L}\p{N}]+/gu;
/** Printable ASCII: a space to a tilde. */
const ONLY_ASCII = /^[ -~]*$/;

/**
 * The words of a text, folded so that what people write differently compares equal: lower case, no
 * accents, no punctuation. NFKD rather than NFD also folds the compatibility forms that come with
 * copy-paste (ligatures such as "ﬁ", full-width letters).
 */
export function foldTokens(raw: string): string[] {
  // decomposed before lower-casing, as a compatibility form may decompose to capitals ("㎒" is "MHz");
  // plain ASCII, most names, has nothing to decompose
  const folded = ONLY_ASCII.test(raw)
    ? raw.toLowerCase()
    : raw
        .normalize('NFKD')
        .toLowerCase()
        .replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter] ?? letter)
        .replace(COMBINING_MARKS, '');
  return folded.replace(JOINING_MARKS, '').match(WORDS) ?? [];
}
