/// <reference lib="dom" />
/**
 * HomeVisitForm, AppealForm, VaccinationForm and InfoPanel: their production bundles in Microsoft's PCF harness in
 * headless Chromium, against the real local stack (function app, sandbox MIS, SMTP and SMS sinks). Dataverse is the
 * in-page bridge (harness.js has no webAPI: environment variables, the appeal card, the reference articles), and the
 * operator's bearer token is added on the way (MSAL's job on a real form, proven in msal.test.ts). One harness at a
 * time; screenshots go to test-artifacts/screenshots/harness-<Control>-*.png.
 */
import { COLUMNS, TABLES, localDate, snilsCheckDigits } from '@eer/contract';
import { startStack, type Stack } from '@eer/local';
import { launchChromium, type Browser } from './chromium';
import { bridgeHarness, hostCalls } from './harnessHost';
import { openControl, startHarness, type Harness, type HarnessPage } from './pcfHarness';

jest.setTimeout(300_000);

const A = COLUMNS.infoArticle;
const ARTICLES = [
  { eer_infoarticleid: 'a-1', [A.name]: 'Симптомы COVID-19 и что делать', [A.topic]: 1, [A.text]: 'При повышении температуры оставайтесь дома и вызовите врача на дом.', [A.minAge]: 0, [A.maxAge]: 150, [A.isActive]: true },
  { eer_infoarticleid: 'a-2', [A.name]: 'Лечение COVID-19 на дому', [A.topic]: 1, [A.text]: 'Лечение на дому назначает участковый врач.', [A.minAge]: 0, [A.maxAge]: 150, [A.isActive]: true },
  { eer_infoarticleid: 'a-3', [A.name]: 'Диспансеризация с 40 лет', [A.topic]: 7, [A.text]: 'С 40 лет диспансеризация проводится ежегодно.', [A.minAge]: 40, [A.maxAge]: 150, [A.isActive]: true },
];

/**
 * After a confirmation dialog the page is readable again: nothing around the notice stays aria-hidden (a Fluent 9.46
 * Dialog unmounted while open leaves it, which this test found; the controls close it first — usePresence).
 */
async function readable(page: import('playwright-core').Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => document.querySelector(`#TestControl-pcf-container-id [data-testid="${id}"]`)?.closest('[aria-hidden="true"]') === null, testId);
}

/** The next Tuesday (from tomorrow) at a wall-clock time of the region (UTC+3): the function app's EER_NOW. */
function tuesdayAt(time: string): string {
  const t = new Date(`${localDate(new Date())}T00:00:00Z`);
  do t.setUTCDate(t.getUTCDate() + 1);
  while (t.getUTCDay() !== 2);
  return `${t.toISOString().slice(0, 10)}T${time}:00+03:00`;
}

