import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Announcement, CallNotification, ClaimCallResult } from '@eer/contract';
import { ApiError } from '../shared/api/ApiError';
import { loadResx } from '../shared/test/resx';
import type { Strings } from '../shared/pcf/strings';
import type { CallRecords } from './callRecords';
import type { CallPanelStringKey } from './strings';
import { announcement, offer } from './testSupport';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { WorkspacePanel, type CallDesk, type PushHandlers, type WorkspacePanelProps } from './WorkspacePanel';

quietReact16ActWarnings();
// Multi-step keyboard paths with Fluent in jsdom: generous on a loaded two-core machine.
jest.setTimeout(30_000);
const ru = loadResx('CallPanel', 1049) as Strings<CallPanelStringKey>;

function setup(options: { waiting?: CallNotification[]; news?: Announcement[]; claim?: ClaimCallResult | Error; readOnly?: boolean } = {}) {
  let handlers: PushHandlers | null = null;
  const desk: jest.Mocked<CallDesk> = {
    listWaitingCalls: jest.fn(async (_signal: AbortSignal) => options.waiting ?? []),
    listAnnouncements: jest.fn(async (_signal: AbortSignal) => options.news ?? []),
    claimCall: jest.fn(async (_id: string) => {
      if (options.claim instanceof Error) throw options.claim;
      return options.claim ?? { claimed: true, operatorId: 'op-1' };
    }),
  };
  const records: jest.Mocked<CallRecords> = {
    greeting: jest.fn(),
    callTypes: jest.fn(),
    createCall: jest.fn(async (..._args: Parameters<CallRecords['createCall']>) => 'rec-1'),
    findCallId: jest.fn(),
    updateCall: jest.fn(),
  };
  const openCall = jest.fn(async () => undefined);
  const subscribe = jest.fn((h: PushHandlers) => {
    handlers = h;
    return () => {
      handlers = null;
    };
  });
  const props: WorkspacePanelProps = {
    desk,
    connection: 'connected',
    connectedEpoch: 1,
    subscribe,
    records,
    openCall,
    readOnly: options.readOnly ?? false,
    narrow: false,
    lang: 'ru',
    strings: ru,
  };
  const view = render(<WorkspacePanel {...props} />);
  const push = () => {
    if (!handlers) throw new Error('not subscribed');
    return handlers;
  };
  const rerender = (change: Partial<WorkspacePanelProps>) => view.rerender(<WorkspacePanel {...props} {...change} />);
  return { desk, records, openCall, subscribe, push, rerender, view, user: userEvent.setup() };
}

