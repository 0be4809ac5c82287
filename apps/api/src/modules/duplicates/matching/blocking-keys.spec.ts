import { blockingKeyHashes, blockingKeys, hashKey, maxBlockingKeys } from './blocking-keys';
import { fieldSimilarity } from './field-similarity';
import type { MatchKind } from './match-types';

/** Park-Miller: the same "random" cases on every run, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const random = seeded(20240601);
const integer = (below: number) => Math.floor(random() * below);
// a small alphabet makes repeated and equal neighbouring letters, the cases a deletion scheme can get wrong
const letter = () => 'abcdeé1'.charAt(integer(7));

function randomLetters(length: number): string {
  return Array.from({ length }, letter).join('');
}

/** The letters with one random edit: insertion, deletion, substitution or adjacent transposition. */
function oneEdit(letters: string): string {
  const at = integer(letters.length);
  switch (integer(4)) {
    case 0:
      return letters.slice(0, at) + letter() + letters.slice(at);
    case 1:
      return letters.slice(0, at) + letters.slice(at + 1);
    case 2:
      return letters.slice(0, at) + letter() + letters.slice(at + 1);
    default:
      return at + 1 < letters.length ? letters.slice(0, at) + letters.charAt(at + 1) + letters.charAt(at) + letters.slice(at + 2) : letters;
  }
}

/** A normalized name of those letters: words of random lengths, single spaces. */
function spaced(letters: string): string {
  return letters.replace(/(?<=.)(?=.)/g, () => (random() < 0.2 ? ' ' : ''));
}

const sharesKey = (kind: MatchKind, a: string, b: string) => {
  const keys = new Set(blockingKeys(kind, a));
  return blockingKeys(kind, b).some((key) => keys.has(key));
};

describe('blockingKeys', () => {
  it.each([
    ['an email is its own key', 'email', 'john@acme.com', ['email=john@acme.com']],
    ['a phone is its own key', 'phone', '+33123456789', ['phone=+33123456789']],
    ['a text is its own key, typos not forgiven', 'text', 'saint etienne', ['text=saint etienne']],
    ['a short name has exact keys only', 'companyName', 'ace', ['companyName=ace']],
    ['a four-letter name has exact keys only', 'companyName', 'acme', ['companyName=acme']],
    [
      'a longer name has its letters and its one-deletion variants',
      'companyName',
      'dupont',
      [
        'companyName=dupont',
        'companyName~dupont',
        'companyName~upont',
        'companyName~dpont',
        'companyName~duont',
        'companyName~dupnt',
        'companyName~dupot',
        'companyName~dupon',
      ],
    ],
    [
      'a name of words has its sorted words and its letters',
      'personName',
      'martin al',
      [
        'personName=al martin',
        'personName=martinal',
        'personName~martinal',
        'personName~artinal',
        'personName~mrtinal',
        'personName~matinal',
        'personName~marinal',
        'personName~martnal',
        'personName~martial',
        'personName~martinl',
        'personName~martina',
      ],
    ],
    ['a repeated deletion is one key', 'companyName', 'aaaaa', ['companyName=aaaaa', 'companyName~aaaaa', 'companyName~aaaa']],
  ] as [string, MatchKind, string, string[]][])('%s', (_behaviour, kind, normalized, expected) => {
    expect(blockingKeys(kind, normalized)).toEqual(expected);
  });

  it('keeps the keys of different kinds apart', () => {
    const kinds: MatchKind[] = ['companyName', 'personName', 'text', 'email', 'phone', 'website', 'postalCode'];
    const all = kinds.flatMap((kind) => blockingKeys(kind, 'acme corp'));
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives two names one edit apart a shared key (2,000 seeded random pairs)', () => {
    const apart: string[][] = [];
    for (let pair = 0; pair < 2000; pair++) {
      const letters = randomLetters(5 + integer(12));
      const edited = oneEdit(letters);
      if (Math.min(letters.length, edited.length) < 5) continue;
      const [a, b] = [spaced(letters), spaced(edited)];
      if (!sharesKey('companyName', a, b)) apart.push([a, b]);
    }
    expect(apart).toEqual([]);
  });

  it('gives every pair that fieldSimilarity accepts a shared key (2,000 seeded random pairs)', () => {
    const variants = [
      (name: string) => spaced(oneEdit(name.replaceAll(' ', ''))),
      (name: string) => name.split(' ').reverse().join(' '),
      (name: string) => spaced(name.replaceAll(' ', '')),
    ];
    let accepted = 0;
    const apart: string[][] = [];
    for (let pair = 0; pair < 2000; pair++) {
      const a = spaced(randomLetters(1 + integer(14)));
      const b = variants[integer(variants.length)](a);
      if (b === '' || fieldSimilarity('personName', a, b) === 0) continue;
      accepted++;
      if (!sharesKey('personName', a, b)) apart.push([a, b]);
    }
    expect(apart).toEqual([]);
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe('blockingKeyHashes', () => {
  it('are the hashes of blockingKeys, exact keys first (500 seeded random values)', () => {
    const kinds: MatchKind[] = ['companyName', 'personName', 'email', 'postalCode'];
    for (let value = 0; value < 500; value++) {
      const kind = kinds[value % kinds.length];
      const normalized = spaced(randomLetters(1 + integer(30)));
      const out = new Int32Array(maxBlockingKeys(kind, normalized));
      const { exact, total } = blockingKeyHashes(kind, normalized, out);
      const keys = blockingKeys(kind, normalized);
      const exactKeys = keys.filter((key) => key.charAt(kind.length) === '=');
      expect(new Set(out.slice(0, exact))).toEqual(new Set(exactKeys.map(hashKey)));
      expect(new Set(out.slice(exact, total))).toEqual(new Set(keys.filter((key) => !exactKeys.includes(key)).map(hashKey)));
    }
  });
});
