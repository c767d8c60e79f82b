import type { Mask } from './masks';

/**
 * Russian phone `+7 (XXX) XXX-XX-XX`. The country code is shown by the mask, never counted as a typed digit: a first
 * `8` or `7` in an empty field (or in an 11-digit paste) becomes the `+7 (` prefix, as people dial 8 for it.
 * What it shows reads back with the contract's `normalizePhone`.
 */
const PREFIX = '+7 (';
const PATTERN = '+7 (999) 999-99-99';
const NATIONAL_DIGITS = 10;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The national digits (without the country code) a text holds, and whether a country code was given. */
function national(text: string): { digits: string; hadCountryCode: boolean } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('+7')) return { digits: digitsOf(trimmed.slice(2)).slice(0, NATIONAL_DIGITS), hadCountryCode: true };
  const all = digitsOf(trimmed);
  // 10 digits are a national number even when they begin with 8 (8 800 …); otherwise a leading 8/7 is the trunk code.
  if (all.length !== NATIONAL_DIGITS && (all[0] === '8' || all[0] === '7')) {
    return { digits: all.slice(1, 1 + NATIONAL_DIGITS), hadCountryCode: true };
  }
  return { digits: all.slice(0, NATIONAL_DIGITS), hadCountryCode: false };
}

export const PHONE_MASK: Mask = {
  format(text) {
    const { digits } = national(text);
    if (digits.length === 0) {
      // A typed 8 or 7 shows the prefix; deleting back to the prefix clears the field.
      return !text.trimStart().startsWith('+7') && digitsOf(text).length > 0 ? PREFIX : '';
    }
    let out = '';
    let d = 0;
    for (const ch of PATTERN) {
      if (d >= digits.length) break;
      if (ch === '9' && out.length >= PREFIX.length) out += digits[d++];
      else out += ch;
    }
    return out;
  },
  count: (text) => national(text).digits.length,
  positionAfter(formatted, n) {
    if (n <= 0) return formatted.startsWith(PREFIX) ? PREFIX.length : 0;
    let seen = 0;
    for (let i = PREFIX.length; i < formatted.length; i++) {
      const ch = formatted[i]!;
      if (ch >= '0' && ch <= '9' && ++seen === n) return i + 1;
    }
    return formatted.length;
  },
  complete: (text) => national(text).digits.length === NATIONAL_DIGITS,
  placeholder: '+7 (___) ___-__-__',
};
