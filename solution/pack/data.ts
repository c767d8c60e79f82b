/**
 * Reference rows the admin loads after import (solutions carry no data): IVR topics with greeting scripts, call types,
 * narrow specialties, information articles. Kept as JSON keyed by column logical names — the same shape as a Web API
 * create body — and checked against the solution model; the packer also writes them as CSV for the import wizard.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { solutionPaths } from './config';
import type { ModelColumn, SolutionModel } from './readModel';

export type SeedValue = string | number | boolean | null;
export interface SeedTable {
  table: string;
  description: string;
  rows: Record<string, SeedValue>[];
}

export function readSeedData(dir: string = solutionPaths().data): SeedTable[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SeedTable);
}

function valueProblem(column: ModelColumn, value: SeedValue, model: SolutionModel): string | null {
  if (value === null) return column.required === 'required' ? 'required' : null;
  switch (column.type) {
    case 'nvarchar':
    case 'ntext':
      if (typeof value !== 'string') return 'not text';
      return column.maxLength !== undefined && value.length > column.maxLength ? `longer than ${column.maxLength}` : null;
    case 'int':
    case 'decimal':
      if (typeof value !== 'number' || (column.type === 'int' && !Number.isInteger(value))) return 'not a number';
      return (column.min !== undefined && value < column.min) || (column.max !== undefined && value > column.max) ? 'out of range' : null;
    case 'bit':
      return typeof value === 'boolean' ? null : 'not true/false';
    case 'picklist': {
      const options = model.choices[column.choice ?? '']?.options ?? [];
      return options.some((o) => o.value === value) ? null : 'not a choice value';
    }
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'not a date';
    default:
      return 'column type not loadable from data';
  }
}

/** Problems of the seed rows against the model, as `table[row].column: problem` (empty when all is well). */
export function checkSeedData(seed: SeedTable[], model: SolutionModel): string[] {
  const problems: string[] = [];
  for (const s of seed) {
    const table = model.tables[s.table];
    if (!table) {
      problems.push(`${s.table}: no such table`);
      continue;
    }
    s.rows.forEach((row, i) => {
      for (const [name, value] of Object.entries(row)) {
        const column = table.columns.find((c) => c.logicalName === name);
        if (!column || !column.custom) {
          problems.push(`${s.table}[${i}].${name}: no such column`);
          continue;
        }
        const problem = valueProblem(column, value, model);
        if (problem) problems.push(`${s.table}[${i}].${name}: ${problem}`);
      }
      for (const c of table.columns.filter((x) => x.custom && x.required === 'required')) {
        if (row[c.logicalName] === undefined || row[c.logicalName] === null) problems.push(`${s.table}[${i}].${c.logicalName}: required`);
      }
    });
  }
  return problems;
}

const csvCell = (v: SeedValue): string => {
  if (v === null) return '';
  const s = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV for Power Apps' "Import data from Excel/CSV": headers are the Russian display names (the import maps them to
 * columns), UTF-8 with a BOM so Excel opens Cyrillic correctly, yes/no as 1/0.
 */
export function seedCsv(seed: SeedTable, model: SolutionModel): string {
  const table = model.tables[seed.table];
  if (!table) throw new Error(`${seed.table}: no such table`);
  const names = [...new Set(seed.rows.flatMap((r) => Object.keys(r)))];
  const header = names.map((n) => table.columns.find((c) => c.logicalName === n)?.displayName.ru ?? n);
  const lines = [header.map(csvCell).join(','), ...seed.rows.map((r) => names.map((n) => csvCell(r[n] ?? null)).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
