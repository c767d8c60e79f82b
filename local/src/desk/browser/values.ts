/**
 * Column values between the forms' record (Web API JSON: ISO date strings, choice numbers, booleans, lookups as
 * `_x_value`) and what PCF hands controls (`raw`: Date for date and time, number, boolean, string; `formatted` as the
 * user's language shows it), and back from a control's outputs.
 */
import type { ModelChoice, ModelColumn } from '@eer/solution';

export type Lcid = 1049 | 1033;
export const TIME_ZONE = 'Europe/Moscow';

export const locale = (lcid: Lcid) => (lcid === 1033 ? 'en-US' : 'ru-RU');

/** The name a column has in a Web API row: lookups as `_x_value`. */
export function rowName(column: ModelColumn): string {
  return column.type === 'lookup' || column.type === 'owner' ? `_${column.logicalName}_value` : column.logicalName;
}

export function optionsOf(column: ModelColumn, choices: Record<string, ModelChoice>): Array<{ value: number; label: { ru: string; en: string } }> {
  return (column.choice ? choices[column.choice]?.options : column.options) ?? [];
}

/** The raw value PCF passes for a stored column value. */
export function rawOf(column: ModelColumn | undefined, value: unknown): unknown {
  if (value === undefined || value === null) return column?.type === 'bit' ? false : null;
  if (column?.type === 'datetime' && typeof value === 'string') return new Date(column.dateOnly ? `${value}T00:00:00Z` : value);
  return value;
}

export function formatValue(column: ModelColumn | undefined, value: unknown, lcid: Lcid, choices: Record<string, ModelChoice>): string {
  if (value === undefined || value === null || value === '') return '';
  const lang = lcid === 1033 ? 'en' : 'ru';
  switch (column?.type) {
    case 'datetime': {
      const date = new Date(typeof value === 'string' && column.dateOnly ? `${value}T00:00:00Z` : String(value));
      return new Intl.DateTimeFormat(locale(lcid), {
        timeZone: column.dateOnly ? 'UTC' : TIME_ZONE,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        ...(column.dateOnly ? {} : { hour: '2-digit', minute: '2-digit' }),
      }).format(date);
    }
    case 'int':
      return new Intl.NumberFormat(locale(lcid), { maximumFractionDigits: 0 }).format(Number(value));
    case 'decimal':
      return new Intl.NumberFormat(locale(lcid), { minimumFractionDigits: column.precision ?? 2, maximumFractionDigits: column.precision ?? 2 }).format(Number(value));
    case 'bit': {
      const option = column.options?.find((o) => o.value === (value ? 1 : 0));
      return option ? option.label[lang] : value ? (lang === 'ru' ? 'Да' : 'Yes') : lang === 'ru' ? 'Нет' : 'No';
    }
    case 'picklist':
    case 'state':
    case 'status':
      return optionsOf(column, choices).find((o) => o.value === value)?.label[lang] ?? String(value);
    default:
      return String(value);
  }
}

/** A control output as the column's stored value; `undefined` when the output is not a value for that column. */
export function storedOf(column: ModelColumn, output: unknown): unknown {
  if (output === undefined) return undefined;
  if (output === null) return null;
  switch (column.type) {
    case 'datetime': {
      const date = output instanceof Date ? output : typeof output === 'string' || typeof output === 'number' ? new Date(output) : null;
      if (!date || Number.isNaN(date.getTime())) return undefined;
      return column.dateOnly ? date.toISOString().slice(0, 10) : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case 'int':
    case 'decimal':
    case 'picklist':
    case 'state':
    case 'status':
      return typeof output === 'number' && Number.isFinite(output) ? output : typeof output === 'string' && output.trim() !== '' ? Number(output) : null;
    case 'bit':
      return Boolean(output);
    case 'nvarchar':
    case 'ntext':
      return typeof output === 'string' ? output : String(output);
    default:
      return undefined;
  }
}

/** A static (input) property value of the form XML as the raw value of its declared type. */
export function staticRaw(type: string, text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  if (/^(Whole|Decimal|FP|Currency)/.test(type)) return Number(text);
  if (type === 'TwoOptions') return text === 'true' || text === '1';
  if (type.startsWith('DateAndTime')) return new Date(text);
  return text;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}
