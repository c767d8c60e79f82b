/// <reference lib="dom" />
/**
 * PatientSearch's production bundle in Microsoft's PCF harness, in headless Chromium: real Fluent focus handling
 * (tabster), real masks and keyboard paths, the function app answered from fixtures. Screenshots wide and narrow.
 */
import * as fs from 'node:fs';
import { enpCheckDigit, type PatientCard, type PatientSummary } from '@eer/contract';
import { launchChromium, screenshotPath, type Browser } from './chromium';
import { openControl, startHarness, type Harness, type HarnessPage } from './pcfHarness';
import { axeFindings, bridgeHarness, serveFunctions, type ApiCall } from './harnessHost';

const ENP15 = '770000000000001';
const ENP = `${ENP15}${enpCheckDigit(ENP15)}`;
const IVANOV: PatientSummary = { misId: 'p-1', fullName: 'Иванов Иван Иванович', birthDate: '1980-02-01', age: 46, snils: '11223344595', attachmentMoName: 'ГП № 3' };
const IVANOVA: PatientSummary = { misId: 'p-2', fullName: 'Иванова Мария Петровна', birthDate: '2015-06-30', age: 11, policy: ENP, attachmentMoName: 'ДГП № 1' };
const CARD: PatientCard = {
  misId: 'p-2',
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  fullName: 'Иванова Мария Петровна',
  birthDate: '2015-06-30',
  age: 11,
  phone: '+74951234567',
  smsConsent: false,
  attachment: { moId: 'mo-1', moName: 'ГБУЗ «Детская городская поликлиника № 1»', zoneName: 'Педиатрический участок № 7' },
  policy: ENP,
  address: { text: 'г. Москва, ул. Садовая, д. 5, кв. 12' },
};

describe('PatientSearch in the PCF harness (production bundle, headless Chromium)', () => {
  let harness: Harness;
  let browser: Browser;
  let api: ApiCall[];
  let view: HarnessPage;

  beforeAll(async () => {
    harness = await startHarness('PatientSearch');
    browser = await launchChromium({ locale: 'ru-RU' });
    await bridgeHarness(browser.context, {});
    api = await serveFunctions(browser.context, {
      'POST patients/search': { candidates: [IVANOV, IVANOVA], truncated: false },
      'POST patients/by-phone': { candidates: [IVANOVA], truncated: false },
      'GET patients/p-2': CARD,
      'PUT patients/p-2/phone': (body: unknown) => ({ body: { patientId: 'p-2', phone: (body as { phone: string }).phone, smsConsent: true } }),
    });
    view = await openControl(browser.context, harness, { width: 1000 });
    // the harness fills every property with "val": no patient chosen yet, and the caller's number
    await view.setProperty('patientMisId', '');
    await view.setProperty('callerNumber', '+79161234567');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('renders the search with labels and masks; the caller number offers its patient first', async () => {
    const { page, control } = view;
    await control.getByRole('listbox', { name: 'Возможно, звонит (по номеру +7 (916) 123-45-67)' }).waitFor({ timeout: 15_000 });
    const snils = control.getByLabel('СНИЛС');
    await snils.pressSequentially('11223344595');
    expect(await snils.inputValue()).toBe('112-233-445 95');
    const passport = control.getByLabel('Паспорт');
    await passport.pressSequentially('4506123456');
    expect(await passport.inputValue()).toBe('45 06 123456');
    await snils.fill('');
    await passport.fill('');
    const shot = screenshotPath('harness-PatientSearch-wide');
    await page.screenshot({ path: shot, fullPage: false });
    expect(await axeFindings(page)).toEqual([]);
    expect(fs.statSync(shot).size).toBeGreaterThan(5_000);
  }, 60_000);

  it('types a name, walks the list with the keyboard and opens the card with Enter', async () => {
    const { page, control } = view;
    const name = control.getByLabel('ФИО');
    await name.click();
    await name.pressSequentially('Иванов', { delay: 30 });
    await control.getByRole('option').nth(1).waitFor({ timeout: 15_000 });
    expect(api.filter((c) => c.path === 'patients/search').at(-1)?.body).toEqual({ fullName: 'Иванов', limit: 10 });
    // the caller's patient comes first
    await expect(control.getByRole('option').first().textContent()).resolves.toContain('Иванова Мария Петровна');
    await page.keyboard.press('ArrowDown');
    const list = control.getByRole('listbox');
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await control.getByRole('option').nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const card = control.getByTestId('patient-card');
    await card.waitFor({ timeout: 15_000 });
    for (const text of ['Иванова Мария Петровна', '30.06.2015', 'ГБУЗ «Детская городская поликлиника № 1»', 'Педиатрический участок № 7', ENP, 'г. Москва, ул. Садовая, д. 5, кв. 12']) {
      expect(await card.textContent()).toContain(text);
    }
    expect(await axeFindings(page)).toEqual([]);
  }, 60_000);

  it('SMS consent: phone, checkbox and Сохранить by keyboard, the dialog confirmed by keyboard', async () => {
    const { page, control } = view;
    const phone = control.getByLabel('Контактный телефон');
    await phone.fill('89161234567');
    await page.keyboard.press('Tab');
    expect(await control.getByLabel('Согласие на SMS-уведомления').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Сохранить');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Обновить контактный телефон пациента?' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toContain('Номер +7 (916) 123-45-67 будет записан в МИС. SMS-уведомления: включены.');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Подтвердить');
    // focus stays inside the dialog: Tab → Отмена, Tab → back to Подтвердить
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Отмена');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Подтвердить');
    await page.screenshot({ path: screenshotPath('harness-PatientSearch-sms-dialog') });
    expect(await axeFindings(page, '[role="alertdialog"]')).toEqual([]);
    await page.keyboard.press('Enter');
    await control.getByText('Контактный телефон обновлён').waitFor({ timeout: 10_000 });
    const put = api.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('patients/p-2/phone');
    expect(put?.body).toMatchObject({ patientId: 'p-2', phone: '+79161234567', smsConsent: true });
  }, 60_000);

  it('follows a narrow form width; no console errors', async () => {
    await view.setSize(380);
    await view.control.locator('[data-layout="narrow"]').first().waitFor({ timeout: 10_000 });
    await view.page.screenshot({ path: screenshotPath('harness-PatientSearch-narrow') });
    expect(view.errors).toEqual([]);
  }, 60_000);
});
