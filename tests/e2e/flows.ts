/**
 * The operator's steps on the controls, as the manual describes them, for the end-to-end tests and the desk
 * benchmark; and the timings they measure (written to test-artifacts/e2e/timings.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSeedData } from '@eer/solution';
import { UI_TIMEOUT_MS, type DeskSession } from './deskSession';

/** Fixture patients of the sandbox MIS (local/src/sandboxMis/README.md), the same in every seed. */
export const FIXTURES = {
  adult: { id: 'pat-fx-adult', name: 'Вересаев Глеб Аркадьевич', snils: '11223344595', phone: '+79161234567' },
  withTicket: { id: 'pat-fx-with-ticket', name: 'Шубин Алексей Петрович', snils: '67891234553', phone: '+79161110001', ticketId: 'appt-fx-1' },
  familyMother: { id: 'pat-fx-family-1', name: 'Ермолаева Ольга Викторовна', snils: '45678912344', phone: '+79995550011' },
  unattached: { id: 'pat-fx-unattached', name: 'Голованова Вера Павловна', snils: '89123456726', phone: '+79161110003' },
} as const;
export type Fixture = (typeof FIXTURES)[keyof typeof FIXTURES];

const CALL_TYPES = new Map(
  readSeedData()
    .find((t) => t.table === 'eer_calltype')!
    .rows.map((r) => [String(r.eer_key), String(r.eer_name)]),
);

/** The Russian name of a call type (what the operator picks) by its key. */
export function callTypeName(key: string): string {
  const name = CALL_TYPES.get(key);
  if (!name) throw new Error(`no call type ${key} in solution/data`);
  return name;
}

// ---- timings ----------------------------------------------------------------------------------------------------

const TIMINGS_FILE = path.join(__dirname, '..', '..', 'test-artifacts', 'e2e', 'timings.json');
const timings: Record<string, number[]> = {};

export function recordTiming(name: string, ms: number): void {
  (timings[name] ??= []).push(Math.round(ms));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export function summary(): Record<string, { n: number; p50: number; p95: number; max: number }> {
  return Object.fromEntries(
    Object.entries(timings).map(([name, values]) => [name, { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) }]),
  );
}

export function writeTimings(): void {
  fs.mkdirSync(path.dirname(TIMINGS_FILE), { recursive: true });
  fs.writeFileSync(TIMINGS_FILE, JSON.stringify({ timings, summary: summary() }, null, 2));
}

// ---- steps --------------------------------------------------------------------------------------------------------

/** Resolves with Date.now() in the page when `text` appears inside the control (MutationObserver; page clock). */
async function watchText(s: DeskSession, control: string, text: string): Promise<() => Promise<number>> {
  await s.page.evaluate(
    `(() => {
      window.__seenAt = undefined;
      const root = () => document.querySelector('[data-control="${control}"]');
      const seen = () => { const r = root(); return r && [...r.querySelectorAll('[role="option"]')].some((o) => (o.textContent || '').includes(${JSON.stringify(text)})); };
      if (seen()) { window.__seenAt = Date.now(); return; }
      const observer = new MutationObserver(() => { if (window.__seenAt === undefined && seen()) { window.__seenAt = Date.now(); observer.disconnect(); } });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    })()`,
  );
  return async () => {
    await s.page.waitForFunction('window.__seenAt !== undefined', null, { timeout: UI_TIMEOUT_MS });
    return (await s.page.evaluate('window.__seenAt')) as number;
  };
}

/**
 * «Обращение» tab: types the patient's SNILS (manual §3, fig. 4), waits for the patient in the list, opens the card.
 * Records `snilsToListMs`: from the typed SNILS to the patient shown in the list.
 */
export async function identifyBySnils(s: DeskSession, patient: Fixture): Promise<number> {
  await s.tab('Обращение');
  const search = s.control('PatientSearch');
  const snils = search.getByRole('textbox', { name: /^СНИЛС/ });
  await snils.waitFor({ timeout: UI_TIMEOUT_MS });
  const listed = await watchText(s, 'PatientSearch', patient.name);
  const typedAt = Date.now();
  await snils.pressSequentially(patient.snils);
  const shownAt = await listed();
  const ms = shownAt - typedAt;
  recordTiming('snilsToListMs', ms);
  await search.getByRole('option', { name: new RegExp(patient.name) }).first().click();
  await search.getByText('Основная информация о пациенте').waitFor({ timeout: UI_TIMEOUT_MS });
  return ms;
}

/**
 * «Запись на приём» tab (manual §4.1, §4.2): district doctor, or a narrow specialist chosen in «Услуга»; search,
 * the first day with free time (chosen by itself), the first free time, ОК. Answers the booked slot's id.
 */
export async function bookFirstFreeTime(s: DeskSession, mode: 'district' | 'narrow', specialty?: string): Promise<string> {
  await s.tab('Запись на приём');
  const picker = s.control('SlotPicker');
  if (mode === 'district') {
    await picker.getByRole('tab', { name: 'К участковому специалисту' }).click();
    const search = picker.getByRole('button', { name: 'Поиск', exact: true });
    await search.waitFor({ timeout: UI_TIMEOUT_MS });
    await picker.locator('button:has-text("Поиск"):not([disabled])').waitFor({ timeout: UI_TIMEOUT_MS });
    await search.click();
  } else {
    await picker.getByRole('tab', { name: 'К узкому специалисту' }).click();
    const service = picker.getByRole('combobox', { name: /Услуга/ });
    await service.click();
    await service.fill(specialty ?? '');
    await s.page.getByRole('option', { name: specialty, exact: true }).click();
  }
  const firstTime = picker.locator('[data-testid="time-grid"] button[data-slot-id]').first();
  await firstTime.waitFor({ timeout: UI_TIMEOUT_MS });
  const slotId = (await firstTime.getAttribute('data-slot-id'))!;
  await firstTime.click();
  const dialog = s.page.getByRole('alertdialog', { name: /Подтвердите запись на приём/ });
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  await dialog.getByRole('button', { name: 'ОК', exact: true }).click();
  await picker.getByText('Запись на приём оформлена').first().waitFor({ timeout: UI_TIMEOUT_MS });
  return slotId;
}

/** «Талоны пациента» (manual §4, fig. 8): «Отменить» on the ticket, confirmed. */
export async function cancelTicket(s: DeskSession, doctorOrDate: RegExp): Promise<void> {
  await s.tab('Запись на приём');
  const picker = s.control('SlotPicker');
  const cancel = picker.getByRole('button', { name: new RegExp(`^Отменить: .*${doctorOrDate.source}`) }).first();
  await cancel.waitFor({ timeout: UI_TIMEOUT_MS });
  await cancel.click();
  const dialog = s.page.getByRole('alertdialog', { name: /Отменить запись/ });
  await dialog.getByRole('button', { name: 'Отменить запись', exact: true }).click();
  await picker.getByText('Запись отменена').first().waitFor({ timeout: UI_TIMEOUT_MS });
}
