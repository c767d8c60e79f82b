/// <reference lib="dom" />
/**
 * CallPanel and PatientSearch, production bundles in Microsoft's PCF harness in headless Chromium, against the real
 * local stack: function app, sandbox MIS, the Azure SignalR stand-in, the development Entra issuer. A signed
 * telephony webhook offers a call; the page gets it as a SignalR push with the patients the MIS pre-identified by
 * the caller's number; another operator (the real SignalR client) wins one claim race and loses the next. Only
 * Dataverse is the in-page bridge (harness.js has no webAPI), and the operator's bearer token is added on the way
 * (MSAL's job on a real form, proven in msal.test.ts).
 */
import { FIXTURE_PATIENTS, startStack, type Stack } from '@eer/local';
import { CALL_STATUS_VALUES, COLUMNS, TABLES, formatPhone } from '@eer/contract';
import { callEvent, connectOperator, operatorFetch, postEvent, type OperatorClient } from '../telephony/support';
import { launchChromium, screenshotPath, type Browser } from './chromium';
import { bridgeHarness, hostCalls } from './harnessHost';
import { openControl, startHarness, type Harness, type HarnessPage } from './pcfHarness';

jest.setTimeout(240_000);

const FAMILY = FIXTURE_PATIENTS.familyMother;
const SON = FIXTURE_PATIENTS.familySon;

async function chooseSurface(view: HarnessPage, surface: 'workspace' | 'callForm'): Promise<void> {
  await view.page
    .locator('.io-item')
    .filter({ has: view.page.locator('.key-value-pair-value > span', { hasText: /^surface$/ }) })
    .locator('select')
    .first()
    .selectOption(surface);
}

