import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PatientCard, PatientSearchResult, PhoneUpdateResult } from '@eer/contract';
import { ApiError } from '../shared/api/ApiError';
import { loadResx } from '../shared/test/resx';
import type { Strings } from '../shared/pcf/strings';
import type { PatientApi } from './patientApi';
import { PatientSearchPanel, type PatientSearchPanelProps } from './PatientSearchPanel';
import type { PatientSearchStringKey } from './strings';
import { IVANOV, IVANOVA, IVANOV_CARD } from './testSupport';
import { quietReact16ActWarnings } from '../shared/test/quietAct';

quietReact16ActWarnings();
// Multi-step keyboard paths with Fluent in jsdom: generous on a loaded two-core machine.
jest.setTimeout(30_000);

const ru = loadResx('PatientSearch', 1049) as Strings<PatientSearchStringKey>;
const en = loadResx('PatientSearch', 1033) as Strings<PatientSearchStringKey>;

function fakeApi(overrides: Partial<PatientApi> = {}): jest.Mocked<PatientApi> {
  return {
    search: jest.fn(async (): Promise<PatientSearchResult> => ({ candidates: [IVANOV, IVANOVA], truncated: false })),
    byPhone: jest.fn(async (): Promise<PatientSearchResult> => ({ candidates: [], truncated: false })),
    card: jest.fn(async (): Promise<PatientCard> => IVANOV_CARD),
    updatePhone: jest.fn(async (u): Promise<PhoneUpdateResult> => ({ patientId: u.patientId, phone: '+79161234567', smsConsent: u.smsConsent })),
    ...overrides,
  } as jest.Mocked<PatientApi>;
}

function renderPanel(props: Partial<PatientSearchPanelProps> = {}) {
  const api = (props.api as jest.Mocked<PatientApi>) ?? fakeApi();
  const onChoose = jest.fn();
  const all: PatientSearchPanelProps = {
    api,
    chosenId: null,
    callerNumber: null,
    preIdentify: true,
    limit: 10,
    delayMs: 10,
    readOnly: false,
    narrow: false,
    lang: 'ru',
    strings: ru,
    onChoose,
    ...props,
  };
  const view = render(<PatientSearchPanel {...all} />);
  return { api, onChoose, view, user: userEvent.setup() };
}