describe('WorkspacePanel (start window)', () => {
  it('shows current announcements, urgent first, hides expired ones, and a connection badge with text', async () => {
    setup({
      news: [
        announcement('a1', { title: 'Плановые работы', severity: 'info' }),
        announcement('a2', { title: 'Сбой МИС', severity: 'urgent' }),
        announcement('a3', { title: 'Старое', expiresAt: new Date(Date.now() - 1000).toISOString() }),
      ],
    });
    const list = await screen.findByTestId('news-list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([expect.stringContaining('Срочно: Сбой МИС'), expect.stringContaining('Информация: Плановые работы')]);
    expect(screen.getByRole('status', { name: 'Связь с сервером: На связи' })).toBeInTheDocument();
    expect(screen.getByTestId('waiting-text')).toHaveTextContent('Входящий звонок появится здесь автоматически');
  });

  it('an announcement pushed in real time appears at once and is announced', async () => {
    const { push } = setup();
    await screen.findByText('Нет актуальных уведомлений');
    act(() => push().announcement(announcement('new', { title: 'Новый порядок записи', severity: 'warning' })));
    expect(screen.getByTestId('news-list')).toHaveTextContent('Внимание: Новый порядок записи');
    expect(screen.getByTestId('workspace-live')).toHaveTextContent('Новое уведомление: Новый порядок записи');
  });

  it('an incoming call shows the number, topic and probable patient, is announced, and takes focus', async () => {
    const { push } = setup();
    await screen.findByText('Нет актуальных уведомлений');
    act(() => push().callOffered(offer()));
    const popup = screen.getByRole('alertdialog', { name: 'Входящий звонок' });
    expect(within(popup).getByTestId('incoming-number')).toHaveTextContent('+7 (916) 123-45-67');
    expect(within(popup).getByTestId('incoming-topic')).toHaveTextContent('3. Запись на приём к врачу');
    expect(within(popup).getByTestId('incoming-patients')).toHaveTextContent('Иванов Иван Иванович, 01.02.1980');
    expect(within(popup).getByTestId('incoming-patients')).toHaveTextContent(/\(\d+ (год|года|лет)\)/);
    expect(popup).toHaveTextContent('Звонок группе: примет первый ответивший');
    expect(screen.getByTestId('workspace-live')).toHaveTextContent('Входящий звонок: +7 (916) 123-45-67, тема «3. Запись на приём к врачу»');
    const answer = within(popup).getByRole('button', { name: /Ответить/ });
    expect(answer).toHaveFocus();
    expect(answer).toHaveAttribute('aria-keyshortcuts', 'Alt+A');
    expect(answer).toHaveTextContent('Alt+A');
    expect(within(popup).getByRole('button', { name: /Отмена/ })).toHaveTextContent('Alt+O');
  });

  it('a withheld number says so', async () => {
    const { push } = setup();
    act(() => push().callOffered(offer('c2', { callerNumber: null, candidates: [] })));
    expect(screen.getByTestId('incoming-number')).toHaveTextContent('Номер скрыт');
    expect(screen.getByTestId('incoming-patients')).toHaveTextContent('По номеру пациент не найден');
  });

  it('Alt+A claims the call, creates the call record and opens it', async () => {
    const { push, desk, records, openCall } = setup();
    act(() => push().callOffered(offer()));
    fireEvent.keyDown(document.body, { code: 'KeyA', key: 'a', altKey: true });
    await waitFor(() => expect(openCall).toHaveBeenCalledWith('rec-1'));
    expect(desk.claimCall).toHaveBeenCalledWith('call-1');
    const [created, operatorId, answeredAt, name] = records.createCall.mock.calls[0]!;
    expect(created.telephonyCallId).toBe('call-1');
    expect(operatorId).toBe('op-1');
    expect(answeredAt).toBeInstanceOf(Date);
    expect(name).toMatch(/^Звонок 122 /);
    expect(screen.getByTestId('incoming-call')).toHaveTextContent('Открываем карточку звонка…');
  });

  it('Enter answers and Esc cancels while the popup has focus', async () => {
    const first = setup();
    act(() => first.push().callOffered(offer()));
    const popup = screen.getByTestId('incoming-call');
    popup.focus();
    fireEvent.keyDown(popup, { key: 'Enter' });
    await waitFor(() => expect(first.openCall).toHaveBeenCalled());
    first.view.unmount();

    const second = setup();
    act(() => second.push().callOffered(offer('c-esc')));
    screen.getByTestId('incoming-call').focus();
    fireEvent.keyDown(screen.getByTestId('incoming-call'), { key: 'Escape' });
    expect(screen.queryByTestId('incoming-call')).toBeNull();
    expect(second.desk.claimCall).not.toHaveBeenCalled();
  });

  it('Alt+O cancels; a re-read after a reconnect does not bring the call back', async () => {
    const { push, desk, rerender } = setup();
    act(() => push().callOffered(offer()));
    fireEvent.keyDown(document.body, { code: 'KeyO', key: 'o', altKey: true });
    expect(screen.queryByTestId('incoming-call')).toBeNull();
    desk.listWaitingCalls.mockResolvedValue([offer(), offer('call-2', { occurredAt: '2026-11-26T09:00:05.000Z' })]);
    rerender({ connectedEpoch: 2 });
    await waitFor(() => expect(screen.getByTestId('incoming-call')).toBeInTheDocument());
    expect(desk.listWaitingCalls).toHaveBeenCalledTimes(2);
    expect(screen.getAllByTestId('incoming-call')).toHaveLength(1);
    expect(screen.getByTestId('incoming-number')).toHaveTextContent('+7 (916) 123-45-67');
    expect(screen.queryByText(/Ещё ожидают/)).toBeNull();
  });

  it('calls waiting on (re)connect are shown oldest first with the queue length', async () => {
    setup({
      waiting: [offer('late', { occurredAt: '2026-11-26T09:01:00.000Z', ivrDigit: 4 }), offer('early', { occurredAt: '2026-11-26T09:00:00.000Z' })],
    });
    expect(await screen.findByTestId('incoming-topic')).toHaveTextContent('3. Запись на приём к врачу');
    expect(screen.getByText('Ещё ожидают: 1')).toBeInTheDocument();
  });

  it('a group call another operator claimed disappears (callTaken)', async () => {
    const { push } = setup();
    act(() => push().callOffered(offer()));
    act(() => push().callTaken({ telephonyCallId: 'call-1', operatorId: 'op-2' }));
    expect(screen.queryByTestId('incoming-call')).toBeNull();
    act(() => push().callOffered(offer('c3')));
    act(() => push().callAbandoned({ type: 'abandoned', eventId: 'e', telephonyCallId: 'c3', occurredAt: '2026-11-26T09:00:09Z', callerNumber: null, line: '122', ivrDigit: 3 }));
    expect(screen.queryByTestId('incoming-call')).toBeNull();
  });

  it('losing the claim race: the call goes, a notice says why, no record is created', async () => {
    const { push, records, user } = setup({ claim: { claimed: false, operatorId: 'op-2' } });
    act(() => push().callOffered(offer()));
    await user.click(screen.getByRole('button', { name: /Ответить/ }));
    expect(await screen.findByText('Звонок уже принял другой оператор')).toBeInTheDocument();
    expect(screen.queryByTestId('incoming-call')).toBeNull();
    expect(records.createCall).not.toHaveBeenCalled();
  });

  it('a call that ended meanwhile (404) goes with a notice', async () => {
    const { push, user } = setup({ claim: new ApiError({ code: 'not_found', status: 404, message: 'x', correlationId: 'c', retryable: false }) });
    act(() => push().callOffered(offer()));
    await user.click(screen.getByRole('button', { name: /Ответить/ }));
    expect(await screen.findByText('Звонок уже завершён')).toBeInTheDocument();
  });

  it('a failed claim shows the code text and correlation id; retry answers again', async () => {
    const { push, desk, openCall, user } = setup({
      claim: new ApiError({ code: 'internal', status: 500, message: 'x', correlationId: 'corr-9', retryable: true }),
    });
    act(() => push().callOffered(offer()));
    await user.click(screen.getByRole('button', { name: /Ответить/ }));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('Звонок не принят');
    expect(bar).toHaveTextContent('Внутренняя ошибка сервиса');
    expect(bar).toHaveTextContent('Идентификатор запроса: corr-9');
    desk.claimCall.mockResolvedValue({ claimed: true, operatorId: 'op-1' });
    await user.click(within(bar).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(openCall).toHaveBeenCalledWith('rec-1'));
  });

  it('a failed record creation says the CRM failed, without a correlation id', async () => {
    const { push, records, user } = setup();
    records.createCall.mockRejectedValue(Object.assign(new Error('Principal user is missing prvCreateeer_call'), { errorCode: -2147220960 }));
    act(() => push().callOffered(offer()));
    await user.click(screen.getByRole('button', { name: /Ответить/ }));
    const bar = await screen.findByTestId('error-bar');
    expect(bar).toHaveTextContent('CRM не выполнила операцию, повторите');
    expect(bar).not.toHaveTextContent('prvCreate');
  });

  it('shows the connection state in words and re-reads on reconnect', async () => {
    const { rerender, desk } = setup();
    rerender({ connection: 'reconnecting' });
    expect(screen.getByRole('status', { name: 'Связь с сервером: Переподключение…' })).toHaveTextContent('Переподключение…');
    rerender({ connection: 'connected', connectedEpoch: 2 });
    await waitFor(() => expect(desk.listAnnouncements).toHaveBeenCalledTimes(2));
  });

  it('read-only: the call is visible but cannot be taken', async () => {
    const { push, desk } = setup({ readOnly: true });
    act(() => push().callOffered(offer()));
    expect(screen.getByRole('button', { name: /Ответить/ })).toBeDisabled();
    fireEvent.keyDown(document.body, { code: 'KeyA', key: 'a', altKey: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(desk.claimCall).not.toHaveBeenCalled();
  });

  it('Tab goes from Ответить to Отмена', async () => {
    const { push, user } = setup();
    act(() => push().callOffered(offer()));
    expect(screen.getByRole('button', { name: /Ответить/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: /Отмена/ })).toHaveFocus();
  });
});

describe('WorkspacePanel pushes during the first read', () => {
  it('a call and an announcement pushed while the read is in flight survive its (older) answer', async () => {
    let resolveCalls: (list: CallNotification[]) => void = () => undefined;
    let resolveNews: (list: Announcement[]) => void = () => undefined;
    let handlers: PushHandlers | null = null;
    const desk: CallDesk = {
      listWaitingCalls: () => new Promise((r) => (resolveCalls = r)),
      listAnnouncements: () => new Promise((r) => (resolveNews = r)),
      claimCall: jest.fn(),
    };
    render(
      <WorkspacePanel
        desk={desk}
        connection="connected"
        connectedEpoch={1}
        subscribe={(h) => {
          handlers = h;
          return () => undefined;
        }}
        records={{} as CallRecords}
        openCall={jest.fn()}
        readOnly={false}
        narrow
        lang="ru"
        strings={ru}
      />,
    );
    act(() => handlers!.callOffered(offer('pushed')));
    act(() => handlers!.announcement(announcement('fresh', { title: 'Свежее' })));
    await act(async () => {
      resolveCalls([]);
      resolveNews([announcement('old', { title: 'Прежнее' })]);
    });
    expect(screen.getByTestId('incoming-call')).toBeInTheDocument();
    expect(screen.getByTestId('news-list')).toHaveTextContent('Свежее');
    expect(screen.getByTestId('news-list')).toHaveTextContent('Прежнее');
  });
});

describe('WorkspacePanel retries', () => {
  it('a retry after a failed navigation opens the record already created, never a second one', async () => {
    const user = userEvent.setup();
    let handlers: PushHandlers | null = null;
    const records = { createCall: jest.fn(async () => 'rec-7') } as unknown as jest.Mocked<CallRecords>;
    const openCall = jest.fn().mockRejectedValueOnce(new Error('navigation failed')).mockResolvedValue(undefined);
    render(
      <WorkspacePanel
        desk={{ listWaitingCalls: async () => [], listAnnouncements: async () => [], claimCall: async () => ({ claimed: true, operatorId: 'op-1' }) }}
        connection="connected"
        connectedEpoch={1}
        subscribe={(h) => {
          handlers = h;
          return () => undefined;
        }}
        records={records}
        openCall={openCall}
        readOnly={false}
        narrow={false}
        lang="ru"
        strings={ru}
      />,
    );
    act(() => handlers!.callOffered(offer()));
    await user.click(screen.getByRole('button', { name: /Ответить/ }));
    const bar = await screen.findByTestId('error-bar');
    await user.click(within(bar).getByRole('button', { name: 'Повторить' }));
    await waitFor(() => expect(openCall).toHaveBeenCalledTimes(2));
    expect(openCall).toHaveBeenLastCalledWith('rec-7');
    expect(records.createCall).toHaveBeenCalledTimes(1);
  });
});