describe('forms and information controls in the harness against the local stack', () => {
  let stack: Stack;
  let browser: Browser;
  let harness: Harness | undefined;

  beforeAll(async () => {
    stack = await startStack({ log: () => undefined });
    const token = await stack.operatorToken('op-harness-forms', 'Оператор Формы');
    browser = await launchChromium({ locale: 'ru-RU' });
    await bridgeHarness(browser.context, { [TABLES.infoArticle]: ARTICLES }, { functionsBaseUrl: stack.functionsUrl });
    await browser.context.route(`${stack.functionsUrl}/**`, async (route) => {
      const request = route.request();
      if (request.method() === 'OPTIONS') return route.continue();
      return route.continue({ headers: { ...request.headers(), authorization: `Bearer ${token}` } });
    });
  });
  afterEach(async () => {
    delete process.env.EER_NOW;
    await harness?.stop();
    harness = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function open(control: string, properties: Record<string, string | number>, width = 1000, lcid: 1049 | 1033 = 1049): Promise<HarnessPage> {
    harness = await startHarness(control);
    const view = await openControl(browser.context, harness, { properties, width, height: 1400, lcid });
    view.page.on('dialog', (dialog) => void dialog.dismiss());
    return view;
  }

  it('HomeVisitForm: the card prefills, the address finds the MO, ОК makes the request and the MO gets the mail; outside hours it warns', async () => {
    process.env.EER_NOW = tuesdayAt('10:00');
    const adult = stack.mis.fixtures.adult;
    const view = await open('HomeVisitForm', { homeVisitIds: 'hv-0', patientMisId: adult.id, patientName: `${adult.lastName} ${adult.firstName}`, callId: 'call-harness-hv' });
    const { control, page } = view;
    await control.getByTestId('resolution').getByText('ГП № 1').waitFor({ timeout: 60_000 });
    await control.getByLabel(/Жалобы/).fill('Температура 38,2, кашель');
    await control.getByLabel(/Температура/).fill('38,2');
    await view.screenshot('harness-HomeVisitForm-form');
    await control.getByLabel(/Жалобы/).press('Control+Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await view.screenshot('harness-HomeVisitForm-confirm');
    const made = page.waitForResponse((r) => r.url().endsWith('/home-visits') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'ОК' }).click();
    const response = await made;
    expect(response.status()).toBe(200);
    const { requestId } = (await response.json()) as { requestId: string };
    await control.getByTestId('done').waitFor();
    expect(await control.getByTestId('delivery-status').textContent()).toContain('Доставлена в МО');
    await readable(page, 'done');
    await view.screenshot('harness-HomeVisitForm-done');
    await page.getByText(`hv-0,${requestId}`).first().waitFor({ timeout: 10_000 });
    const mail = await stack.mail.waitFor((m) => m.subject?.includes(requestId) ?? false);
    expect(mail.text).toContain('Температура: 38,2 °C');
    expect(view.errors).toEqual([]);
    await page.close();

    process.env.EER_NOW = tuesdayAt('21:00');
    const closed = await openControl(browser.context, harness!, { properties: { homeVisitIds: '', patientMisId: adult.id }, width: 1000, height: 1000 });
    const warning = closed.control.getByTestId('hours-closed');
    await warning.waitFor({ timeout: 60_000 });
    expect(await warning.textContent()).toMatch(/Часы приёма вызовов, ГП № 1: .*Приём откроется: среда, \d\d\.\d\d в 08:00\./);
    expect(await closed.control.getByTestId('submit').isDisabled()).toBe(true);
    await closed.screenshot('harness-HomeVisitForm-closed');
    await closed.page.close();
  });

  it('AppealForm: opens as the complaint about the handed-over ticket, registers it, keeps the CRM card and sets the tag', async () => {
    const patient = stack.mis.fixtures.withTicket;
    const view = await open('AppealForm', { appealIds: 'ap-0', patientMisId: patient.id, complaintTicketId: stack.mis.fixtureTicketId, appealKind: 'complaint' });
    const { control, page } = view;
    await control.getByTestId('complaint-ticket').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !/талон/.test(document.querySelector('[data-testid="complaint-ticket"]')?.textContent ?? 'талон'), undefined, { timeout: 30_000 });
    await control.getByLabel(/Комментарий/).fill('Врач принял на 40 минут позже записи');
    await view.screenshot('harness-AppealForm-complaint');
    await control.getByLabel(/Комментарий/).press('Control+Enter');
    const made = page.waitForResponse((r) => r.url().endsWith('/appeals') && r.request().method() === 'POST');
    await page.getByRole('alertdialog').getByRole('button', { name: 'ОК' }).click();
    const { appealId } = (await (await made).json()) as { appealId: string };
    await control.getByTestId('done').waitFor();
    await readable(page, 'done');
    const tag = control.getByTestId('certificate-tag');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="certificate-tag"]') as HTMLButtonElement | null)?.disabled);
    await tag.click();
    const certificate = page.getByRole('alertdialog');
    await certificate.getByText('Справка о рассмотрении обращения').first().waitFor();
    await view.screenshot('harness-AppealForm-certificate');
    await certificate.getByRole('button', { name: 'ОК' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="certificate-tag"]')?.getAttribute('aria-pressed') === 'true');
    await view.screenshot('harness-AppealForm-tagged');
    const calls = await hostCalls(page);
    const created = calls.find((c) => c.op === 'createRecord' && c.args[0] === TABLES.appeal)!;
    expect(created.args[1]).toMatchObject({ [COLUMNS.appeal.misAppealId]: appealId, [COLUMNS.appeal.ticketId]: stack.mis.fixtureTicketId, [COLUMNS.appeal.reviewCertificate]: false });
    expect(calls.find((c) => c.op === 'updateRecord')!.args[2]).toEqual({ [COLUMNS.appeal.reviewCertificate]: true });
    await page.getByText(`ap-0,${appealId}`).first().waitFor({ timeout: 10_000 });
    expect(view.errors).toEqual([]);
    await page.close();
  });

  it('VaccinationForm: every field, the point free time, ОК books the worker and the SMS goes out', async () => {
    const view = await open('VaccinationForm', { vaccinationIds: '', callId: 'call-harness-vac', slotDays: 14 });
    const { control, page } = view;
    await control.getByLabel(/Фамилия/).waitFor({ timeout: 60_000 });
    await control.getByLabel(/Фамилия/).fill('Сидоренко');
    await control.getByLabel(/^Имя/).fill('Анна');
    await control.getByLabel(/Дата рождения/).pressSequentially('12031985');
    await control.getByLabel(/СНИЛС/).pressSequentially(`170234562${snilsCheckDigits('170234562')}`);
    await control.getByLabel(/Мобильный телефон/).pressSequentially('9161230077');
    await control.getByRole('combobox', { name: /Место работы/ }).pressSequentially('ГП № 1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await control.getByLabel(/Должность/).fill('Медицинская сестра');
    await control.getByRole('radio', { name: 'Первая' }).check();
    await control.getByRole('combobox', { name: /Пункт вакцинации/ }).click();
    // the control's listbox (the harness has its own <select> options)
    await page.locator('[role="listbox"] [role="option"]').first().click();
    const cells = control.getByTestId('time-cells');
    await cells.waitFor({ timeout: 60_000 });
    await cells.getByRole('button').first().click();
    await view.screenshot('harness-VaccinationForm-form');
    const made = page.waitForResponse((r) => r.url().endsWith('/vaccination/registrations') && r.request().method() === 'POST');
    await control.getByTestId('submit').click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'ОК' }).click();
    const response = await made;
    expect(response.status()).toBe(200);
    const { registrationId } = (await response.json()) as { registrationId: string };
    await control.getByTestId('done').waitFor();
    await readable(page, 'done');
    await view.screenshot('harness-VaccinationForm-done');
    await stack.sms.waitFor((m) => m.to === '+79161230077');
    await page.getByText(registrationId).first().waitFor({ timeout: 10_000 });
    expect(view.errors).toEqual([]);
    await page.close();
  });

  it('InfoPanel: hours of an organisation as a week, COVID articles from the CRM, check-ups for the patient age, a volunteer request', async () => {
    const adult = stack.mis.fixtures.adult;
    const view = await open('InfoPanel', { topic: 6, appealIds: '', patientMisId: adult.id, patientName: `${adult.lastName} ${adult.firstName}` }, 1100);
    const { control, page } = view;
    await control.getByTestId('mo-list').waitFor({ timeout: 60_000 });
    await control.getByLabel(/Название медицинской организации/).fill('ГП № 1');
    await control.getByLabel(/Название медицинской организации/).press('Enter');
    await control.getByRole('table', { name: /Режим работы: ГП № 1/ }).waitFor({ timeout: 30_000 });
    expect(await control.locator('[aria-current="date"]').count()).toBe(1);
    await view.screenshot('harness-InfoPanel-hours');

    // the tabs with the keyboard: from «6» one to the left is «2», then «1»
    await control.getByRole('tab', { name: '6. Режим работы МО' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await control.getByTestId('panel-covid').waitFor();
    await control.getByText('Симптомы COVID-19 и что делать').waitFor();
    await view.screenshot('harness-InfoPanel-covid');

    await view.setProperty('topic', 7);
    await control.getByTestId('checkups-age').waitFor({ timeout: 30_000 });
    expect(await control.getByTestId('due-dispensarisation').getAttribute('data-due')).toBe('due');
    await view.screenshot('harness-InfoPanel-checkups');

    await view.setProperty('topic', 2);
    const help = control.getByLabel(/Какая помощь нужна/);
    await help.waitFor();
    await page.waitForFunction(() => (document.querySelector('#TestControl-pcf-container-id input[inputmode="tel"]') as HTMLInputElement | null)?.value !== '');
    await help.fill('Доставка лекарств из аптеки');
    await help.press('Control+Enter');
    const made = page.waitForResponse((r) => r.url().endsWith('/appeals') && r.request().method() === 'POST');
    await page.getByRole('alertdialog').getByRole('button', { name: 'ОК' }).click();
    const response = await made;
    expect(((await response.request().postDataJSON()) as { topic: string }).topic).toBe('volunteer_help');
    await control.getByTestId('volunteer-done').waitFor();
    await readable(page, 'volunteer-done');
    await view.screenshot('harness-InfoPanel-volunteer');
    expect(view.errors).toEqual([]);
    await page.close();
  });
});
