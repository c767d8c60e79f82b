import * as React from 'react';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../shared/api/ApiError';
import { loadResx } from '../shared/test/resx';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import type { Strings } from '../shared/pcf/strings';
import { VaccinationPanel, type VaccinationPanelProps } from './VaccinationPanel';
import type { VaccinationFormStringKey } from './strings';
import { COLUMNS, DOSE_VALUES, TABLES } from '@eer/contract';
import { TEST_POLL_DELAYS, entry, outboxReports, recordsOverMock } from '../shared/records/testSupport';
import { SNILS, fakeApi, slotsOf } from './testSupport';

const V = COLUMNS.vaccination;

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

const ru = loadResx('VaccinationForm', 1049) as Strings<VaccinationFormStringKey>;
const en = loadResx('VaccinationForm', 1033) as Strings<VaccinationFormStringKey>;

function renderPanel(overrides: Partial<VaccinationPanelProps> = {}) {
  const crm = recordsOverMock();
  const props: VaccinationPanelProps = {
    api: fakeApi(),
    records: crm.records,
    callRecordId: crm.callRecordId,
    pollDelays: TEST_POLL_DELAYS,
    callId: 'call-1',
    slotDays: 14,
    readOnly: false,
    masked: false,
    narrow: false,
    lang: 'ru',
    strings: ru,
    onCreated: jest.fn(),
    ...overrides,
  };
  const view = render(<VaccinationPanel {...props} />);
  return { ...view, props, api: props.api as ReturnType<typeof fakeApi>, crm };
}

type User = ReturnType<typeof userEvent.setup>;

async function fillWorker(user: User) {
  await user.type(screen.getByLabelText(/Фамилия/), 'Сидоренко');
  await user.type(screen.getByLabelText(/^Имя/), 'Анна');
  await user.type(screen.getByLabelText(/Дата рождения/), '12031985');
  await user.type(screen.getByLabelText(/СНИЛС/), '11223344595');
  await user.type(screen.getByLabelText(/Мобильный телефон/), '89161234567');
  await user.type(screen.getByRole('combobox', { name: /Место работы/ }), 'ГП № 3');
  await user.keyboard('{ArrowDown}{Enter}');
  await user.type(screen.getByLabelText(/Должность/), 'Медицинская сестра');
}

async function choosePoint(user: User, name: string) {
  await user.click(screen.getByRole('combobox', { name: /Пункт вакцинации/ }));
  await user.click(await screen.findByRole('option', { name: new RegExp(name) }));
}

