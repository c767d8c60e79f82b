import * as React from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CallType } from '@eer/contract';
import { loadResx } from '../shared/test/resx';
import type { Strings } from '../shared/pcf/strings';
import type { CallRecords } from './callRecords';
import { CallFormPanel, type BoundCall, type CallFormPanelProps } from './CallFormPanel';
import { formatElapsed } from './callFormat';
import type { CallPanelStringKey } from './strings';
import { quietReact16ActWarnings } from '../shared/test/quietAct';

quietReact16ActWarnings();
// Multi-step keyboard paths with Fluent in jsdom: generous on a loaded two-core machine.
jest.setTimeout(30_000);
const ru = loadResx('CallPanel', 1049) as Strings<CallPanelStringKey>;
const TYPES: CallType[] = [
  { key: 'consultation', name: 'Консультация' },
  { key: 'booking', name: 'Запись на приём' },
  { key: 'complaint', name: 'Жалоба' },
];

function fakeRecords(): jest.Mocked<CallRecords> {
  return {
    greeting: jest.fn(async (digit: number) => (digit === 4 ? 'Вызов врача на дом: уточните адрес и температуру.' : null)),
    callTypes: jest.fn(async () => TYPES),
    createCall: jest.fn(),
    findCallId: jest.fn(async (_id: string): Promise<string | null> => 'rec-1'),
    updateCall: jest.fn(async (..._args: Parameters<CallRecords['updateCall']>) => undefined),
  };
}

function call(overrides: Partial<BoundCall> = {}): BoundCall {
  return {
    status: 'in_progress',
    telephonyCallId: 'call-1',
    topic: 4,
    callerNumber: '+79161234567',
    answeredAt: null,
    endedAt: null,
    callType: null,
    comment: null,
    patientName: 'Иванов Иван Иванович',
    ...overrides,
  };
}

function setup(overrides: Partial<CallFormPanelProps> = {}) {
  const records = (overrides.records as jest.Mocked<CallRecords>) ?? fakeRecords();
  const onOutputs = jest.fn();
  const backToWorkspace = jest.fn(async () => undefined);
  const props: CallFormPanelProps = {
    call: call(),
    records,
    defaultGreeting: 'Здравствуйте! Линия 122.',
    thresholdSeconds: 180,
    readOnly: false,
    narrow: false,
    lang: 'ru',
    strings: ru,
    onOutputs,
    backToWorkspace,
    ...overrides,
  };
  const view = render(<CallFormPanel {...props} />);
  return { records, onOutputs, backToWorkspace, view, props };
}

describe('formatElapsed', () => {
  it.each([
    [0, '00:00'],
    [59.9, '00:59'],
    [180, '03:00'],
    [3725, '1:02:05'],
    [-5, '00:00'],
  ])('%p s → %p', (seconds, text) => expect(formatElapsed(seconds)).toBe(text));
});

describe('CallFormPanel: in the call', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the topic, caller, patient and the greeting set for the topic', async () => {
    const { records } = setup();
    expect(screen.getByTestId('call-topic')).toHaveTextContent('4. Вызов врача на дом');
    expect(screen.getByTestId('call-caller')).toHaveTextContent('Номер звонящего: +7 (916) 123-45-67');
    expect(screen.getByTestId('call-patient')).toHaveTextContent('Пациент: Иванов Иван Иванович');
    expect(await screen.findByTestId('call-greeting')).toHaveTextContent('Вызов врача на дом: уточните адрес и температуру.');
    expect(records.greeting).toHaveBeenCalledWith(4);
  });

  it('falls back to the default greeting when the topic has none, or the lookup fails', async () => {
    setup({ call: call({ topic: 3 }) });
    expect(await screen.findByTestId('call-greeting')).toHaveTextContent('Здравствуйте! Линия 122.');
    const records = fakeRecords();
    records.greeting.mockRejectedValue(new Error('offline'));
    setup({ records, call: call({ topic: 5 }) });
    await waitFor(() => expect(screen.getAllByTestId('call-greeting')).toHaveLength(2));
  });

  it('counts from answeredAt and turns red at the threshold, saying so in words', async () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-26T09:02:58Z'));
    setup({ call: call({ answeredAt: new Date('2026-11-26T09:00:00Z') }) });
    const timer = screen.getByRole('timer');
    expect(screen.getByTestId('call-timer')).toHaveTextContent('02:58');
    expect(timer).toHaveAttribute('data-over', 'false');
    act(() => {
      jest.advanceTimersByTime(2000);
    });
    expect(screen.getByTestId('call-timer')).toHaveTextContent('03:00');
    expect(timer).toHaveAttribute('data-over', 'true');
    expect(timer).toHaveAccessibleName('Время разговора: Время обработки превышено');
    expect(timer).toHaveTextContent('Время обработки превышено');
  });

  it('honours another threshold', () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-26T09:01:00Z'));
    setup({ call: call({ answeredAt: new Date('2026-11-26T09:00:00Z') }), thresholdSeconds: 60 });
    expect(screen.getByRole('timer')).toHaveAttribute('data-over', 'true');
  });

  it('an unknown topic and a call not yet answered', () => {
    setup({ call: call({ topic: 9, answeredAt: null }) });
    expect(screen.getByTestId('call-topic')).toHaveTextContent('Тема не выбрана');
    expect(screen.getByTestId('call-timer')).toHaveTextContent('Звонок не принят');
  });
});