describe('PatientSearchPanel', () => {
  it('every field has a visible label, and Tab walks them in the manual order', async () => {
    const { user } = renderPanel();
    const order = ['ФИО', 'Дата рождения', 'Полис ОМС', 'СНИЛС', 'Паспорт'];
    for (const label of order) expect(screen.getByLabelText(label)).toBeInTheDocument();
    await user.tab();
    for (const label of order) {
      expect(screen.getByLabelText(label)).toHaveFocus();
      await user.tab();
    }
  });

  it('searches as the operator types and announces the count', async () => {
    const { api, user } = renderPanel();
    await user.type(screen.getByLabelText('ФИО'), 'Иванов');
    await waitFor(() => expect(api.search).toHaveBeenLastCalledWith({ fullName: 'Иванов', limit: 10 }, expect.any(AbortSignal)));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    expect(screen.getByTestId('patient-live')).toHaveTextContent('Найдено пациентов: 2');
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('Иванов Иван Иванович');
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('01.02.1980 (46 лет) · СНИЛС 112-233-445 95 · ГП № 3');
    expect(screen.getAllByRole('option')[1]).toHaveTextContent('(11 лет)');
  });

  it('arrow keys move through the list and Enter opens the card of the chosen patient', async () => {
    const { api, user, onChoose } = renderPanel();
    await user.type(screen.getByLabelText('ФИО'), 'Иванов');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    await user.keyboard('{ArrowDown}');
    const list = screen.getByRole('listbox', { name: 'Список пациентов' });
    expect(list).toHaveFocus();
    expect(screen.getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onChoose).toHaveBeenCalledWith({ misId: 'p-1', fullName: 'Иванов Иван Иванович' });
    const card = await screen.findByTestId('patient-card');
    expect(api.card).toHaveBeenCalledWith('p-1', expect.any(AbortSignal));
    for (const text of [
      'Иванов Иван Иванович',
      '01.02.1980',
      'Возраст',
      '+7 (495) 123-45-67',
      'ГБУЗ «Городская поликлиника № 3»',
      'Терапевтический участок № 12',
      '7700000000000010',
      '112-233-445 95',
      'г. Москва, ул. Ленина, д. 1, кв. 2',
    ]) {
      expect(card).toHaveTextContent(text);
    }
    expect(screen.getByTestId('patient-live')).toHaveTextContent('Выбран пациент: Иванов Иван Иванович');
    await user.click(screen.getByRole('button', { name: 'Найти другого пациента' }));
    expect(screen.getByLabelText('ФИО')).toBeInTheDocument();
  });

  it('shows contract messages under the fields and does not search with a wrong value', async () => {
    const { api, user } = renderPanel();
    await user.type(screen.getByLabelText('СНИЛС'), '11223344596');
    expect(await screen.findByText('СНИЛС: неверная контрольная сумма')).toBeInTheDocument();
    expect(screen.getByLabelText('СНИЛС')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('patient-list-status')).toHaveTextContent('Исправьте выделенные поля');
    await new Promise((r) => setTimeout(r, 30));
    expect(api.search).not.toHaveBeenCalled();
  });

  it('a partial value is reported only once the field is left', async () => {
    const { user } = renderPanel();
    await user.type(screen.getByLabelText('Паспорт'), '4506');
    expect(screen.queryByText(/^Паспорт: /)).toBeNull();
    await user.tab();
    expect(screen.getByText('Паспорт: серия из 4 цифр и номер из 6 цифр, например 45 06 123456')).toBeInTheDocument();
  });

  it('speaks English messages for an English user', async () => {
    const { user } = renderPanel({ lang: 'en', strings: en });
    await user.type(screen.getByLabelText('SNILS'), '11223344596');
    expect(await screen.findByText('SNILS: wrong checksum')).toBeInTheDocument();
  });

  it('offers the patients with the caller number first', async () => {
    const api = fakeApi({ byPhone: jest.fn(async () => ({ candidates: [IVANOVA], truncated: false })) });
    const { user } = renderPanel({ api, callerNumber: '+79161234567' });
    expect(await screen.findByRole('listbox', { name: 'Возможно, звонит (по номеру +7 (916) 123-45-67)' })).toBeInTheDocument();
    expect(api.byPhone).toHaveBeenCalledWith('+79161234567', expect.any(AbortSignal));
    expect(screen.getAllByRole('option')).toHaveLength(1);
    // a search that finds both puts the caller's patient first, marked
    await user.type(screen.getByLabelText('ФИО'), 'Иванов');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    const first = screen.getAllByRole('option')[0]!;
    expect(first).toHaveTextContent('Иванова Мария Петровна');
    expect(within(first).getByText('номер звонящего')).toBeInTheDocument();
  });

  it('does not look the caller up when the analyst turned it off', async () => {
    const { api } = renderPanel({ callerNumber: '+79161234567', preIdentify: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(api.byPhone).not.toHaveBeenCalled();
  });

  it('an older search answer never replaces a newer one', async () => {
    const resolvers: Array<(r: PatientSearchResult) => void> = [];
    const api = fakeApi({ search: jest.fn(() => new Promise<PatientSearchResult>((resolve) => resolvers.push(resolve))) });
    // a pause longer than the keystrokes: exactly one request per typed chunk
    const { user } = renderPanel({ api, delayMs: 150 });
    const name = screen.getByLabelText('ФИО');
    await user.type(name, 'Ив');
    await waitFor(() => expect(resolvers).toHaveLength(1));
    await user.type(name, 'анова');
    await waitFor(() => expect(resolvers).toHaveLength(2));
    resolvers[1]!({ candidates: [IVANOVA], truncated: false });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    resolvers[0]!({ candidates: [IVANOV, IVANOVA], truncated: false });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getAllByRole('option')).toHaveLength(1);
    expect(screen.getByRole('option')).toHaveTextContent('Иванова Мария Петровна');
  });

  it('shows a failed search in a MessageBar with the text for the code and the correlation id, and retries', async () => {
    let fail = true;
    const api = fakeApi({
      search: jest.fn(async () => {
        if (fail) throw new ApiError({ code: 'mis_timeout', status: 504, message: 'x', correlationId: 'corr-42', retryable: true });
        return { candidates: [IVANOV], truncated: true };
      }),
    });
    const { user } = renderPanel({ api });
    await user.type(screen.getByLabelText('ФИО'), 'Иванов');
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Поиск пациентов не выполнен');
    expect(bar).toHaveTextContent('МИС не ответила вовремя, повторите');
    expect(bar).toHaveTextContent('Идентификатор запроса: corr-42');
    fail = false;
    await user.click(within(bar).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(screen.queryByTestId('error-bar')).toBeNull();
    expect(screen.getByTestId('patient-list-status')).toHaveTextContent('Показаны первые 1');
  });

  it('opens the bound patient card on load (after a reload) with a skeleton first', async () => {
    const { api } = renderPanel({ chosenId: 'p-1' });
    expect(screen.getByTestId('patient-card-loading')).toBeInTheDocument();
    expect(await screen.findByTestId('patient-card')).toHaveTextContent('Иванов Иван Иванович');
    expect(api.search).not.toHaveBeenCalled();
  });

  it('read-only: no search, the card without editing', async () => {
    renderPanel({ readOnly: true });
    expect(screen.getByText('Пациент не выбран')).toBeInTheDocument();
    expect(screen.queryByLabelText('ФИО')).toBeNull();
  });

  it('read-only with a patient: the card, no way back, nothing editable', async () => {
    renderPanel({ readOnly: true, chosenId: 'p-1' });
    await screen.findByTestId('patient-card');
    expect(screen.queryByRole('button', { name: 'Найти другого пациента' })).toBeNull();
    expect(screen.getByLabelText('Контактный телефон')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
  });
});

describe('SMS consent', () => {
  async function openCard() {
    const ctx = renderPanel({ chosenId: 'p-1' });
    await screen.findByTestId('patient-card');
    return ctx;
  }

  it('phone + consent → Сохранить → confirm by keyboard → updatePatientPhone with one client key', async () => {
    const { api, user } = await openCard();
    const phone = screen.getByLabelText('Контактный телефон');
    expect(phone).toHaveValue('+7 (495) 123-45-67');
    expect(screen.getByRole('button', { name: 'Сохранить' })).toBeDisabled();
    await user.clear(phone);
    await user.type(phone, '89161234567');
    await user.click(screen.getByLabelText('Согласие на SMS-уведомления'));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Обновить контактный телефон пациента?' });
    expect(dialog).toHaveTextContent('Номер +7 (916) 123-45-67 будет записан в МИС. SMS-уведомления: включены.');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Подтвердить' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(api.updatePhone).toHaveBeenCalledTimes(1));
    const sent = api.updatePhone.mock.calls[0]![0];
    expect(sent).toEqual({ patientId: 'p-1', phone: '+79161234567', smsConsent: true, clientKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    expect(await screen.findByText('Контактный телефон обновлён')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('SMS consent needs a mobile number: the contract message, no dialog', async () => {
    const { api, user } = await openCard();
    await user.click(screen.getByLabelText('Согласие на SMS-уведомления'));
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(screen.getByText('Контактный телефон: для SMS нужен мобильный номер (+79…)')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.updatePhone).not.toHaveBeenCalled();
  });

  it('Escape cancels the confirmation; a failed update shows the error and a retry keeps the client key', async () => {
    const calls: string[] = [];
    const api = fakeApi({
      updatePhone: jest.fn(async (u) => {
        calls.push(u.clientKey);
        throw new ApiError({ code: 'mis_unavailable', status: 503, message: 'x', correlationId: 'c-7', retryable: true });
      }),
    });
    const { user } = renderPanel({ api, chosenId: 'p-1' });
    await screen.findByTestId('patient-card');
    const phone = screen.getByLabelText('Контактный телефон');
    await user.clear(phone);
    await user.type(phone, '+79161234567');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.updatePhone).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await user.click(await screen.findByRole('button', { name: 'Подтвердить' }));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Телефон не обновлён');
    expect(bar).toHaveTextContent('Идентификатор запроса: c-7');
    await user.click(within(bar).getByRole('button', { name: 'Повторить' }));
    await user.click(await screen.findByRole('button', { name: 'Подтвердить' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toBe(calls[0]);
  });
});
