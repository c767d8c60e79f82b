/**
 * SlotPicker's production bundle in Microsoft's PCF harness, in headless Chromium, against the real local function
 * app and sandbox MIS: a bound patient gets the district doctor's free time with no click, and the operator's path
 * (time → ОК) books it in the MIS, sends the SMS and writes the ticket id to the control's output.
 *
 * What the harness cannot give is handed in the way a model-driven form would: the environment settings (the
 * harness's webAPI only alerts) as the page-shared settings every control on a form reads once, and the operator's
 * bearer token (MSAL's job on a real form, proven in msal.test.ts) added to the function app's requests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { startStack, type Stack } from '@eer/local';
import { launchChromium, type Browser } from './chromium';
import { openControl, startHarness, type Harness, type HarnessPage } from './pcfHarness';

jest.setTimeout(240_000);

function resx(lcid: number): Record<string, string> {
  const file = path.join(__dirname, '..', '..', 'controls', 'SlotPicker', 'strings', `SlotPicker.${lcid}.resx`);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(fs.readFileSync(file, 'utf8')) as {
    root: { data: Array<{ '@name': string; value: string }> };
  };
  return Object.fromEntries(parsed.root.data.map((d) => [d['@name'], String(d.value)]));
}

describe('SlotPicker in the PCF harness (headless Chromium, local function app)', () => {
  let stack: Stack;
  let harness: Harness;
  let browser: Browser;
  const ru = resx(1049);

  beforeAll(async () => {
    [stack, harness] = await Promise.all([startStack({ log: () => undefined }), startHarness('SlotPicker', { rebuild: true })]);
    browser = await launchChromium({ locale: 'ru-RU', timezoneId: 'Asia/Novosibirsk' });
    const token = await stack.operatorToken('op-harness-slot-picker');
    const functionsUrl = stack.functionsUrl;
    // The settings a form's environment variables would give (read once per page by every control).
    await browser.context.addInitScript((url: string) => {
      const page = globalThis as unknown as { __eer122Shared?: Record<string, unknown> };
      page.__eer122Shared = page.__eer122Shared ?? {};
      page.__eer122Shared['settings:v1'] = Promise.resolve({
        functionsBaseUrl: url,
        authClientId: null,
        authAuthority: null,
        functionsScope: null,
        callTimeThresholdSeconds: 180,
        homeVisitHours: null,
        invalid: [],
      });
    }, functionsUrl);
    // The operator's bearer token on the function app's requests (CORS preflights pass through untouched).
    await browser.context.route(`${functionsUrl}/**`, async (route) => {
      const request = route.request();
      if (request.method() === 'OPTIONS') return route.continue();
      return route.continue({ headers: { ...request.headers(), authorization: `Bearer ${token}` } });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await stack?.close();
  });

  async function open(properties: Record<string, string | number>, width = 1100): Promise<HarnessPage> {
    const view = await openControl(browser.context, harness, { properties, width, height: 1400, lcid: 1049 });
    view.page.on('dialog', (dialog) => void dialog.dismiss());
    return view;
  }

  it('shows the district doctor’s free time for a bound patient, and books it in two clicks', async () => {
    const adult = stack.mis.fixtures.adult;
    const view = await open({ appointmentIds: 'appt-0', patientMisId: adult.id, patientName: `${adult.lastName} ${adult.firstName} ${adult.middleName}` });
    const grid = view.control.getByTestId('time-grid');
    await grid.waitFor({ state: 'visible', timeout: 60_000 });
    // the first day with free time is chosen without a click
    await view.control.locator('[role="option"][aria-selected="true"]').first().waitFor();
    await view.control.getByTestId('ticket-list').or(view.control.getByText(ru.Tickets_Empty!)).first().waitFor();
    await view.screenshot('harness-SlotPicker-district');

    const cell = grid.getByRole('button').first();
    const slotId = await cell.getAttribute('data-cell-id');
    await cell.click();
    const dialog = view.page.getByRole('alertdialog');
    await dialog.waitFor();
    await view.screenshot('harness-SlotPicker-confirm');
    const booked = view.page.waitForResponse((r) => r.url().endsWith('/bookings') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: ru.Confirm_Ok }).click();
    const response = await booked;
    expect(response.status()).toBe(200);
    const ticket = ((await response.json()) as { ticket: { id: string; slotId: string } }).ticket;

    const notice = view.control.getByTestId('notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('data-kind')).toBe('booked');
    expect(await notice.textContent()).toContain(ru.Notice_SmsSent);
    await view.screenshot('harness-SlotPicker-booked');

    // the booked slot, the patient got the SMS, the harness shows the output appended to the bound list
    expect(ticket.slotId).toBe(slotId);
    const sms = await stack.sms.waitFor((m) => m.to === adult.phone && m.kind === 'booking');
    expect(sms.text.length).toBeGreaterThan(10);
    await view.page.getByText(`appt-0,${ticket.id}`).first().waitFor({ timeout: 10_000 });
    // the booked ticket is in the patient's tickets, and the booked time is gone from the day
    await view.control.getByTestId('ticket-list').waitFor();
    expect(await grid.locator(`[data-cell-id="${slotId}"]`).count()).toBe(0);
    expect(view.errors).toEqual([]);
    await view.page.close();
  });

  it('narrow form (420 px): a child gets the district pediatrician', async () => {
    const view = await open({ patientMisId: stack.mis.fixtures.child.id, patientName: 'Ладыгина Алиса Олеговна' }, 420);
    await view.control.getByTestId('time-grid').waitFor({ state: 'visible', timeout: 60_000 });
    // a child's district doctor is the pediatrician
    expect(await view.control.getByTestId('resource').inputValue()).toMatch(/педиатр/);
    await view.screenshot('harness-SlotPicker-narrow');
    expect(view.errors).toEqual([]);
    await view.page.close();
  });
});
