/// <reference lib="dom" />
/**
 * CallPanel's production bundle in Microsoft's PCF harness, in headless Chromium: the start window with an incoming
 * call answered by Alt+A, and the call form from the greeting and the red timer to the completion, by keyboard.
 * Dataverse (webAPI, navigation) is the in-page bridge; the function app answers from fixtures.
 */
import { CALL_STATUS_VALUES, COLUMNS, TABLES, type Announcement, type CallNotification } from '@eer/contract';
import { launchChromium, screenshotPath, type Browser } from './chromium';
import { openControl, startHarness, type Harness, type HarnessPage } from './pcfHarness';
import { axeFindings, bridgeHarness, hostCalls, serveFunctions, type ApiCall } from './harnessHost';

const OFFER: CallNotification = {
  type: 'offered',
  eventId: 'ev-1',
  telephonyCallId: 'call-1',
  occurredAt: new Date(Date.now() - 5000).toISOString(),
  callerNumber: '+79161234567',
  line: '122',
  ivrDigit: 3,
  candidates: [{ misId: 'p-1', fullName: 'Иванов Иван Иванович', birthDate: '1980-02-01', age: 46 }],
  claimable: true,
};
const NEWS: Announcement[] = [
  { id: 'a1', title: 'Сбой МИС в районе Северный', text: 'Запись в ГП № 3 временно по телефону регистратуры.', severity: 'urgent', publishedAt: new Date(Date.now() - 600_000).toISOString() },
  { id: 'a2', title: 'Новый график прививочного пункта', text: 'С понедельника пункт работает до 20:00.', severity: 'info', publishedAt: new Date(Date.now() - 3_600_000).toISOString() },
];