describe('VaccinationPanel', () => {
  quietReact16ActWarnings();

  it('keyboard path: every field, the point free time as days and time cells, ОК; the id goes out', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, props, crm } = renderPanel();
    await fillWorker(user);
    expect(screen.getByLabelText(/СНИЛС/)).toHaveValue(SNILS);
    await user.click(screen.getByRole('radio', { name: 'Вторая' }));
    await choosePoint(user, 'Прививочный пункт ГП № 1');
    expect(screen.getByTestId('point-details')).toHaveTextContent('Часы работы: Пн–Пт 08:00–16:00; Сб–Вс выходной');
    const strip = await screen.findByRole('listbox', { name: 'Дни со свободным временем' });
    expect(within(strip).getAllByRole('option')).toHaveLength(2);
    expect(within(strip).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    expect(api.slots).toHaveBeenCalledWith('vp-1', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.anything());
    // the second day with the keyboard, then its only time
    strip.focus();
    await user.keyboard('{ArrowRight}{Enter}');
    const cells = await screen.findByTestId('time-cells');
    const times = within(cells).getAllByRole('button');
    expect(times).toHaveLength(1);
    expect(times[0]).toHaveAccessibleName('10:00, мест: 4');
    times[0]!.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('slot-chosen')).toHaveTextContent('Выбрано: Прививочный пункт ГП № 1');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByTestId('confirm-summary')).toHaveTextContent('Сидоренко Анна');
    expect(within(dialog).getByTestId('confirm-summary')).toHaveTextContent('112-233-445 95');
    await waitFor(() => expect(within(dialog).getByTestId('confirm-dialog-confirm')).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('done')).toHaveTextContent('Запись № vac-1: Прививочный пункт ГП № 1');
    expect(screen.getByTestId('done')).toHaveTextContent('SMS с подтверждением отправлено.');
    expect(props.onCreated).toHaveBeenCalledWith('vac-1');
    const body = api.register.mock.calls[0][0];
    expect(body).toMatchObject({
      lastName: 'Сидоренко',
      firstName: 'Анна',
      birthDate: '1985-03-12',
      snils: '11223344595',
      phone: '+79161234567',
      employerMoId: 'mo-3',
      position: 'Медицинская сестра',
      dose: 2,
      pointId: 'vp-1',
      slotId: 'vp-1-c',
      callId: 'call-1',
    });
    expect(body.middleName).toBeUndefined();
    expect(body.vaccine).toBeUndefined();
    // the registration's row in the CRM, linked to the call
    await waitFor(() => expect(crm.webAPI.tables[TABLES.vaccination]).toHaveLength(1));
    expect(crm.webAPI.tables[TABLES.vaccination]![0]).toMatchObject({
      [V.name]: 'Вакцинация: Сидоренко Анна',
      [V.workerName]: 'Сидоренко Анна',
      [V.employerMoId]: 'mo-3',
      [V.position]: 'Медицинская сестра',
      [V.vaccine]: null,
      [V.dose]: DOSE_VALUES['2'],
      [V.pointId]: 'vp-1',
      [V.pointName]: 'Прививочный пункт ГП № 1',
      [V.slotStart]: slotsOf('vp-1').find((s) => s.id === 'vp-1-c')!.start,
      [V.misRegistrationId]: 'vac-1',
      _eer_callid_value: crm.callRecordId,
    });
    expect(api.outbox).not.toHaveBeenCalled();
  });

  it('an SMS that did not go out at once is followed in the outbox until sent', async () => {
    const user = userEvent.setup({ delay: null });
    const register = jest.fn().mockResolvedValue({ registrationId: 'vac-2', status: 'accepted', smsSent: false });
    const outbox = outboxReports([entry('sms', 'accepted', { reasonCode: 'mis_unavailable', reason: 'Шлюз SMS недоступен' })], [entry('sms', 'delivered')]);
    const { api } = renderPanel({ api: fakeApi({ register, outbox }) });
    await fillWorker(user);
    await user.click(screen.getByRole('radio', { name: 'Вторая' }));
    await choosePoint(user, 'Прививочный пункт ГП № 1');
    const cells = await screen.findByTestId('time-cells');
    await user.click(within(cells).getAllByRole('button')[0]!);
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    expect(await screen.findByTestId('done')).toHaveTextContent('SMS не отправлено');
    await waitFor(() => expect(screen.getByTestId('sms-status')).toHaveTextContent('SMS: отправлено'));
    expect(screen.getByTestId('done')).toHaveTextContent('SMS с подтверждением отправлено.');
    expect(api.outbox.mock.calls[0][0]).toBe(register.mock.calls[0][0].clientKey);
  });

  it('checks the SNILS checksum when the operator leaves the field', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    await user.type(screen.getByLabelText(/СНИЛС/), '11223344500');
    await user.tab();
    expect(await screen.findByText('неверная контрольная сумма')).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/СНИЛС/));
    await user.type(screen.getByLabelText(/СНИЛС/), '11223344595');
    await user.tab();
    await waitFor(() => expect(screen.queryByText('неверная контрольная сумма')).toBeNull());
  });

  it('names every missing field in the contract words and focuses the first', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = renderPanel();
    await user.type(screen.getByLabelText(/Мобильный телефон/), '4951234567');
    await user.click(screen.getByTestId('submit'));
    expect(await screen.findByText('для SMS нужен мобильный номер (+79…)')).toBeInTheDocument();
    expect(screen.getByLabelText(/Фамилия/)).toHaveFocus();
    expect(screen.getAllByText('обязательное поле').length).toBeGreaterThanOrEqual(5); // birth date, SNILS, employer, dose, point, slot
    expect(api.register).not.toHaveBeenCalled();
  });

  it('a slot taken meanwhile: the code text, a fresh list, the time to choose again', async () => {
    const user = userEvent.setup({ delay: null });
    const register = jest.fn().mockRejectedValue(new ApiError({ code: 'slot_taken', status: 409, message: 'x', correlationId: 'corr-409', retryable: false }));
    const { api } = renderPanel({ api: fakeApi({ register }) });
    await fillWorker(user);
    await user.click(screen.getByRole('radio', { name: 'Первая' }));
    await choosePoint(user, 'Мобильный пункт');
    const cells = await screen.findByTestId('time-cells');
    await user.click(within(cells).getAllByRole('button')[0]!);
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Слот уже занят, выберите другое время');
    expect(bar).toHaveTextContent('corr-409');
    await waitFor(() => expect(api.slots).toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId('slot-chosen')).toBeNull();
  });

  it('a point without free time says so', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ api: fakeApi({ slots: jest.fn().mockResolvedValue([]) }), slotDays: 7 });
    await choosePoint(user, 'Мобильный пункт');
    expect(await screen.findByText('В ближайшие 7 дн. свободного времени нет: выберите другой пункт')).toBeInTheDocument();
  });

  it('read-only, masked and English', () => {
    const { unmount } = renderPanel({ readOnly: true });
    expect(screen.getByLabelText(/Фамилия/)).toBeDisabled();
    expect(screen.getByTestId('submit')).toBeDisabled();
    unmount();
    const masked = renderPanel({ masked: true });
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к записям на вакцинацию этого звонка');
    masked.unmount();
    renderPanel({ lang: 'en', strings: en });
    expect(screen.getByRole('button', { name: /Book the vaccination/ })).toBeInTheDocument();
    expect(slotsOf('x')).toHaveLength(3);
  });
});