describe('CallPanel and PatientSearch in the harness against the local stack', () => {
  let stack: Stack;
  let callPanel: Harness;
  let patientSearch: Harness;
  let browser: Browser;
  let rival: OperatorClient;
  let supervisorToken: string;

  beforeAll(async () => {
    // one harness after the other: each takes the next free port from 8181, and two at once would pick the same
    [stack, callPanel] = await Promise.all([startStack({ log: () => undefined }), startHarness('CallPanel')]);
    patientSearch = await startHarness('PatientSearch');
    const token = await stack.operatorToken('op-harness-desk', 'Оператор Гарнесс');
    supervisorToken = await stack.identity.issueToken({ operatorId: 'sup-1', roles: ['EER.Operator', 'EER.Supervisor'] });
    rival = await connectOperator(stack.functionsUrl, 'op-rival', await stack.operatorToken('op-rival'));
    browser = await launchChromium({ locale: 'ru-RU' });
    await bridgeHarness(browser.context, {}, { functionsBaseUrl: stack.functionsUrl });
    // The operator's bearer token on the function app's requests (negotiate included); preflights pass untouched.
    await browser.context.route(`${stack.functionsUrl}/**`, async (route) => {
      const request = route.request();
      if (request.method() === 'OPTIONS') return route.continue();
      return route.continue({ headers: { ...request.headers(), authorization: `Bearer ${token}` } });
    });
  });
  afterAll(async () => {
    await rival?.stop().catch(() => undefined);
    await browser?.close();
    await Promise.all([callPanel?.stop(), patientSearch?.stop()]);
    await stack?.close();
  });

  it('start window: pushes over SignalR, a lost claim race, then Alt+A wins, creates the record and opens it', async () => {
    const view = await openControl(browser.context, callPanel, { width: 1100 });
    const { page, control } = view;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await chooseSurface(view, 'workspace');
    await control.getByRole('status', { name: 'Связь с сервером: На связи' }).waitFor({ timeout: 30_000 });

    // an announcement published by a supervisor arrives live
    const published = await operatorFetch(stack.functionsUrl, supervisorToken, 'POST', 'announcements', {
      title: 'Сбой записи в ГП № 2',
      text: 'Запись в ГП № 2 временно только через регистратуру.',
      severity: 'urgent',
    });
    expect(published.status).toBe(201);
    await control.getByText('Срочно: Сбой записи в ГП № 2').waitFor({ timeout: 10_000 });

    // a group call: the other operator claims it first, the popup goes
    const first = callEvent('offered', { callerNumber: FAMILY.phone, ivrDigit: 4 });
    expect((await postEvent(stack.functionsUrl, first)).body).toMatchObject({ accepted: true });
    const popup = control.getByRole('alertdialog', { name: 'Входящий звонок' });
    await popup.waitFor({ timeout: 15_000 });
    const text = await popup.textContent();
    expect(text).toContain(formatPhone(FAMILY.phone));
    expect(text).toContain('4. Вызов врача на дом');
    expect(text).toContain(`${FAMILY.lastName} ${FAMILY.firstName} ${FAMILY.middleName}`);
    expect(text).toContain(`${SON.lastName} ${SON.firstName} ${SON.middleName}`);
    await page.screenshot({ path: screenshotPath('stack-CallPanel-incoming') });
    const rivalClaim = await operatorFetch(stack.functionsUrl, rival.token, 'POST', `calls/${first.telephonyCallId}/claim`, { telephonyCallId: first.telephonyCallId });
    expect(rivalClaim.body).toEqual({ claimed: true, operatorId: 'op-rival' });
    await popup.waitFor({ state: 'detached', timeout: 10_000 });

    // the next one: Alt+A here wins; the rival's claim now loses
    const second = callEvent('offered', { callerNumber: FIXTURE_PATIENTS.adult.phone, ivrDigit: 3 });
    await postEvent(stack.functionsUrl, second);
    await popup.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Ответить') ?? false);
    await page.keyboard.press('Alt+KeyA');
    await page.waitForFunction(() => (window as unknown as { __eerHarness: { log: Array<{ op: string }> } }).__eerHarness.log.some((c) => c.op === 'openForm'));
    const calls = await hostCalls(page);
    expect(calls.find((c) => c.op === 'createRecord')!.args[1]).toMatchObject({
      [COLUMNS.call.telephonyCallId]: second.telephonyCallId,
      [COLUMNS.call.topic]: 3,
      [COLUMNS.call.callerNumber]: FIXTURE_PATIENTS.adult.phone,
      [COLUMNS.call.operatorId]: 'op-harness-desk',
      [COLUMNS.call.status]: CALL_STATUS_VALUES.in_progress,
    });
    expect(calls.find((c) => c.op === 'openForm')!.args[0]).toMatchObject({ entityName: TABLES.call });
    const late = await operatorFetch(stack.functionsUrl, rival.token, 'POST', `calls/${second.telephonyCallId}/claim`, { telephonyCallId: second.telephonyCallId });
    expect(late.body).toEqual({ claimed: false, operatorId: 'op-harness-desk' });
    expect(view.errors).toEqual([]);
    await page.close();
  });

  it('patient search: the caller number pre-identifies the family, a name search in the MIS, the card, the SMS consent saved', async () => {
    const view = await openControl(browser.context, patientSearch, { width: 1000 });
    const { page, control } = view;
    await view.setProperty('patientMisId', '');
    await view.setProperty('callerNumber', FAMILY.phone);
    const offered = control.getByRole('listbox', { name: `Возможно, звонит (по номеру ${formatPhone(FAMILY.phone)})` });
    await offered.waitFor({ timeout: 20_000 });
    expect(await control.getByRole('option').count()).toBe(2);

    await control.getByLabel('ФИО').fill('Ермолаева');
    await control.getByRole('option', { name: /Ермолаева Ольга Викторовна/ }).waitFor({ timeout: 20_000 });
    await control.getByLabel('ФИО').press('ArrowDown');
    await page.keyboard.press('Enter');
    const card = control.getByTestId('patient-card');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain('20.09.1985');
    expect(await card.textContent()).toContain(FAMILY.policy as string);

    const phone = control.getByLabel('Контактный телефон');
    await phone.fill('+79995550099');
    await control.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('alertdialog').waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Подтвердить');
    await page.keyboard.press('Enter');
    await control.getByText('Контактный телефон обновлён').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('stack-PatientSearch-card') });
    const stored = await operatorFetch(stack.functionsUrl, await stack.operatorToken('op-check'), 'GET', `patients/${FAMILY.id}`);
    expect(stored.body).toMatchObject({ phone: '+79995550099', smsConsent: true });
    expect(view.errors).toEqual([]);
  });
});
