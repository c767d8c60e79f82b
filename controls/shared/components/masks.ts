/**
 * Input masks for identifiers people type. A mask keeps only the characters that count (digits) and lays them out
 * in a pattern, so `12345678901` and `123 456 789 01` both show as `123-456-789 01`. Validation is the contract's job:
 * a mask only shapes what is typed, it never decides whether the value is right.
 */
export interface Mask {
  /** What the field shows for whatever the user typed or pasted. */
  format(text: string): string;
  /** How many significant characters (digits) a text holds: keeps the caret after the same digit when reformatting. */
  count(text: string): number;
  /** The formatted position right after the `n`-th significant character. */
  positionAfter(formatted: string, n: number): number;
  /** True when every slot of the pattern is filled. */
  complete(text: string): boolean;
  /** Placeholder showing the pattern, e.g. `___-___-___ __`. */
  placeholder: string;
}

const isDecimalDigit = (ch: string) => ch >= '0' && ch <= '9';

function digitsOf(text: string): string {
  let out = '';
  for (const ch of text) if (isDecimalDigit(ch)) out += ch;
  return out;
}

function positionAfterDigits(formatted: string, n: number): number {
  if (n <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (isDecimalDigit(formatted[i]!)) {
      seen++;
      if (seen === n) return i + 1;
    }
  }
  return formatted.length;
}

/**
 * A digit pattern: `9` is a digit slot, anything else a literal placed between digits
 * (`999-999-999 99`). Literals appear only once a digit follows them, so deleting backwards feels natural.
 */
export function patternMask(pattern: string): Mask {
  const slots = [...pattern].filter((ch) => ch === '9').length;
  return {
    format(text) {
      const digits = digitsOf(text).slice(0, slots);
      let out = '';
      let d = 0;
      for (const ch of pattern) {
        if (d >= digits.length) break;
        if (ch === '9') out += digits[d++];
        else out += ch;
      }
      return out;
    },
    count: (text) => Math.min(slots, digitsOf(text).length),
    positionAfter: positionAfterDigits,
    complete: (text) => digitsOf(text).length >= slots,
    placeholder: pattern.replace(/9/g, '_'),
  };
}

/** СНИЛС `XXX-XXX-XXX YY`. */
export const SNILS_MASK = patternMask('999-999-999 99');
/** Паспорт РФ `XX XX XXXXXX`. */
export const PASSPORT_MASK = patternMask('99 99 999999');
/** Дата `ДД.ММ.ГГГГ` (a control shows its localised pattern as the placeholder). */
export const DATE_MASK = patternMask('99.99.9999');

/**
 * Полис ОМС in one field: only digits → ЕНП grouped `XXXX XXXX XXXX XXXX` (16 digits); anything with a letter is an
 * old policy "series number" and is left as typed (`policyFromText` of the contract reads it).
 */
export const POLICY_MASK: Mask = {
  format(text) {
    if (/[^\d\s-]/.test(text)) return text.replace(/\s{2,}/g, ' ').slice(0, 40);
    const digits = digitsOf(text).slice(0, 16);
    return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  },
  count(text) {
    return /[^\d\s-]/.test(text) ? text.length : Math.min(16, digitsOf(text).length);
  },
  positionAfter(formatted, n) {
    return /[^\d\s]/.test(formatted) ? Math.min(n, formatted.length) : positionAfterDigits(formatted, n);
  },
  complete: (text) => /[^\d\s-]/.test(text) || digitsOf(text).length >= 16,
  placeholder: '____ ____ ____ ____',
};

/** `ДД.ММ.ГГГГ` (complete) → `ГГГГ-ММ-ДД` for the contract; null while incomplete. Does not check the calendar. */
export function isoFromDateMask(text: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** `ГГГГ-ММ-ДД` → `ДД.ММ.ГГГГ`; anything else unchanged. */
export function dateMaskFromIso(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
