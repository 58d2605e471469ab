import { DomainError } from './domain-error';
import { optionalText, requiredText, slugList } from './text-rules';

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.field}: ${error.message}`;
    throw error;
  }
  throw new Error('accepted');
};

describe('text rules', () => {
  it('keeps any visible text, trimmed: accents, emoji, right-to-left scripts, line breaks, markup', () => {
    for (const text of ['Robin Kniech', 'Pérez Ñúñez 😀', 'שלום עולם', 'Line one\nline two\ttabbed', "<b>'; DROP TABLE events; --</b>", 'a\u200Bb']) {
      expect(requiredText(` ${text} `, 'name', 200)).toBe(text);
    }
  });

  it.each([
    ['empty', '', 'BAD_USER_INPUT name: name must not be empty'],
    ['only spaces', ' \t\n ', 'BAD_USER_INPUT name: name must not be empty'],
    ['too long', 'x'.repeat(201), 'BAD_USER_INPUT name: name must be at most 200 characters'],
    ['NUL', '\u0000', 'BAD_USER_INPUT name: name must not contain control characters (U+0000 at position 0)'],
    ['an escape sequence', 'Robin \u001B[31mKniech', 'BAD_USER_INPUT name: name must not contain control characters (U+001B at position 6)'],
    ['a C1 control', 'Robin\u0085', 'BAD_USER_INPUT name: name must not contain control characters (U+0085 at position 5)'],
    ['only invisible format characters', '\u200F\u200E\u200B', 'BAD_USER_INPUT name: name must contain a visible character'],
    ['not a string', 42, 'BAD_USER_INPUT name: name must not be empty'],
  ])('refuses %s', (_, value, message) => {
    expect(refusal(() => requiredText(value, 'name', 200))).toBe(message);
  });

  it('treats absent optional text as null and checks any other value', () => {
    expect(optionalText(undefined, 'summary', 10)).toBeNull();
    expect(optionalText(null, 'summary', 10)).toBeNull();
    expect(refusal(() => optionalText('\u0000', 'summary', 10))).toMatch(/control characters/);
  });

  it('caps a list of tokens before looking at its entries, and finds a duplicate in one pass', () => {
    expect(slugList(['release-date-time', 'address'], 'dataCategories', 1)).toEqual(['release-date-time', 'address']);
    expect(refusal(() => slugList(Array.from({ length: 101 }, () => 'NOT A SLUG'), 'dataCategories'))).toBe(
      'BAD_USER_INPUT dataCategories: dataCategories lists 101 entries; at most 100 are allowed',
    );
    expect(refusal(() => slugList(['a', 'b', 'a'], 'dataCategories'))).toBe('BAD_USER_INPUT dataCategories: dataCategories lists a twice');
    expect(refusal(() => slugList([], 'dataCategories', 1))).toBe('BAD_USER_INPUT dataCategories: dataCategories must list at least one entry');
  });
});
