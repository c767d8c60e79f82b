/**
 * The search form's logic, apart from React: what the operator typed → the contract query to send (or none yet)
 * and the message to show under each field. Messages are the contract's (`validate` → `describeIssue`), in the
 * user's language, so the control and the function app word a bad SNILS the same way.
 */
import {
  PatientSearchQuery,
  policyFromText,
  validate,
  type ApiBody,
  type Lang,
} from '@eer/contract';
import { DATE_MASK, PASSPORT_MASK, POLICY_MASK, SNILS_MASK, isoFromDateMask } from '../shared/components/masks';

export const SEARCH_FIELDS = ['fullName', 'birthDate', 'policy', 'snils', 'passport'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** What each field shows (masked text) and whether the operator has left it once. */
export type SearchInputs = Record<SearchField, string>;
export type TouchedFields = Partial<Record<SearchField, boolean>>;

export const EMPTY_INPUTS: SearchInputs = { fullName: '', birthDate: '', policy: '', snils: '', passport: '' };

export type SearchQueryBody = ApiBody<'searchPatients'>;

export interface SearchFormState {
  /** The query to send: every filled field complete and valid; null when there is nothing (valid) to search by. */
  query: SearchQueryBody | null;
  /** Message per field, shown under it: for a complete value at once, for a partial one after the field is left. */
  issues: Partial<Record<SearchField, string>>;
  /** Fields that take part in `query`. */
  used: SearchField[];
}

const LETTERS = /[A-Za-zА-Яа-яЁё]/gu;
const NOT_NAME = /[^A-Za-zА-Яа-яЁё'’ -]/u;

/** True once the value is worth checking while the operator is still in the field. */
function isComplete(field: SearchField, text: string): boolean {
  switch (field) {
    case 'fullName':
      return (text.match(LETTERS) ?? []).length >= 2 || NOT_NAME.test(text);
    case 'birthDate':
      return DATE_MASK.complete(text);
    case 'policy':
      return POLICY_MASK.complete(text) && (policyFromText(text) !== null || /^[\d\s]+$/.test(text));
    case 'snils':
      return SNILS_MASK.complete(text);
    case 'passport':
      return PASSPORT_MASK.complete(text);
  }
}

/** The value the contract gets for a field (a partial one too: then its issue says what is missing). */
function contractValue(field: SearchField, text: string): unknown {
  switch (field) {
    case 'birthDate':
      return isoFromDateMask(text) ?? text;
    case 'policy': {
      const parsed = policyFromText(text);
      if (parsed !== null) return parsed;
      if (/^[\d\s-]+$/.test(text)) return text;
      // "АБ" without a number, "АБ-12x": check it as an old policy so the message names the part that is wrong
      const at = text.search(/[\s№]/u);
      return at < 0 ? { series: text, number: '' } : { series: text.slice(0, at), number: text.slice(at + 1).trim() };
    }
    default:
      return text;
  }
}

/** Top-level field of an issue path: `policy.number` → `policy`. */
function fieldOf(path: string): SearchField | null {
  const head = path.split(/[.[]/)[0] as SearchField;
  return (SEARCH_FIELDS as readonly string[]).includes(head) ? head : null;
}

export function evaluateSearch(inputs: SearchInputs, touched: TouchedFields, lang: Lang, limit: number): SearchFormState {
  const filled = SEARCH_FIELDS.filter((f) => inputs[f].trim() !== '');
  if (filled.length === 0) return { query: null, issues: {}, used: [] };

  const data: Record<string, unknown> = { limit };
  for (const f of filled) data[f] = contractValue(f, inputs[f].trim());
  const checked = validate(PatientSearchQuery, data, lang);
  const allIssues: Partial<Record<SearchField, string>> = {};
  if (!checked.success) {
    for (const issue of checked.issues) {
      const f = fieldOf(issue.field);
      if (f && allIssues[f] === undefined) allIssues[f] = issue.message;
    }
  }

  const issues: Partial<Record<SearchField, string>> = {};
  const used: SearchField[] = [];
  let blocked = false;
  for (const f of filled) {
    const complete = isComplete(f, inputs[f].trim());
    const issue = allIssues[f];
    if (issue !== undefined && (complete || touched[f])) {
      issues[f] = issue;
      blocked = true;
    } else if (complete && issue === undefined) {
      used.push(f);
    }
  }
  // A wrong value stops the search: results for the other fields alone would look like an answer to all of them.
  if (blocked || used.length === 0) return { query: null, issues, used: [] };

  const query: Record<string, unknown> = { limit };
  for (const f of used) query[f] = contractValue(f, inputs[f].trim());
  const parsed = validate(PatientSearchQuery, query, lang);
  return parsed.success ? { query: parsed.data as SearchQueryBody, issues, used } : { query: null, issues, used: [] };
}
