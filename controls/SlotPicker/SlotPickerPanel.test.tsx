import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../shared/api/ApiError';
import { loadResx } from '../shared/test/resx';
import type { Strings } from '../shared/pcf/strings';
import { SlotPickerPanel, type SlotPickerPanelProps } from './SlotPickerPanel';
import type { SlotPickerStringKey } from './strings';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { CARD, DISTRICT_RESULT, FUTURE_TICKET, NOW, PAST_TICKET, fakeApi } from './testSupport';

quietReact16ActWarnings();
jest.setTimeout(60_000);

const ru = loadResx('SlotPicker', 1049) as Strings<SlotPickerStringKey>;
const en = loadResx('SlotPicker', 1033) as Strings<SlotPickerStringKey>;
const CLIENT_KEY = /^[A-Za-z0-9_-]{8,64}$/;

function renderPanel(props: Partial<SlotPickerPanelProps> = {}) {
  const api = (props.api as ReturnType<typeof fakeApi>) ?? fakeApi();
  const onBooked = jest.fn();
  const onComplaint = jest.fn();
  const all: SlotPickerPanelProps = {
    api,
    patientId: CARD.misId,
    patientName: CARD.fullName,
    defaultMode: 'district',
    periodDays: 14,
    ticketHistoryDays: 30,
    readOnly: false,
    masked: false,
    width: 1000,
    lang: 'ru',
    callId: 'call-1',
    strings: ru,
    onBooked,
    onComplaint,
    now: () => NOW,
    ...props,
  };
  const view = render(<SlotPickerPanel {...all} />);
  return { api, onBooked, onComplaint, view, user: userEvent.setup({ delay: null }) };
}

/** The time cell of a Moscow wall-clock time on the shown day. */
function timeCell(time: string): HTMLElement {
  return within(screen.getByTestId('time-grid')).getByRole('button', { name: new RegExp(`^${time}`) });
}

async function dialog(): Promise<HTMLElement> {
  return screen.findByRole('alertdialog');
}