describe('CallFormPanel: completion (manual §8)', () => {
  it('Завершить → call type by keyboard and comment → Завершить обращение → record updated, back to waiting', async () => {
    const user = userEvent.setup();
    const answeredAt = new Date(Date.now() - 95_000);
    const { onOutputs, records, backToWorkspace, view, props } = setup({ call: call({ answeredAt }) });
    await user.click(screen.getByRole('button', { name: 'Завершить' }));

    // outputs for the form + the record itself, so a reload lands in the wrap-up
    const ended = onOutputs.mock.calls[0]![0];
    expect(ended).toEqual({ status: 'wrap_up', endedAt: expect.any(Date), durationSeconds: expect.any(Number) });
    expect(ended.durationSeconds).toBeGreaterThanOrEqual(95);
    await waitFor(() => expect(records.updateCall).toHaveBeenCalledWith('rec-1', expect.objectContaining({ status: 'wrap_up' })));
    expect(records.findCallId).toHaveBeenCalledWith('call-1');

    // the host echoes the outputs back
    view.rerender(<CallFormPanel {...props} call={call({ answeredAt, status: 'wrap_up', endedAt: ended.endedAt })} />);
    const form = await screen.findByRole('form', { name: 'Завершение обращения' });
    const type = within(form).getByRole('combobox', { name: /Тип обращения/ });
    await waitFor(() => expect(type).toHaveFocus());
    await user.keyboard('{Enter}');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(type).toHaveTextContent('Запись на приём');
    // (Tab out of a Fluent Dropdown is moved by tabster, which needs layout: the browser test covers it)
    await user.click(within(form).getByRole('textbox', { name: 'Комментарий' }));
    await user.keyboard('Записан к терапевту на 27.11');
    await user.click(within(form).getByRole('button', { name: 'Завершить обращение' }));

    await waitFor(() => expect(backToWorkspace).toHaveBeenCalled());
    expect(onOutputs).toHaveBeenLastCalledWith({
      status: 'completed',
      callType: 'booking',
      comment: 'Записан к терапевту на 27.11',
      endedAt: ended.endedAt,
      durationSeconds: ended.durationSeconds,
    });
    expect(records.updateCall).toHaveBeenLastCalledWith('rec-1', {
      status: 'completed',
      callType: 'booking',
      comment: 'Записан к терапевту на 27.11',
      endedAt: ended.endedAt,
      durationSeconds: ended.durationSeconds,
    });
  });

  it('the call type is required: the contract message, nothing saved', async () => {
    const user = userEvent.setup();
    const { records, backToWorkspace } = setup({ call: call({ status: 'wrap_up', answeredAt: new Date(), endedAt: new Date() }) });
    const form = await screen.findByRole('form', { name: 'Завершение обращения' });
    await waitFor(() => expect(within(form).getByRole('combobox')).toHaveFocus());
    await user.click(within(form).getByRole('button', { name: 'Завершить обращение' }));
    expect(await within(form).findByText(/^Тип обращения: /)).toBeInTheDocument();
    expect(records.updateCall).not.toHaveBeenCalled();
    expect(backToWorkspace).not.toHaveBeenCalled();
  });

  it('Ctrl+Enter completes; a failed save shows the CRM error and retries', async () => {
    const user = userEvent.setup();
    const records = fakeRecords();
    records.updateCall.mockRejectedValueOnce(new Error('timeout'));
    const { backToWorkspace } = setup({ records, call: call({ status: 'wrap_up', callType: 'complaint', answeredAt: new Date(), endedAt: new Date() }) });
    const form = await screen.findByRole('form', { name: 'Завершение обращения' });
    await waitFor(() => expect(within(form).getByRole('combobox')).toHaveFocus());
    await user.keyboard('{Control>}{Enter}{/Control}');
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Обращение не сохранено');
    expect(bar).toHaveTextContent('CRM не выполнила операцию, повторите');
    await user.click(within(bar).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(backToWorkspace).toHaveBeenCalled());
  });

  it('a completed call: summary with the duration and the way back to waiting', async () => {
    const user = userEvent.setup();
    const { backToWorkspace } = setup({
      call: call({ status: 'completed', answeredAt: new Date('2026-11-26T09:00:00Z'), endedAt: new Date('2026-11-26T09:02:30Z') }),
    });
    expect(screen.getByTestId('call-done')).toHaveTextContent('Обращение завершено');
    expect(screen.getByTestId('call-done')).toHaveTextContent('Длительность разговора: 02:30');
    expect(screen.getByTestId('call-timer')).toHaveTextContent('02:30');
    await user.click(screen.getByRole('button', { name: 'К ожиданию звонков' }));
    expect(backToWorkspace).toHaveBeenCalled();
  });

  it('read-only: Завершить is disabled', () => {
    setup({ readOnly: true });
    expect(screen.getByRole('button', { name: 'Завершить' })).toBeDisabled();
  });
});
