/**
 * Log hygiene: scans log lines for the personal data of the sandbox MIS's patients — full names, SNILS, ЕНП/policy,
 * passport and phone numbers of every seeded patient (2,000 by default, the fixtures among them), in the forms they
 * are written in (digits only, or grouped: `112-233-445 95`, `45 06 123456`, `+7 (916) 123-45-67`).
 *
 * Only full identifiers and full names count: a number is a finding when its digits, taken between two boundaries of
 * a number in the line, are exactly an identifier — so a longer number (a timestamp, a count) that happens to contain
 * one is not. Findings name the file, the line and the kind, never the value.
 *
 *   node tests/dist/reliability/scanLogs.js <log file>…      (npm test runs it on the run's log: EER_LOG_FILE)
 */
import * as fs from 'node:fs';
import { buildRegion } from '@eer/local';

export interface Needles {
  /** Identifier digits (10, 11 or 16 digits) → kind. */
  digits: Map<string, string>;
  /** Lower-cased "family given" and "family given patronymic". */
  names: Set<string>;
  /** Identifiers that are not all digits (old-form policies «series number»). */
  texts: string[];
  patients: number;
}

interface FhirPatient {
  resourceType: string;
  name?: Array<{ family?: string; given?: string[]; text?: string }>;
  identifier?: Array<{ system?: string; value?: string }>;
  telecom?: Array<{ system?: string; value?: string }>;
}

const lower = (s: string) => s.toLowerCase().replace(/ё/g, 'е');

function addPhone(needles: Needles, value: string): void {
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 11) return;
  const local = digits.slice(1);
  for (const d of [`7${local}`, `8${local}`, local]) needles.digits.set(d, 'phone');
}

/** Needles for the patients of the given sandbox seeds. */
export function needlesFor(seeds: Array<{ seed: number; patients: number }>): Needles {
  const needles: Needles = { digits: new Map(), names: new Set(), texts: [], patients: 0 };
  const seen = new Set<string>();
  for (const { seed, patients } of seeds) {
    const key = `${seed}/${patients}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Patients do not depend on the date (only slot times do).
    for (const resource of buildRegion({ seed, patients, now: new Date() }) as FhirPatient[]) {
      if (resource.resourceType !== 'Patient') continue;
      needles.patients++;
      addPerson(needles, resource);
    }
  }
  return needles;
}

/** Adds one person (a FHIR Patient, or the data a test typed in) to the needles. */
export function addPerson(needles: Needles, person: FhirPatient): void {
  const name = person.name?.[0];
  const words = [name?.family, ...(name?.given ?? [])].filter((w): w is string => !!w);
  if (words.length >= 2) {
    needles.names.add(lower(words.slice(0, 2).join(' ')));
    needles.names.add(lower(words.join(' ')));
  }
  for (const id of person.identifier ?? []) {
    const value = id.value ?? '';
    const digits = value.replace(/\D/g, '');
    if (/snils/.test(id.system ?? '') && digits.length === 11) needles.digits.set(digits, 'snils');
    else if (/oms/.test(id.system ?? '') && digits.length === 16 && digits === value) needles.digits.set(digits, 'policy');
    else if (/oms/.test(id.system ?? '') && value.length >= 8) needles.texts.push(value);
    else if (/identity-document/.test(id.system ?? '') && digits.length === 10) needles.digits.set(digits, 'passport');
  }
  for (const t of person.telecom ?? []) if (t.system === 'phone' && t.value) addPhone(needles, t.value);
}

export interface Finding {
  line: number;
  kind: string;
}

const NUMBER_RUN = /[\d+(][\d\s()+-]*\d/g;
const CYRILLIC_WORD = /[А-ЯЁа-яё]+/g;

/** Findings in one line (0, 1 or more). */
export function scanLine(line: string, needles: Needles): string[] {
  const found: string[] = [];
  // Numbers: every run of digits with the separators identifiers are written with; within it, every stretch from
  // the start of one digit group to the end of another is a candidate.
  // One finding per run of digits is enough (`+7 (916) 123-45-67` holds the 11- and the 10-digit form).
  for (const run of line.match(NUMBER_RUN) ?? []) {
    const groups = run.match(/\d+/g) ?? [];
    let kind: string | undefined;
    for (let i = 0; i < groups.length && !kind; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length < 16 && !kind; j++) {
        digits += groups[j];
        kind = needles.digits.get(digits);
      }
    }
    if (kind) found.push(kind);
  }
  // Names: two or three consecutive Cyrillic words.
  const words = (line.match(CYRILLIC_WORD) ?? []).map(lower);
  for (let i = 0; i + 1 < words.length; i++) {
    if (needles.names.has(`${words[i]} ${words[i + 1]}`) || (i + 2 < words.length && needles.names.has(`${words[i]} ${words[i + 1]} ${words[i + 2]}`))) {
      found.push('name');
    }
  }
  for (const text of needles.texts) if (line.includes(text)) found.push('policy');
  return found;
}

export function scanLines(lines: string[], needles: Needles): Finding[] {
  const findings: Finding[] = [];
  lines.forEach((line, index) => {
    for (const kind of scanLine(line, needles)) findings.push({ line: index + 1, kind });
  });
  return findings;
}

/** The sandbox seeds the stacks of a log announced (`stack: sandbox MIS seed=122 patients=2000`), and the default. */
export function seedsIn(lines: string[]): Array<{ seed: number; patients: number }> {
  const seeds = [{ seed: 122, patients: 2000 }];
  for (const line of lines) {
    const m = /stack: sandbox MIS seed=(\d+) patients=(\d+)/.exec(line);
    if (m) seeds.push({ seed: Number(m[1]), patients: Number(m[2]) });
  }
  return seeds;
}

/** Scans log files; prints what it scanned and the findings (file:line kind). Returns the number of findings. */
export function scanFiles(files: string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): number {
  const logs = files.filter((f) => fs.existsSync(f)).map((f) => ({ file: f, lines: fs.readFileSync(f, 'utf8').split('\n') }));
  const all = logs.flatMap((l) => l.lines);
  const seeds = seedsIn(all);
  const needles = needlesFor(seeds);
  let count = 0;
  for (const { file, lines } of logs) {
    const findings = scanLines(lines, needles);
    count += findings.length;
    for (const f of findings.slice(0, 50)) out(`  ${file}:${f.line} ${f.kind}`);
  }
  const stacks = all.filter((l) => /stack: sandbox MIS seed=/.test(l)).length;
  out(
    `log hygiene: ${all.length} lines from ${stacks} stack(s) in ${logs.length} file(s) scanned for ${needles.patients} patients ` +
      `(${needles.digits.size} numbers, ${needles.names.size} names, ${needles.texts.length} old-form policies): ${count === 0 ? 'clean' : `${count} finding(s)`}`,
  );
  return count;
}

if (require.main === module) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('usage: node tests/dist/reliability/scanLogs.js <log file>…\n');
    process.exit(2);
  }
  process.exit(scanFiles(files) === 0 ? 0 : 1);
}