describe('SlotPickerPanel: district doctor', () => {
  it('searches the district doctor at once and pre-selects the first day with free time', async () => {
    const { api } = renderPanel();
    expect(await screen.findByTestId('time-grid')).toBeInTheDocument();
    expect(api.patient).toHaveBeenCalledWith(CARD.misId, expect.any(AbortSignal));
    expect(api.specialties).toHaveBeenCalledWith({ patientId: CARD.misId }, expect.any(AbortSignal));
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.search).toHaveBeenCalledWith(
      { patientId: CARD.misId, specialtyCode: 'therapist', from: '2026-11-26', to: '2026-12-09', nearest: true },
      expect.any(AbortSignal),
    );
    expect(screen.getByTestId('resource')).toHaveValue('Петров Пётр Петрович (терапевт участковый)');
    const days = within(screen.getByTestId('day-strip')).getAllByRole('option');
    expect(days).toHaveLength(2);
    expect(days[0]).toHaveAttribute('aria-selected', 'true');
    expect(days[0]).toHaveAccessibleName('пятница, 27 ноября 2026 г., свободно: 5');
    expect(within(screen.getByTestId('time-grid')).getAllByRole('button').map((b) => b.textContent)).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00']);
  });

  it('books the district doctor in 2 user actions: pick a time → ОК (the manual takes about nine)', async () => {
    const { api, onBooked, user } = renderPanel();
    // Every user-event call on `counted` is one operator action (a click or a key press beyond typing data).
    const actions: string[] = [];
    const counted = new Proxy(user, {
      get(target, name: string) {
        const value = target[name as keyof typeof target];
        return typeof value === 'function' ? (...args: unknown[]) => (actions.push(name), (value as (...a: unknown[]) => unknown).apply(target, args)) : value;
      },
    });
    const click = (element: HTMLElement) => counted.click(element);

    // the patient is bound: the district doctor's days are there with the first day chosen, no action yet
    await screen.findByTestId('time-grid');
    expect(actions).toEqual([]);
    await click(timeCell('09:30'));
    const confirm = await dialog();
    const facts = within(confirm).getByTestId('booking-facts');
    expect(facts).toHaveTextContent('Пациент' + CARD.fullName);
    expect(facts).toHaveTextContent('ВрачПетров Пётр Петрович, терапевт участковый');
    expect(facts).toHaveTextContent('Датапятница, 27 ноября 2026 г.');
    expect(facts).toHaveTextContent('Время09:30–09:45');
    expect(facts).toHaveTextContent('Кабинет12');
    expect(facts).toHaveTextContent('Медицинская организацияГП № 1');
    // the SMS checkbox follows the patient's consent
    expect(within(confirm).getByRole('checkbox', { name: 'Отправить пациенту SMS о записи' })).toBeChecked();
    await click(within(confirm).getByRole('button', { name: 'ОК' }));

    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('t-s-3'));
    expect(actions).toEqual(['click', 'click']);
    expect(api.book).toHaveBeenCalledTimes(1);
    expect(api.book).toHaveBeenCalledWith({ patientId: CARD.misId, slotId: 's-3', clientKey: expect.stringMatching(CLIENT_KEY), notifySms: true, callId: 'call-1' });
    const notice = await screen.findByTestId('notice');
    expect(notice).toHaveAttribute('data-kind', 'booked');
    expect(notice).toHaveTextContent('Запись на приём оформлена');
    expect(notice).toHaveTextContent('Петров Пётр Петрович, 27.11.2026 09:30, каб. 12.');
    expect(notice).toHaveTextContent('Пациенту отправлено SMS.');
    // the booked time is gone from the day, the tickets and the day are read again
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    // focus is on the outcome, and the page behind the closed dialog is no longer hidden from assistive technology
    expect(notice).toHaveFocus();
    expect(within(screen.getByTestId('time-grid')).getAllByRole('button').map((b) => b.textContent)).toEqual(['09:00', '09:15', '09:45', '10:00']);
    await waitFor(() => expect(api.tickets).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(api.search).toHaveBeenCalledTimes(2));
  });

  it('does not wait for the patient card: the search starts on the specialties, the SMS box follows the card when it comes', async () => {
    const api = fakeApi();
    let giveCard: (card: typeof CARD) => void = () => undefined;
    api.patient.mockReturnValue(new Promise((resolve) => (giveCard = resolve)));
    const { user } = renderPanel({ api });
    await screen.findByTestId('time-grid');
    expect(api.search).toHaveBeenCalledTimes(1);
    await user.click(timeCell('09:00'));
    const confirm = await dialog();
    expect(within(confirm).getByRole('checkbox')).not.toBeChecked();
    // the patient's own MO comes with the card: the region's organisations are not read meanwhile
    expect(api.organisations).not.toHaveBeenCalled();
    giveCard(CARD);
    await waitFor(() => expect(within(confirm).getByRole('checkbox')).toBeChecked());
    expect(within(confirm).getByTestId('booking-facts')).toHaveTextContent('Медицинская организацияГП № 1');
    expect(api.organisations).not.toHaveBeenCalled();
  });

  it('is keyboard-navigable: arrows move across the time cells, Enter picks, Enter on ОК books', async () => {
    const { api, onBooked, user } = renderPanel({ width: 600 });
    await screen.findByTestId('time-grid');
    // 600 px: 6 cells a row
    const first = timeCell('09:00');
    expect(first).toHaveAttribute('tabindex', '0');
    expect(timeCell('09:15')).toHaveAttribute('tabindex', '-1');
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(timeCell('09:15')).toHaveFocus();
    await user.keyboard('{End}');
    expect(timeCell('10:00')).toHaveFocus();
    await user.keyboard('{Home}{ArrowRight}{ArrowRight}');
    expect(timeCell('09:30')).toHaveFocus();
    await user.keyboard('{Enter}');
    const confirm = await dialog();
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'ОК' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('t-s-3'));
    expect(api.book).toHaveBeenCalledTimes(1);
  });

  it('a zone with two doctors: the cells are grouped under each doctor’s name, and every cell says its doctor', async () => {
    const api = fakeApi();
    const second = { ...DISTRICT_RESULT.doctors[0]!, id: 'doc-2', fullName: 'Сидорова Анна Ивановна' };
    const day = DISTRICT_RESULT.days[0]!;
    api.search.mockResolvedValue({
      doctors: [DISTRICT_RESULT.doctors[0]!, second],
      days: [{ ...day, freeCount: 6, slots: [...day.slots, { ...day.slots[0]!, id: 's-9', doctorId: 'doc-2', room: '14' }] }],
    });
    renderPanel({ api });
    const grid = await screen.findByTestId('time-grid');
    expect(within(grid).getByText('Сидорова Анна Ивановна, терапевт участковый')).toBeInTheDocument();
    expect(within(grid).getAllByRole('group')).toHaveLength(2);
    expect(within(grid).getAllByRole('button', { name: /^09:00/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      '09:00, Петров П. П., каб. 12',
      '09:00, Сидорова А. И., каб. 14',
    ]);
    expect(screen.getByTestId('resource')).toHaveValue('Петров Пётр Петрович (терапевт участковый); Сидорова Анна Ивановна (терапевт участковый)');
  });

  it('moves between days with the arrows and Enter in the days list', async () => {
    const { user } = renderPanel();
    const list = await screen.findByTestId('day-strip');
    list.focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    expect(within(screen.getByTestId('time-grid')).getAllByRole('button').map((b) => b.textContent)).toEqual(['14:00', '14:15']);
  });

  it('on 409 slot_taken says the time was just taken and refreshes the day, staying on it', async () => {
    const api = fakeApi();
    api.book.mockRejectedValueOnce(new ApiError({ code: 'slot_taken', status: 409, message: 'x', correlationId: 'corr-409', retryable: false }));
    const after = { ...DISTRICT_RESULT, days: [DISTRICT_RESULT.days[0]!, { ...DISTRICT_RESULT.days[1]!, slots: [DISTRICT_RESULT.days[1]!.slots[1]!], freeCount: 1 }] };
    const { user, onBooked } = renderPanel({ api });
    await screen.findByTestId('time-grid');
    await user.click(within(screen.getByTestId('day-strip')).getAllByRole('option')[1]!);
    api.search.mockResolvedValueOnce(after);
    await user.click(timeCell('14:00'));
    await user.click(within(await dialog()).getByRole('button', { name: 'ОК' }));

    const notice = await screen.findByTestId('notice');
    expect(notice).toHaveAttribute('data-kind', 'taken');
    expect(notice).toHaveTextContent('Это время только что заняли');
    await waitFor(() => expect(api.search).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(screen.getByTestId('time-grid')).getAllByRole('button').map((b) => b.textContent)).toEqual(['14:15']));
    expect(within(screen.getByTestId('day-strip')).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onBooked).not.toHaveBeenCalled();
  });

  it('a retry after a timeout sends the same client key (never a second booking); a new attempt gets a new key', async () => {
    const api = fakeApi();
    api.book.mockRejectedValueOnce(new ApiError({ code: 'mis_timeout', status: 504, message: 'x', correlationId: 'corr-504', retryable: true }));
    const { user, onBooked } = renderPanel({ api });
    await screen.findByTestId('time-grid');
    await user.click(timeCell('09:00'));
    const confirm = await dialog();
    await user.click(within(confirm).getByRole('button', { name: 'ОК' }));
    const error = await within(confirm).findByTestId('error-bar');
    expect(error).toHaveAttribute('data-code', 'mis_timeout');
    expect(error).toHaveTextContent('МИС не ответила вовремя, повторите');
    expect(error).toHaveTextContent('corr-504');
    await user.click(within(confirm).getByRole('button', { name: 'ОК' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('t-s-1'));
    expect(api.book).toHaveBeenCalledTimes(2);
    const [first, second] = api.book.mock.calls.map((c) => (c[0] as { clientKey: string }).clientKey);
    expect(second).toBe(first);

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await user.click(timeCell('09:15'));
    await user.click(within(await dialog()).getByRole('button', { name: 'ОК' }));
    await waitFor(() => expect(api.book).toHaveBeenCalledTimes(3));
    expect((api.book.mock.calls[2]![0] as { clientKey: string }).clientKey).not.toBe(first);
  });

  it('Отмена closes the confirmation without booking; the SMS box can be unticked', async () => {
    const api = fakeApi();
    const { user } = renderPanel({ api });
    await screen.findByTestId('time-grid');
    await user.click(timeCell('09:00'));
    await user.click(within(await dialog()).getByRole('button', { name: 'Отмена' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.book).not.toHaveBeenCalled();

    await user.click(timeCell('09:00'));
    const confirm = await dialog();
    await user.click(within(confirm).getByRole('checkbox'));
    await user.click(within(confirm).getByRole('button', { name: 'ОК' }));
    await waitFor(() => expect(api.book).toHaveBeenCalledWith(expect.objectContaining({ slotId: 's-1', notifySms: false })));
  });

  it('shows the nearest days when the interval has none', async () => {
    const api = fakeApi();
    api.search.mockResolvedValue({ ...DISTRICT_RESULT, extendedTo: '2026-12-23' });
    renderPanel({ api });
    expect(await screen.findByTestId('extended')).toHaveTextContent('С 09.12.2026 свободного времени нет — показаны ближайшие дни до 23.12.2026');
    expect(screen.getByTestId('time-grid')).toBeInTheDocument();
  });

  it('with no free time at all says so and opens the schedule export by itself', async () => {
    const api = fakeApi();
    api.search.mockResolvedValue({ doctors: DISTRICT_RESULT.doctors, days: [], extendedTo: '2026-12-23' });
    renderPanel({ api });
    expect(await screen.findByTestId('no-days')).toHaveTextContent('Свободного времени нет до 23.12.2026');
    expect(await screen.findByTestId('schedule-export')).toBeInTheDocument();
    // the patient's department of the searched doctor is preselected
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Поликлиническое отделение' })).toHaveValue('dep-1'));
    expect(api.departments).toHaveBeenCalledWith('mo-1', expect.any(AbortSignal));
  });

  it('searches again for a new interval with Поиск, and refuses a reversed interval naming the field', async () => {
    const { api, user } = renderPanel();
    await screen.findByTestId('time-grid');
    const from = screen.getByLabelText('С');
    const to = screen.getByLabelText('По');
    await user.clear(to);
    await user.type(to, '2026-11-20');
    await user.click(screen.getByRole('button', { name: 'Поиск' }));
    expect(await screen.findByText(/конец периода раньше начала/)).toBeInTheDocument();
    expect(api.search).toHaveBeenCalledTimes(1);

    await user.clear(from);
    await user.type(from, '2026-12-01');
    await user.clear(to);
    await user.type(to, '2026-12-10');
    await user.click(screen.getByRole('button', { name: 'Поиск' }));
    await waitFor(() => expect(api.search).toHaveBeenCalledTimes(2));
    expect(api.search).toHaveBeenLastCalledWith(expect.objectContaining({ from: '2026-12-01', to: '2026-12-10', specialtyCode: 'therapist' }), expect.any(AbortSignal));
  });

  it('shows a failed search in a MessageBar with the localised text and the correlation id, and retries', async () => {
    const api = fakeApi();
    api.search.mockRejectedValueOnce(new ApiError({ code: 'mis_unavailable', status: 503, message: 'MIS down', correlationId: 'corr-503', retryable: true }));
    const { user } = renderPanel({ api });
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Поиск свободного времени не выполнен');
    expect(bar).toHaveTextContent('МИС недоступна, повторите позже');
    expect(bar).toHaveTextContent('Идентификатор запроса: corr-503');
    await user.click(within(bar).getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByTestId('time-grid')).toBeInTheDocument();
    expect(screen.queryByTestId('error-bar')).toBeNull();
  });
});

describe('SlotPickerPanel: narrow specialist', () => {
  it('offers the narrow specialties with type-ahead and searches the one chosen', async () => {
    const { api, user } = renderPanel();
    await screen.findByTestId('time-grid');
    await user.click(screen.getByRole('tab', { name: 'К узкому специалисту' }));
    expect(screen.getByTestId('slot-picker')).toHaveAttribute('data-mode', 'narrow');
    // nothing chosen yet: the district days are not shown for the narrow mode
    expect(screen.queryByTestId('time-grid')).toBeNull();
    const service = screen.getByRole('combobox', { name: 'Услуга' });
    await user.type(service, 'хир');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['хирург']);
    api.search.mockResolvedValueOnce({ ...DISTRICT_RESULT, doctors: [{ ...DISTRICT_RESULT.doctors[0]!, specialtyCode: 'surgeon', specialtyName: 'хирург' }] });
    await user.click(screen.getByRole('option', { name: 'хирург' }));
    await waitFor(() => expect(api.search).toHaveBeenLastCalledWith(expect.objectContaining({ specialtyCode: 'surgeon', nearest: true }), expect.any(AbortSignal)));
    expect(await screen.findByTestId('time-grid')).toBeInTheDocument();
  });

  it('takes the analysts’ narrow list (eer_narrowspecialty) for order and names, within what the MIS offers', async () => {
    const api = fakeApi();
    api.configuredNarrow.mockResolvedValue([
      { code: 'neurologist', name: 'Невролог' },
      { code: 'dentist', name: 'Стоматолог (терапевт)' },
      { code: 'cardiologist', name: 'Кардиолог' },
    ]);
    const { user } = renderPanel({ api, defaultMode: 'narrow' });
    const service = await screen.findByRole('combobox', { name: 'Услуга' });
    await waitFor(() => expect(service).toBeEnabled());
    await user.click(service);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Невролог', 'Стоматолог (терапевт)']);
    expect(api.search).not.toHaveBeenCalled();
  });
});

describe('SlotPickerPanel: tickets', () => {
  it('lists the tickets with date, time, doctor, specialty, MO, room and status', async () => {
    const { api } = renderPanel();
    const list = await screen.findByTestId('ticket-list');
    expect(api.tickets).toHaveBeenCalledWith(CARD.misId, { from: '2026-10-27' }, expect.any(AbortSignal));
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 7).map((c) => c.textContent))).toEqual([
      ['10.11.2026', '11:00', 'Петров Пётр Петрович', 'терапевт участковый', 'ГП № 1', '12', 'Посещён'],
      ['01.12.2026', '11:00', 'Петров Пётр Петрович', 'терапевт участковый', 'ГП № 1', '12', 'Записан'],
    ]);
    // only a booked future ticket can be cancelled
    expect(within(rows[0]!).getByRole('button', { name: /^Отменить/ })).toBeDisabled();
    expect(within(rows[1]!).getByRole('button', { name: /^Отменить/ })).toBeEnabled();
  });

  it('cancels a ticket after confirmation, with a client key and SMS by consent, and reads the tickets again', async () => {
    const { api, user } = renderPanel();
    const list = await screen.findByTestId('ticket-list');
    await user.click(within(list).getByRole('button', { name: 'Отменить: 01.12.2026 11:00, Петров Пётр Петрович' }));
    const confirm = await dialog();
    expect(confirm).toHaveTextContent('Талон на 01.12.2026 11:00, врач Петров Пётр Петрович, ГП № 1.');
    await user.click(within(confirm).getByRole('button', { name: 'Отменить запись' }));
    await waitFor(() =>
      expect(api.cancel).toHaveBeenCalledWith({ patientId: CARD.misId, ticketId: FUTURE_TICKET.id, clientKey: expect.stringMatching(CLIENT_KEY), notifySms: true }),
    );
    const notice = await screen.findByTestId('notice');
    expect(notice).toHaveTextContent('Запись отменена');
    expect(notice).toHaveTextContent('Пациенту отправлено SMS.');
    await waitFor(() => expect(api.tickets).toHaveBeenCalledTimes(2));
  });

  it('«Жалоба на посещение» hands the ticket to the appeal form', async () => {
    const { onComplaint, user } = renderPanel();
    const list = await screen.findByTestId('ticket-list');
    await user.click(within(list).getByRole('button', { name: 'Жалоба на посещение: 10.11.2026 11:00, Петров Пётр Петрович' }));
    expect(onComplaint).toHaveBeenCalledWith(PAST_TICKET.id);
    expect(await screen.findByTestId('notice')).toHaveTextContent('перейдите на вкладку «Обращения граждан»');
  });
});

