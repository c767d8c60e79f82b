import * as React from 'react';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../shared/api/ApiError';
import { loadResx } from '../shared/test/resx';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import type { Strings } from '../shared/pcf/strings';
import { AppealPanel, type AppealPanelProps } from './AppealPanel';
import type { AppealFormStringKey } from './strings';
import { COLUMNS, DELIVERY_STATUS_VALUES, TABLES } from '@eer/contract';
import { TEST_POLL_DELAYS, entry, outboxReports, recordsOverMock } from '../shared/records/testSupport';
import { TICKET, fakeApi } from './testSupport';

const A = COLUMNS.appeal;

const ru = loadResx('AppealForm', 1049) as Strings<AppealFormStringKey>;
const en = loadResx('AppealForm', 1033) as Strings<AppealFormStringKey>;

function renderPanel(overrides: Partial<AppealPanelProps> = {}) {
  const crm = recordsOverMock();
  const props: AppealPanelProps = {
    api: fakeApi(),
    records: crm.records,
    pollDelays: TEST_POLL_DELAYS,
    patientId: 'p-1',
    patientName: 'Иванов Иван Иванович',
    callId: 'call-1',
    callRecordId: crm.callRecordId,
    complaintTicketId: null,
    handedKind: null,
    defaultKind: 'appeal',
    readOnly: false,
    masked: false,
    narrow: false,
    lang: 'ru',
    strings: ru,
    onCreated: jest.fn(),
    ...overrides,
  };
  const view = render(<AppealPanel {...props} />);
  return { ...view, props, api: props.api as ReturnType<typeof fakeApi>, crm };
}

async function chooseTopic(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(screen.getByRole('combobox', { name: /Тема обращения/ }));
  await user.click(await screen.findByRole('option', { name: label }));
}

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

