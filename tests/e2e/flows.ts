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
 * Records `snilsToListMs`: from the last digit of the SNILS typed to the patient shown in the list.
 */
export async function identifyBySnils(s: DeskSession, patient: Fixture): Promise<number> {
  await s.tab('Обращение');
  const search = s.control('PatientSearch');
  const snils = search.getByRole('textbox', { name: /^СНИЛС/ });
  await snils.waitFor({ timeout: UI_TIMEOUT_MS });
  const listed = await watchText(s, 'PatientSearch', patient.name);
  await snils.pressSequentially(patient.snils);
  // From the last digit typed (the SNILS is complete; the control's search delay runs from here).
  const typedAt = Date.now();
  const shownAt = await listed();
  const ms = shownAt - typedAt;
  recordTiming('snilsToListMs', ms);
  await search.getByRole('option', { name: new RegExp(patient.name) }).first().click();
  await search.getByText('Основная информация о пациенте').waitFor({ timeout: UI_TIMEOUT_MS });
  return ms;
}

/**
 * «Запись на приём» tab (manual §4.1, §4.2): district doctor, or a narrow specialist chosen in «Услуга»; search,
 * the first day with free time (chosen by itself), the first free time, ОК, the notice.
 */
export async function bookFirstFreeTime(s: DeskSession, mode: 'district' | 'narrow', specialty?: string): Promise<void> {
  await s.tab('Запись на приём');
  const picker = s.control('SlotPicker');
  if (mode === 'district') {
    await picker.getByRole('tab', { name: 'К участковому специалисту' }).click();
    // The patient's district doctor is the resource; «Поиск» once it is known (the picker may have searched already).
    await picker.getByRole('button', { name: 'Поиск', exact: true, disabled: false }).click({ timeout: UI_TIMEOUT_MS });
  } else {
    await picker.getByRole('tab', { name: 'К узкому специалисту' }).click();
    const service = picker.getByRole('combobox', { name: /Услуга/ });
    await service.click();
    await service.fill(specialty ?? '');
    await s.page.getByRole('option', { name: specialty, exact: true }).click();
  }
  const firstTime = picker.getByRole('group', { name: /^Свободное время/ }).getByRole('button').first();
  await firstTime.waitFor({ timeout: UI_TIMEOUT_MS });
  await firstTime.click();
  const dialog = s.page.getByRole('alertdialog', { name: /Подтвердите запись на приём/ });
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  await dialog.getByRole('button', { name: 'ОК', exact: true }).click();
  await picker.getByText('Запись на приём оформлена').first().waitFor({ timeout: UI_TIMEOUT_MS });
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

/** Moscow wall-clock time parts of an instant. */
function moscow(date: Date): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/**
 * The fixture MOs take home-visit requests Mon–Fri 08:00–16:00 (ГП № 1) and the region's default window is 08:00–14:00:
 * inside 08:30–13:30 on a weekday the real clock is used; otherwise the next weekday 10:00 Moscow time (for the
 * function app's EER_NOW and the page's clock).
 */
export function homeVisitTime(now = new Date()): Date | null {
  const { weekday, minutes } = moscow(now);
  if (weekday <= 5 && minutes >= 8 * 60 + 30 && minutes <= 13 * 60 + 30) return null;
  for (let days = 1; days <= 7; days++) {
    const candidate = new Date(now.getTime() + days * 24 * 3600_000);
    if (moscow(candidate).weekday <= 5) return new Date(`${candidate.toISOString().slice(0, 10)}T10:00:00+03:00`);
  }
  return null;
}

/** «Вызов на дом» (manual §5): the card's address resolves the MO, complaints, «Оформить вызов», ОК. Answers the notice. */
export async function bookHomeVisit(s: DeskSession, complaints: string): Promise<string> {
  await s.tab('Вызов на дом');
  const form = s.control('HomeVisitForm');
  await form.getByText('Медицинская организация').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const complaintsField = form.getByRole('textbox', { name: /^Жалобы/ });
  await complaintsField.fill(complaints);
  const temperature = form.getByRole('textbox', { name: /^Температура/ });
  if (await temperature.count()) await temperature.fill('37,8');
  // Known intermittent finding (docs/desk.md): in 2 of about 12 runs under load the typed complaints were gone by
  // the time «Оформить вызов» was pressed (cause not found; not reproduced with instrumentation). Reported loudly
  // and typed again, so the rest of the flow is still checked.
  if ((await complaintsField.inputValue()) !== complaints) {
    process.stderr.write('e2e finding: HomeVisitForm lost the typed complaints; typing them again\n');
    await complaintsField.fill(complaints);
  }
  await form.getByRole('button', { name: /^Оформить вызов/ }).first().click();
  const dialog = s.page.getByRole('alertdialog', { name: /Оформить вызов врача на дом/ });
  await dialog.getByRole('button', { name: 'ОК', exact: true }).click();
  await form.getByText('Вызов на дом оформлен').first().waitFor({ timeout: UI_TIMEOUT_MS });
  return form.innerText();
}

/**
 * «Обращения граждан» (manual §6): kind, topic, MO (typed, then chosen), comment, «Сохранить», ОК; then the
 * «Справка о рассмотрении обращения» tag (fig. 19). A complaint handed over from a ticket comes prefilled.
 */
export async function fileAppeal(s: DeskSession, options: { kind?: 'Обращение' | 'Жалоба'; topic?: string; mo?: string; comment: string; complaintAboutVisit?: boolean }): Promise<void> {
  await s.tab('Обращения граждан');
  const form = s.control('AppealForm');
  await form.getByRole('button', { name: /^Сохранить/ }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  // A complaint handed over from a ticket arrives through bound columns and refills the form: wait for it first.
  if (options.complaintAboutVisit) await form.getByText(/^Жалоба на посещение: /).first().waitFor({ timeout: UI_TIMEOUT_MS });
  if (options.kind) await form.getByRole('radio', { name: options.kind, exact: true }).check();
  if (options.topic) {
    await form.getByRole('combobox', { name: /Тема обращения/ }).click();
    await s.page.getByRole('option', { name: options.topic, exact: true }).click();
  }
  if (options.mo) {
    const mo = form.getByRole('combobox', { name: /Медицинская организация/ });
    await mo.click();
    await mo.fill(options.mo);
    await s.page.getByRole('option', { name: new RegExp(options.mo) }).first().click();
  }
  await form.getByRole('textbox', { name: /^Комментарий/ }).fill(options.comment);
  await form.getByRole('button', { name: /^Сохранить/ }).first().click();
  const dialog = s.page.getByRole('alertdialog', { name: /Сохранить обращение/ });
  await dialog.getByRole('button', { name: 'ОК', exact: true }).click();
  await form.getByText(/^(Обращение|Жалоба) оформлен/).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await form.getByRole('button', { name: /Справка о рассмотрении обращения/ }).first().click();
  const certificate = s.page.getByRole('alertdialog', { name: /Справка о рассмотрении обращения/ });
  await certificate.getByRole('button', { name: 'ОК', exact: true }).click();
  await form.getByText('Тег установлен').first().waitFor({ timeout: UI_TIMEOUT_MS });
}