/** `YYYY-MM-DDTHH:mm:ss` in local time: what the harness's date inputs take. */
function harnessDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`;
}

async function chooseSurface(view: HarnessPage, surface: 'workspace' | 'callForm'): Promise<void> {
  const select = view.page
    .locator('.io-item')
    .filter({ has: view.page.locator('.key-value-pair-value > span', { hasText: /^surface$/ }) })
    .locator('select')
    .first();
  await select.selectOption(surface);
}

describe('CallPanel in the PCF harness (production bundle, headless Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let api: ApiCall[];

  beforeAll(async () => {
    harness = await startHarness('CallPanel');
    browser = await launchChromium({ locale: 'ru-RU' });
    await bridgeHarness(browser.context, {
      [TABLES.ivrTopic]: [{ [COLUMNS.ivrTopic.digit]: 4, [COLUMNS.ivrTopic.greeting]: 'Вызов врача на дом: уточните адрес, температуру и жалобы.', [COLUMNS.ivrTopic.isActive]: true }],
      [TABLES.callType]: [
        { [COLUMNS.callType.key]: 'info', [COLUMNS.callType.name]: 'Справка', [COLUMNS.callType.sortOrder]: 1, [COLUMNS.callType.isActive]: true },
        { [COLUMNS.callType.key]: 'home_visit', [COLUMNS.callType.name]: 'Вызов врача на дом', [COLUMNS.callType.sortOrder]: 2, [COLUMNS.callType.isActive]: true },
      ],
      [TABLES.call]: [{ [`${TABLES.call}id`]: 'rec-42', [COLUMNS.call.telephonyCallId]: 'call-42' }],
    });
    api = await serveFunctions(browser.context, {
      'GET announcements': NEWS,
      'GET calls/waiting': [OFFER],
      'POST calls/call-1/claim': { claimed: true, operatorId: 'op-1' },
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('start window: announcements, the incoming call with its shortcuts, Alt+A claims, creates and opens the call', async () => {
    const view = await openControl(browser.context, harness, { width: 1100 });
    // the harness's own size field keeps focus after openControl, and the popup does not take focus from a field
    await view.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await chooseSurface(view, 'workspace');
    const { page, control } = view;
    const popup = control.getByRole('alertdialog', { name: 'Входящий звонок' });
    await popup.waitFor({ timeout: 15_000 });
    expect(await popup.textContent()).toContain('+7 (916) 123-45-67');
    expect(await popup.textContent()).toContain('3. Запись на приём к врачу');
    expect(await popup.textContent()).toContain('Иванов Иван Иванович');
    expect(await control.getByTestId('news-list').textContent()).toMatch(/Срочно: Сбой МИС в районе Северный.*Информация: Новый график/);
    expect(await control.getByRole('status', { name: /Связь с сервером/ }).textContent()).toBeTruthy();
    // focus went to Ответить; Tab goes to Отмена
    await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Ответить') ?? false);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Отмена/);
    await page.screenshot({ path: screenshotPath('harness-CallPanel-incoming') });
    expect(await axeFindings(page)).toEqual([]);

    await page.keyboard.press('Alt+KeyA');
    await page.waitForFunction(() => (window as unknown as { __eerHarness: { log: Array<{ op: string }> } }).__eerHarness.log.some((c) => c.op === 'openForm'));
    expect(api.some((c) => c.method === 'POST' && c.path === 'calls/call-1/claim')).toBe(true);
    const calls = await hostCalls(page);
    const created = calls.find((c) => c.op === 'createRecord')!;
    expect(created.args[0]).toBe(TABLES.call);
    expect(created.args[1]).toMatchObject({
      [COLUMNS.call.telephonyCallId]: 'call-1',
      [COLUMNS.call.topic]: 3,
      [COLUMNS.call.callerNumber]: '+79161234567',
      [COLUMNS.call.operatorId]: 'op-1',
      [COLUMNS.call.status]: CALL_STATUS_VALUES.in_progress,
    });
    const opened = calls.find((c) => c.op === 'openForm')!;
    expect(opened.args[0]).toMatchObject({ entityName: TABLES.call, entityId: expect.any(String) });
    expect(view.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('call form: greeting of the topic, red timer, Завершить, call type and comment by keyboard, back to waiting', async () => {
    const view = await openControl(browser.context, harness, { width: 900 });
    const { page, control } = view;
    await chooseSurface(view, 'callForm');
    await view.setProperty('telephonyCallId', 'call-42');
    await view.setProperty('topic', 4);
    await view.setProperty('callerNumber', '+79161234567');
    await view.setProperty('patientName', 'Петров Пётр Петрович');
    await view.setProperty('greeting', '');
    await view.setProperty('callType', '');
    await view.setProperty('comment', '');
    await view.setProperty('answeredAt', harnessDate(new Date(Date.now() - 200_000)));
    await view.setProperty('status', CALL_STATUS_VALUES.in_progress);

    await control.getByText('Вызов врача на дом: уточните адрес, температуру и жалобы.').waitFor({ timeout: 15_000 });
    expect(await control.getByTestId('call-topic').textContent()).toBe('4. Вызов врача на дом');
    expect(await control.getByTestId('call-patient').textContent()).toContain('Петров Пётр Петрович');
    await page.waitForFunction(() => document.querySelector('[role="timer"]')?.getAttribute('data-over') === 'true');
    expect(await control.getByRole('timer').textContent()).toContain('Время обработки превышено');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('harness-CallPanel-in-call') });
    expect(await axeFindings(page)).toEqual([]);

    await control.getByRole('button', { name: 'Завершить' }).focus();
    await page.keyboard.press('Enter');
    const form = control.getByRole('form', { name: 'Завершение обращения' });
    await form.waitFor({ timeout: 10_000 });
    const type = form.getByRole('combobox');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await type.textContent()).toContain('Вызов врача на дом');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Вызов оформлен на завтра');
    await page.screenshot({ path: screenshotPath('harness-CallPanel-wrap-up') });
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press('Control+Enter');

    await page.waitForFunction(() => (window as unknown as { __eerHarness: { log: Array<{ op: string }> } }).__eerHarness.log.some((c) => c.op === 'openForm'));
    const calls = await hostCalls(page);
    const updates = calls.filter((c) => c.op === 'updateRecord');
    expect(updates[0]!.args.slice(0, 2)).toEqual([TABLES.call, 'rec-42']);
    expect(updates[0]!.args[2]).toMatchObject({ [COLUMNS.call.status]: CALL_STATUS_VALUES.wrap_up });
    expect(updates.at(-1)!.args[2]).toMatchObject({
      [COLUMNS.call.status]: CALL_STATUS_VALUES.completed,
      [COLUMNS.call.callType]: 'home_visit',
      [COLUMNS.call.comment]: 'Вызов оформлен на завтра',
    });
    expect(calls.find((c) => c.op === 'openForm')!.args[0]).toMatchObject({ entityName: 'eer_call' });
    expect(view.errors).toEqual([]);
  }, 90_000);

  it('narrow form width: the header stacks', async () => {
    const view = await openControl(browser.context, harness, { width: 360, properties: { topic: 4 } });
    await view.control.locator('[data-layout="narrow"]').first().waitFor({ timeout: 10_000 });
    await view.page.screenshot({ path: screenshotPath('harness-CallPanel-narrow') });
    expect(view.errors).toEqual([]);
  }, 60_000);
});