/** Long texts are pasted: typing them key by key only slows the test down. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('AppealPanel', () => {
  quietReact16ActWarnings();
  // `hidden: true` below: jsdom may keep the closed dialog's aria-hidden on the page a while on a loaded machine;
  // the browser test checks that the page is readable again after the dialog.

  it('offers both kinds and every contract topic in the user language', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    expect(screen.getByRole('radio', { name: 'Обращение' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Жалоба' })).not.toBeChecked();
    await user.click(screen.getByRole('combobox', { name: /Тема обращения/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toContain('Качество медицинской помощи');
    expect(options.map((o) => o.textContent)).toContain('Помощь волонтёров гражданам старше 65 лет');
  });

  it('searches the organisations by any part of the name, ignoring case and ё', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    const mo = screen.getByRole('combobox', { name: /Медицинская организация/ });
    await waitFor(() => expect(mo).toHaveAttribute('placeholder', 'Начните вводить название'));
    await user.type(mo, 'елкин');
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('ЦРБ Ёлкино');
    await user.clear(mo);
    await user.type(mo, 'поликлиника № 3');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(mo).toHaveValue('ГП № 3');
  });

  it('names the missing fields and focuses the first', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = renderPanel();
    await user.click(screen.getByTestId('submit'));
    expect(await screen.findAllByText('обязательное поле')).toHaveLength(2); // topic, MO
    expect(screen.getByText('не может быть пустым')).toBeInTheDocument(); // comment
    expect(screen.getByRole('combobox', { name: /Тема обращения/ })).toHaveFocus();
    expect(api.create).not.toHaveBeenCalled();
  });

  it('keyboard path: Ctrl+Enter, ОК; the appeal is registered, its id goes out, the CRM card is kept, the tag is set', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, crm, props } = renderPanel();
    await chooseTopic(user, 'Доступность записи на приём');
    const mo = screen.getByRole('combobox', { name: /Медицинская организация/ });
    await user.type(mo, 'ГП № 1');
    await user.keyboard('{ArrowDown}{Enter}');
    await fill(user, screen.getByLabelText(/Адрес/), 'г. Энск, ул. Мира, д. 1');
    await fill(user, screen.getByLabelText(/Комментарий/), 'Нет записи к неврологу две недели');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByTestId('confirm-summary')).toHaveTextContent('Доступность записи на приём');
    expect(within(dialog).getByTestId('confirm-summary')).toHaveTextContent('ГП № 1');
    await waitFor(() => expect(within(dialog).getByTestId('confirm-dialog-confirm')).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('done')).toHaveTextContent('Обращение оформлено№ ap-1 в МИС, медицинская организация: ГП № 1.');
    expect(screen.getByTestId('delivery-status')).toHaveTextContent('Принято МИС');
    expect(props.onCreated).toHaveBeenCalledWith('ap-1');
    expect(api.create.mock.calls[0][0]).toMatchObject({
      kind: 'appeal',
      topic: 'appointment_availability',
      moId: 'mo-1',
      address: { text: 'г. Энск, ул. Мира, д. 1' },
      comment: 'Нет записи к неврологу две недели',
      reviewCertificate: false,
      patientId: 'p-1',
      callId: 'call-1',
    });
    // the CRM card, then the tag (fig. 19)
    await waitFor(() => expect(crm.webAPI.tables[TABLES.appeal]).toHaveLength(1));
    const row = crm.webAPI.tables[TABLES.appeal]![0]!;
    expect(row).toMatchObject({ [A.moId]: 'mo-1', [A.moName]: 'ГП № 1', [A.misAppealId]: 'ap-1', [A.deliveryStatus]: DELIVERY_STATUS_VALUES.delivered, _eer_callid_value: crm.callRecordId });
    const tag = screen.getByTestId('certificate-tag');
    await waitFor(() => expect(tag).toBeEnabled());
    expect(tag).toHaveAttribute('aria-pressed', 'false');
    await user.click(tag);
    const certificate = await screen.findByRole('alertdialog');
    expect(within(certificate).getByText('Справка о рассмотрении обращения')).toBeInTheDocument();
    await user.click(within(certificate).getByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(tag).toHaveAttribute('aria-pressed', 'true'));
    expect(row[A.reviewCertificate]).toBe(true);
    expect(screen.getByText('Тег установлен')).toBeInTheDocument();
  });

  it('opens as a complaint about the visit handed over by the slot picker, with the ticket and its MO', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = renderPanel({ complaintTicketId: 't-9', handedKind: 'complaint' });
    expect(screen.getByRole('radio', { name: 'Жалоба' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: /Тема обращения/ })).toHaveTextContent('Жалоба на посещение');
    expect(await screen.findByTestId('complaint-ticket')).toHaveTextContent('Жалоба на посещение: невролог Петров П. П., 12.11.2026, 09:30, ГП № 3');
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Медицинская организация/ })).toHaveValue('ГП № 3'));
    expect(api.tickets).toHaveBeenCalledWith('p-1', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.anything());
    await fill(user, screen.getByLabelText(/Комментарий/), 'Врач опоздал на час');
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    expect(await screen.findByTestId('done')).toHaveTextContent('Жалоба оформлена');
    expect(api.create.mock.calls[0][0]).toMatchObject({ kind: 'complaint', topic: 'complaint_about_visit', ticketId: 't-9', moId: 'mo-3' });
    // the hand-over is used up: a new appeal starts blank
    await user.click(await screen.findByRole('button', { name: 'Новое обращение', hidden: true }));
    expect(screen.getByRole('radio', { name: 'Обращение' })).toBeChecked();
    expect(screen.queryByTestId('complaint-ticket')).toBeNull();
    expect(TICKET.id).toBe('t-9');
  });

  it('keeps the ticket MO when the hand-over columns arrive one after the other (as the form updates them)', async () => {
    const { rerender, props } = renderPanel({ complaintTicketId: 't-9', handedKind: null });
    const mo = screen.getByRole('combobox', { name: /Медицинская организация/ });
    await waitFor(() => expect(mo).toHaveValue('ГП № 3'));
    rerender(<AppealPanel {...props} handedKind="complaint" />);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Жалоба' })).toBeChecked());
    expect(screen.getByRole('combobox', { name: /Медицинская организация/ })).toHaveValue('ГП № 3');
  });

  it('a failed save shows the text for the code and the correlation id; Retry keeps the idempotency key', async () => {
    const user = userEvent.setup({ delay: null });
    const create = jest
      .fn()
      .mockRejectedValueOnce(new ApiError({ code: 'mis_timeout', status: 504, message: 'x', correlationId: 'corr-9', retryable: true }))
      .mockResolvedValueOnce({ appealId: 'ap-2', status: 'accepted' });
    renderPanel({ api: fakeApi({ create }), defaultKind: 'complaint' });
    expect(screen.getByRole('radio', { name: 'Жалоба' })).toBeChecked();
    await chooseTopic(user, 'Поведение персонала');
    await user.type(screen.getByRole('combobox', { name: /Медицинская организация/ }), 'ГП № 3');
    await user.keyboard('{ArrowDown}{Enter}');
    await fill(user, screen.getByLabelText(/Комментарий/), 'Грубость в регистратуре');
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('МИС не ответила вовремя, повторите');
    expect(bar).toHaveTextContent('corr-9');
    await user.click(await within(bar).findByRole('button', { name: 'Повторить', hidden: true }));
    expect(await screen.findByTestId('done')).toHaveTextContent('№ ap-2');
    expect(create.mock.calls[1][0].clientKey).toBe(create.mock.calls[0][0].clientKey);
  });

  it('a queued appeal (202) is followed in the outbox: registered by the MIS later, the card gets its number', async () => {
    const user = userEvent.setup({ delay: null });
    const create = jest.fn((body: { clientKey: string }) => Promise.resolve({ appealId: body.clientKey, status: 'accepted', queued: true }));
    const waiting = [entry('appeal', 'accepted', { reasonCode: 'mis_unavailable', reason: 'МИС недоступна, повторите позже' })];
    const outbox = outboxReports(waiting, waiting, [entry('appeal', 'delivered', { resultId: 'ap-88' })]);
    const { crm } = renderPanel({ api: fakeApi({ create, outbox }) });
    await chooseTopic(user, 'Другое');
    await user.type(screen.getByRole('combobox', { name: /Медицинская организация/ }), 'ГП № 3');
    await user.keyboard('{ArrowDown}{Enter}');
    await fill(user, screen.getByLabelText(/Комментарий/), 'Вопрос');
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    expect(await screen.findByTestId('done')).toHaveTextContent('обращение сохранено в очереди');
    expect(screen.getByTestId('delivery-status')).toHaveTextContent('В очереди: МИС недоступна');
    await waitFor(() => expect(screen.getByTestId('delivery-status')).toHaveTextContent('Принято МИС'));
    expect(screen.getByTestId('done')).toHaveTextContent('№ ap-88 в МИС, медицинская организация: ГП № 3.');
    const key = create.mock.calls[0]![0].clientKey as string;
    expect(outbox).toHaveBeenCalledWith(key, expect.anything());
    await waitFor(() => expect(crm.webAPI.tables[TABLES.appeal]![0]).toMatchObject({ [A.misAppealId]: 'ap-88', [A.deliveryStatus]: DELIVERY_STATUS_VALUES.delivered }));
  });

  it('a CRM card that cannot be saved keeps the tag off and offers a retry', async () => {
    const user = userEvent.setup({ delay: null });
    const { crm } = renderPanel();
    crm.webAPI.failNext('createRecord');
    await chooseTopic(user, 'Другое');
    await user.type(screen.getByRole('combobox', { name: /Медицинская организация/ }), 'ГП № 3');
    await user.keyboard('{ArrowDown}{Enter}');
    await fill(user, screen.getByLabelText(/Комментарий/), 'Вопрос');
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Карточка обращения в CRM не сохранена');
    expect(screen.getByTestId('certificate-tag')).toBeDisabled();
    await user.click(await within(bar).findByRole('button', { name: 'Повторить', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('certificate-tag')).toBeEnabled());
    expect(crm.webAPI.createRecord).toHaveBeenCalledTimes(2);
    expect(crm.webAPI.tables[TABLES.appeal]).toHaveLength(1);
  });

  it('read-only and masked modes', () => {
    const { unmount } = renderPanel({ readOnly: true });
    expect(screen.getByLabelText(/Комментарий/)).toBeDisabled();
    expect(screen.getByTestId('submit')).toBeDisabled();
    unmount();
    renderPanel({ masked: true });
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к обращениям этого звонка');
  });

  it('speaks English, topics included', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ lang: 'en', strings: en });
    expect(screen.getByRole('radio', { name: 'Complaint' })).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: /Topic/ }));
    expect(await screen.findByRole('option', { name: 'Quality of care' })).toBeInTheDocument();
  });
});
