import * as React from 'react';
import { configure, act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../shared/api/ApiError';
import { loadResx } from '../shared/test/resx';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import type { Strings } from '../shared/pcf/strings';
import { HomeVisitPanel, type HomeVisitPanelProps } from './HomeVisitPanel';
import type { HomeVisitFormStringKey } from './strings';
import { COLUMNS, DELIVERY_STATUS_VALUES, TABLES } from '@eer/contract';
import { TEST_POLL_DELAYS, entry, outboxReports, recordsOverMock } from '../shared/records/testSupport';
import { CARD, REGION_HOURS, RESOLVED, fakeApi } from './testSupport';

const ru = loadResx('HomeVisitForm', 1049) as Strings<HomeVisitFormStringKey>;
const en = loadResx('HomeVisitForm', 1033) as Strings<HomeVisitFormStringKey>;

function renderPanel(overrides: Partial<HomeVisitPanelProps> = {}) {
  const crm = recordsOverMock();
  const props: HomeVisitPanelProps = {
    api: fakeApi(),
    records: crm.records,
    callRecordId: crm.callRecordId,
    pollDelays: TEST_POLL_DELAYS,
    patientId: 'p-1',
    patientName: 'Иванов Иван Иванович',
    callId: 'call-1',
    defaultHours: REGION_HOURS,
    temperatureRequired: false,
    addressDelayMs: 50,
    readOnly: false,
    masked: false,
    narrow: false,
    lang: 'ru',
    strings: ru,
    onCreated: jest.fn(),
    ...overrides,
  };
  const view = render(<HomeVisitPanel {...props} />);
  return { ...view, props, api: props.api as ReturnType<typeof fakeApi>, crm };
}

const H = COLUMNS.homeVisit;

const mis = (code: ConstructorParameters<typeof ApiError>[0]['code'], retryable = false) =>
  new ApiError({ code, status: 503, message: 'x', correlationId: 'corr-77', retryable });

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

/** Long texts are pasted: typing them key by key only slows the test down. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('HomeVisitPanel', () => {
  quietReact16ActWarnings();
  // `hidden: true` below: jsdom may keep the closed dialog's aria-hidden on the page a while on a loaded machine;
  // the browser test checks that the page is readable again after the dialog.
  // The region's clock is read through Date.now (useNow); fake timers would also stop React 16's scheduler.
  const at = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));
  afterEach(() => jest.restoreAllMocks());

  it('warns before anything is typed when the region does not take requests, with the hours and the next opening', () => {
    at('2026-11-28T10:00:00Z'); // Saturday 13:00 in Moscow
    renderPanel({ patientId: null, patientName: null });
    const bar = screen.getByTestId('hours-closed');
    expect(bar).toHaveTextContent('Вызовы на дом сейчас не принимаются');
    expect(bar).toHaveTextContent('Часы приёма вызовов в регионе: Пн–Пт 08:00–14:00; Сб 09:00–12:00; Вс выходной.');
    expect(bar).toHaveTextContent('Приём откроется: понедельник, 30.11 в 08:00.');
    expect(screen.getByTestId('no-patient')).toHaveTextContent('Пациент не выбран');
    expect(screen.getByTestId('submit')).toBeDisabled();
  });

  it('says until when requests are taken while the region is open', () => {
    at('2026-11-26T07:00:00Z'); // Thursday 10:00
    renderPanel({ api: fakeApi({ patient: jest.fn(() => new Promise(() => undefined)) }) });
    expect(screen.queryByTestId('hours-closed')).toBeNull();
    expect(screen.getByTestId('hours-open')).toHaveTextContent('Приём вызовов открыт до 14:00.');
  });

  it('prefills phone and address from the patient card and shows the MO and zone serving the address', async () => {
    const { api } = renderPanel();
    expect(await screen.findByText('ГП № 3')).toBeInTheDocument();
    expect(screen.getByText('Участок № 12')).toBeInTheDocument();
    expect(screen.getByLabelText(/Контактный телефон/)).toHaveValue('+7 (916) 123-45-67');
    expect(screen.getByLabelText(/Адрес места нахождения пациента/)).toHaveValue(CARD.address!.text);
    expect(screen.getByText('Адрес из карты пациента')).toBeInTheDocument();
    // the card's address parts go to the resolution, not only its text
    expect(api.resolve).toHaveBeenCalledTimes(1);
    expect(api.resolve.mock.calls[0][0]).toEqual({ address: CARD.address, patientId: 'p-1' });
    expect(screen.getByTestId('hours-open')).toHaveTextContent('Часы приёма вызовов, ГП № 3: Пн–Пт 08:00–20:00; Сб–Вс выходной.');
  });

  it('resolves a typed address when the operator leaves the field, and says when no zone serves it', async () => {
    const user = userEvent.setup({ delay: null });
    const resolve = jest.fn().mockRejectedValue(new ApiError({ code: 'not_found', status: 404, message: 'x', correlationId: 'c', retryable: false }));
    const { api } = renderPanel({ api: fakeApi({ patient: jest.fn().mockResolvedValue({ ...CARD, address: undefined, phone: undefined }), resolve }), addressDelayMs: 10_000 });
    const address = screen.getByLabelText(/Адрес места нахождения пациента/);
    await user.type(address, 'г. Энск, ул. Нет, д. 1');
    expect(api.resolve).not.toHaveBeenCalled();
    await user.tab();
    expect(await screen.findByText(/Адрес не обслуживается ни одним участком/)).toBeInTheDocument();
    expect(resolve).toHaveBeenCalledWith({ address: { text: 'г. Энск, ул. Нет, д. 1' }, patientId: 'p-1' }, expect.anything());
    expect(screen.queryByTestId('error-bar')).toBeNull();
  });

  it('shows field issues in the contract words and puts the caret in the first one', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    await screen.findByText('ГП № 3');
    await user.type(screen.getByLabelText(/Температура/), '45');
    await user.click(screen.getByTestId('submit'));
    expect(await screen.findByText('от 34,0 до 43,0 °C')).toBeInTheDocument();
    expect(screen.getByLabelText(/Температура/)).toHaveFocus();
    expect(screen.getByText(/не меньше 3 симв/)).toBeInTheDocument(); // complaints
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('requires the temperature when the analyst says so', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ temperatureRequired: true });
    await screen.findByText('ГП № 3');
    await fill(user, screen.getByLabelText(/Жалобы/), 'Кашель, слабость');
    await user.click(screen.getByTestId('submit'));
    expect(await screen.findByText('обязательное поле')).toBeInTheDocument();
    expect(screen.getByLabelText(/Температура/)).toHaveFocus();
  });

  it('keyboard path: Ctrl+Enter asks for ОК, Enter confirms, the notice reports the delivery and the id goes out', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, props, crm } = renderPanel();
    await screen.findByText('ГП № 3');
    await user.click(screen.getByLabelText(/Код домофона/));
    await user.keyboard('12К');
    await user.tab();
    expect(screen.getByLabelText(/Контактный телефон/)).toHaveFocus();
    await user.tab();
    await user.keyboard('37,5');
    await user.tab();
    await user.keyboard('Кашель, слабость{Control>}{Enter}{/Control}');
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Оформить вызов врача на дом?')).toBeInTheDocument();
    expect(within(dialog).getByTestId('confirm-summary')).toHaveTextContent('+7 (916) 123-45-67');
    expect(within(dialog).getByTestId('confirm-summary')).toHaveTextContent('37,5');
    await waitFor(() => expect(within(dialog).getByTestId('confirm-dialog-confirm')).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('done')).toHaveTextContent('Заявка № hv-1 передана в ГП № 3. Медицинская организация уведомлена по электронной почте.');
    expect(screen.getByTestId('delivery-status')).toHaveTextContent('Статус доставки: Доставлена в МО');
    expect(props.onCreated).toHaveBeenCalledWith('hv-1');
    const body = api.create.mock.calls[0][0];
    expect(body).toMatchObject({
      patientId: 'p-1',
      address: CARD.address,
      intercomCode: '12К',
      phone: '+79161234567',
      temperature: 37.5,
      complaints: 'Кашель, слабость',
      callId: 'call-1',
    });
    expect(body.clientKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    // the request's row in the CRM, linked to the call
    await waitFor(() => expect(crm.webAPI.tables[TABLES.homeVisit]).toHaveLength(1));
    expect(crm.webAPI.tables[TABLES.homeVisit]![0]).toMatchObject({
      [H.name]: 'Вызов на дом: ГП № 3',
      [H.address]: CARD.address!.text,
      [H.moId]: 'mo-3',
      [H.moName]: 'ГП № 3',
      [H.zoneName]: 'Участок № 12',
      [H.intercomCode]: '12К',
      [H.phone]: '+79161234567',
      [H.temperature]: 37.5,
      [H.complaints]: 'Кашель, слабость',
      [H.patientMisId]: 'p-1',
      [H.misRequestId]: 'hv-1',
      [H.deliveryStatus]: DELIVERY_STATUS_VALUES.delivered,
      _eer_callid_value: crm.callRecordId,
    });
    expect(api.outbox).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Оформить ещё один вызов' })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText(/Жалобы/)).toHaveValue('');
  });

  it('queued by the line (202): the notice follows the outbox live until delivered, and the row gets the MIS number', async () => {
    const user = userEvent.setup({ delay: null });
    const key = { value: '' };
    const create = jest.fn((body: { clientKey: string }) => {
      key.value = body.clientKey;
      return Promise.resolve({ requestId: body.clientKey, moId: 'mo-3', moName: 'ГП № 3', status: 'accepted', emailSent: false, queued: true });
    });
    const waiting = [entry('home_visit', 'accepted', { reason: 'МИС недоступна, повторите позже', reasonCode: 'mis_unavailable' })];
    const outbox = outboxReports(waiting, waiting, waiting, [entry('home_visit', 'delivered', { resultId: 'hv-77' }), entry('mail', 'delivered')]);
    const { crm, props } = renderPanel({ api: fakeApi({ create, outbox }) });
    await screen.findByText('ГП № 3');
    await fill(user, screen.getByLabelText(/Жалобы/), 'Кашель');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    expect(await screen.findByTestId('done')).toHaveTextContent('МИС сейчас недоступна: заявка сохранена в очереди и будет передана в ГП № 3 автоматически');
    expect(screen.getByTestId('delivery-status')).toHaveTextContent('Статус доставки: В очереди: МИС недоступна');
    expect(props.onCreated).toHaveBeenCalledWith(key.value);
    await waitFor(() => expect(crm.webAPI.tables[TABLES.homeVisit]).toHaveLength(1));
    const row = crm.webAPI.tables[TABLES.homeVisit]![0]!;
    expect(row).toMatchObject({ [H.misRequestId]: key.value, [H.deliveryStatus]: DELIVERY_STATUS_VALUES.accepted });
    // the worker delivers it: the badge says so (announced: role status), the row is updated once
    await waitFor(() => expect(screen.getByTestId('delivery-status')).toHaveTextContent('Доставлена в МО'));
    expect(screen.getByTestId('delivery-status').closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTestId('done')).toHaveTextContent('Заявка № hv-77 передана в ГП № 3. Медицинская организация уведомлена по электронной почте.');
    await waitFor(() => expect(row).toMatchObject({ [H.misRequestId]: 'hv-77', [H.deliveryStatus]: DELIVERY_STATUS_VALUES.delivered }));
    expect(crm.webAPI.updateRecord).toHaveBeenCalledTimes(1);
    expect(outbox.mock.calls.every(([k]: [string]) => k === key.value)).toBe(true);
    // settled: no more reads
    const reads = outbox.mock.calls.length;
    await new Promise((r) => setTimeout(r, 80));
    expect(outbox).toHaveBeenCalledTimes(reads);
  });

  it('a queued request that fails shows the reason, and the row says failed', async () => {
    const user = userEvent.setup({ delay: null });
    const create = jest.fn((body: { clientKey: string }) =>
      Promise.resolve({ requestId: body.clientKey, moId: 'mo-3', moName: 'ГП № 3', status: 'accepted', emailSent: false, queued: true }),
    );
    const outbox = outboxReports([entry('home_visit', 'failed', { reasonCode: 'not_found', reason: 'Медицинская организация не найдена' })]);
    const { crm } = renderPanel({ api: fakeApi({ create, outbox }) });
    await screen.findByText('ГП № 3');
    await fill(user, screen.getByLabelText(/Жалобы/), 'Кашель');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(screen.getByTestId('delivery-status')).toHaveTextContent('Не доставлена'));
    expect(screen.getByTestId('delivery-status-reason')).toHaveTextContent('Причина: Медицинская организация не найдена');
    expect(screen.getByTestId('done')).toHaveTextContent('Заявка не доставлена в медицинскую организацию');
    await waitFor(() => expect(crm.webAPI.tables[TABLES.homeVisit]![0]).toMatchObject({ [H.deliveryStatus]: DELIVERY_STATUS_VALUES.failed }));
  });

  it('a CRM row that fails to save keeps the MIS result on screen and is saved by Retry', async () => {
    const user = userEvent.setup({ delay: null });
    const { crm, props } = renderPanel();
    crm.webAPI.failNext('createRecord');
    await screen.findByText('ГП № 3');
    await fill(user, screen.getByLabelText(/Жалобы/), 'Кашель');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Карточка вызова в CRM не сохранена (заявка в МИС есть)');
    expect(screen.getByTestId('done')).toHaveTextContent('Заявка № hv-1');
    expect(props.onCreated).toHaveBeenCalledWith('hv-1');
    await user.click(within(bar).getByRole('button', { name: 'Повторить', hidden: true }));
    await waitFor(() => expect(crm.webAPI.tables[TABLES.homeVisit]).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('error-bar')).toBeNull());
  });

  it('Esc closes the confirmation without sending', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = renderPanel();
    await screen.findByText('ГП № 3');
    await fill(user, screen.getByLabelText(/Жалобы/), 'Кашель');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.create).not.toHaveBeenCalled();
  });

  it('blocks the request when the serving MO is closed and shows its hours and next opening', async () => {
    const closed = { ...RESOLVED, acceptingNow: false, nextOpensAt: '2026-11-30T08:00:00+03:00' };
    renderPanel({ api: fakeApi({ resolve: jest.fn().mockResolvedValue(closed) }), defaultHours: null });
    const bar = await screen.findByTestId('hours-closed');
    expect(bar).toHaveTextContent('Часы приёма вызовов, ГП № 3: Пн–Пт 08:00–20:00; Сб–Вс выходной.');
    expect(bar).toHaveTextContent('Приём откроется: понедельник, 30.11 в 08:00.');
    expect(screen.getByTestId('submit')).toBeDisabled();
  });

  it('a failed send shows the code text and the correlation id; Retry sends the same idempotency key', async () => {
    const user = userEvent.setup({ delay: null });
    const create = jest
      .fn()
      .mockRejectedValueOnce(mis('mis_unavailable', true))
      .mockResolvedValueOnce({ requestId: 'hv-2', moId: 'mo-3', moName: 'ГП № 3', status: 'accepted', emailSent: false });
    const { props } = renderPanel({ api: fakeApi({ create }) });
    await screen.findByText('ГП № 3');
    await fill(user, screen.getByLabelText(/Жалобы/), 'Кашель');
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Вызов не оформлен');
    expect(bar).toHaveTextContent('МИС недоступна, повторите позже');
    expect(bar).toHaveTextContent('corr-77');
    await user.click(await within(bar).findByRole('button', { name: 'Повторить', hidden: true }));
    expect(await screen.findByTestId('done')).toHaveTextContent('Письмо в медицинскую организацию не отправлено');
    expect(screen.getByTestId('delivery-status')).toHaveTextContent('Принята МИС');
    expect(create.mock.calls[1][0].clientKey).toBe(create.mock.calls[0][0].clientKey);
    expect(props.onCreated).toHaveBeenCalledWith('hv-2');
  });

  it('outside_hours from the server reads the MO hours again', async () => {
    const user = userEvent.setup({ delay: null });
    const resolve = jest.fn().mockResolvedValueOnce(RESOLVED).mockResolvedValue({ ...RESOLVED, acceptingNow: false, nextOpensAt: '2026-11-30T08:00:00+03:00' });
    const create = jest.fn().mockRejectedValue(new ApiError({ code: 'outside_hours', status: 422, message: 'x', correlationId: 'c-1', retryable: false }));
    renderPanel({ api: fakeApi({ resolve, create }) });
    await screen.findByText('ГП № 3');
    await fill(user, screen.getByLabelText(/Жалобы/), 'Кашель');
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    expect(await screen.findByTestId('hours-closed')).toBeInTheDocument();
    expect(screen.getByTestId('error-bar')).toHaveTextContent('Сейчас заявки не принимаются');
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('read-only: nothing can be changed or sent', async () => {
    renderPanel({ readOnly: true });
    await screen.findByText('ГП № 3');
    expect(screen.getByLabelText(/Жалобы/)).toBeDisabled();
    expect(screen.getByLabelText(/Адрес места нахождения пациента/)).toBeDisabled();
    expect(screen.getByTestId('submit')).toBeDisabled();
  });

  it('masked: shows no data', () => {
    const { api } = renderPanel({ masked: true });
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к вызовам на дом этого звонка');
    expect(screen.queryByLabelText(/Жалобы/)).toBeNull();
    expect(api.patient).toHaveBeenCalled(); // the hook still runs; nothing is shown
  });

  it('speaks English', async () => {
    renderPanel({ lang: 'en', strings: en });
    expect(await screen.findByText('ГП № 3')).toBeInTheDocument();
    expect(screen.getByTestId('hours-open')).toHaveTextContent('Home-visit hours, ГП № 3: Mon–Fri 08:00–20:00; Sat–Sun closed.');
    expect(screen.getByRole('button', { name: /Request visit/ })).toBeInTheDocument();
  });

  it('a card that does not load leaves the form usable and offers a retry', async () => {
    const patient = jest.fn().mockRejectedValueOnce(mis('mis_timeout', true)).mockResolvedValue(CARD);
    renderPanel({ api: fakeApi({ patient }) });
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Телефон и адрес из карты пациента не подставлены');
    await act(async () => {
      within(bar).getByRole('button', { name: 'Повторить' }).click();
    });
    expect(await screen.findByText('ГП № 3')).toBeInTheDocument();
    expect(screen.getByLabelText(/Контактный телефон/)).toHaveValue('+7 (916) 123-45-67');
  });
});