describe('SlotPickerPanel: schedule export', () => {
  it('downloads the schedule of a scope and format for the interval, under the server’s file name', async () => {
    const { api, user } = renderPanel();
    await screen.findByTestId('time-grid');
    await user.click(screen.getByTestId('export-toggle'));
    const panel = await screen.findByTestId('schedule-export');
    await waitFor(() => expect(within(panel).getByRole('combobox', { name: 'Поликлиническое отделение' })).toHaveValue('dep-1'));
    await user.click(within(panel).getByRole('radio', { name: 'CSV' }));
    await user.click(within(panel).getByRole('button', { name: 'Выгрузить' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.exportSchedule).toHaveBeenCalledWith({ by: 'department', id: 'dep-1', from: '2026-11-26', to: '2026-12-09', format: 'csv' });
    expect(api.save.mock.calls[0]![0]).toMatchObject({ filename: 'schedule_department_dep-1_2026-11-26_2026-12-09.csv' });
    expect(await screen.findByTestId('notice')).toHaveTextContent('schedule_department_dep-1_2026-11-26_2026-12-09.csv');

    await user.click(within(panel).getByRole('radio', { name: 'Медицинская организация' }));
    await waitFor(() => expect(within(panel).getByRole('combobox', { name: 'Медицинская организация' })).toHaveValue('mo-1'));
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Медицинская организация' }), 'mo-2');
    await user.click(within(panel).getByRole('radio', { name: 'XLSX' }));
    await user.click(within(panel).getByRole('button', { name: 'Выгрузить' }));
    await waitFor(() => expect(api.exportSchedule).toHaveBeenLastCalledWith({ by: 'organisation', id: 'mo-2', from: '2026-11-26', to: '2026-12-09', format: 'xlsx' }));

    await user.click(within(panel).getByRole('radio', { name: 'Населённый пункт' }));
    await waitFor(() => expect(within(panel).getByRole('combobox', { name: 'Населённый пункт' })).toHaveValue('loc-1'));
  });
});

describe('SlotPickerPanel: modes', () => {
  it('read-only: times and tickets are shown, nothing can be booked, cancelled or complained about', async () => {
    const { api, user, onComplaint } = renderPanel({ readOnly: true });
    await screen.findByTestId('time-grid');
    const cell = timeCell('09:00');
    expect(cell).toHaveAttribute('aria-disabled', 'true');
    await user.click(cell);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const list = await screen.findByTestId('ticket-list');
    for (const button of within(list).getAllByRole('button')) expect(button).toBeDisabled();
    expect(screen.getByText(/только просмотр/)).toBeInTheDocument();
    expect(api.book).not.toHaveBeenCalled();
    expect(onComplaint).not.toHaveBeenCalled();
  });

  it('masked by field security: nothing about the patient is shown or requested', () => {
    const { api } = renderPanel({ masked: true });
    expect(screen.getByTestId('slot-picker-masked')).toHaveTextContent('Нет доступа к данным пациента');
    expect(api.patient).not.toHaveBeenCalled();
  });

  it('without a patient asks to identify one first', () => {
    const { api } = renderPanel({ patientId: null });
    expect(screen.getByTestId('slot-picker-no-patient')).toHaveTextContent('Сначала найдите пациента');
    expect(api.search).not.toHaveBeenCalled();
  });

  it('a new patient starts afresh: searched again, nothing of the previous one stays', async () => {
    const api = fakeApi();
    const { view, user } = renderPanel({ api });
    await screen.findByTestId('time-grid');
    await user.click(timeCell('09:00'));
    await user.click(within(await dialog()).getByRole('button', { name: 'ОК' }));
    await screen.findByTestId('notice');
    view.rerender(
      <SlotPickerPanel
        api={api}
        patientId="pat-2"
        patientName="Ладыгина Алиса Олеговна"
        defaultMode="district"
        periodDays={14}
        ticketHistoryDays={30}
        readOnly={false}
        masked={false}
        width={1000}
        lang="ru"
        strings={ru}
        onBooked={jest.fn()}
        onComplaint={jest.fn()}
        now={() => NOW}
      />,
    );
    expect(screen.queryByTestId('notice')).toBeNull();
    await waitFor(() => expect(api.search).toHaveBeenLastCalledWith(expect.objectContaining({ patientId: 'pat-2' }), expect.any(AbortSignal)));
  });

  it('a booking answered after the operator moved to another patient is still recorded on the call', async () => {
    const api = fakeApi();
    let answer: (value: unknown) => void = () => undefined;
    api.book.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { view, user, onBooked } = renderPanel({ api });
    await screen.findByTestId('time-grid');
    await user.click(timeCell('09:00'));
    await user.click(within(await dialog()).getByRole('button', { name: 'ОК' }));
    view.rerender(
      <SlotPickerPanel api={api} patientId="pat-2" patientName="x" defaultMode="district" periodDays={14} ticketHistoryDays={30} readOnly={false} masked={false}
        width={1000} lang="ru" strings={ru} onBooked={onBooked} onComplaint={jest.fn()} now={() => NOW} />,
    );
    answer({ ticket: { ...FUTURE_TICKET, id: 'appt-late' }, smsSent: false });
    await waitFor(() => expect(onBooked).toHaveBeenCalledWith('appt-late'));
  });

  it('speaks English for 1033', async () => {
    renderPanel({ strings: en, lang: 'en' });
    expect(await screen.findByRole('tab', { name: 'To the district doctor' })).toBeInTheDocument();
    expect(await screen.findByTestId('day-strip')).toBeInTheDocument();
    expect(within(screen.getByTestId('day-strip')).getAllByRole('option')[0]).toHaveAccessibleName('Friday, 27 November 2026, free: 5');
    expect(screen.getByRole('button', { name: 'Search' })).toBeInTheDocument();
  });

  it('narrow form: the tickets are blocks, not a table', async () => {
    renderPanel({ width: 400 });
    const list = await screen.findByTestId('ticket-list');
    expect(list.tagName).toBe('UL');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });
});
