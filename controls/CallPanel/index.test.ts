import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CALL_STATUS_VALUES, COLUMNS, ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { clearEnvironmentSettingsCache } from '../shared/settings';
import { createContextMock, property, seedEnvironmentVariables, type ContextMock } from '../shared/test/contextMock';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { CallPanel } from './index';
import type { IInputs } from './generated/ManifestTypes';
import { announcement } from './testSupport';

quietReact16ActWarnings();
// Multi-step keyboard paths with Fluent in jsdom: generous on a loaded two-core machine.
jest.setTimeout(30_000);
const C = COLUMNS.call;

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    status: property(CALL_STATUS_VALUES.in_progress, { type: 'OptionSet' }),
    surface: property('callForm', { type: 'Enum' }),
    telephonyCallId: property('call-42'),
    topic: property(4, { type: 'Whole.None' }),
    callerNumber: property('+79161234567'),
    answeredAt: property<Date>(null, { type: 'DateAndTime.DateAndTime' }),
    endedAt: property<Date>(null, { type: 'DateAndTime.DateAndTime' }),
    durationSeconds: property<number>(null, { type: 'Whole.None' }),
    callType: property<string>(null),
    comment: property<string>(null, { type: 'Multiple' }),
    patientName: property('Иванов Иван Иванович'),
    greeting: property('Здравствуйте! Единая линия 122, оператор слушает.', { type: 'Multiple' }),
    thresholdSeconds: property(null, { type: 'Whole.None' }),
    callFormId: property('form-call'),
    workspaceTable: property('eer_call'),
    workspaceFormId: property('form-start'),
    ...overrides,
  } as unknown as IInputs;
}

/** The host: init once, updateView on every change, navigation and notifyOutputChanged recorded. */
function host(mock: ContextMock<IInputs>) {
  const control = new CallPanel();
  const notify = jest.fn();
  const openForm = jest.fn(async () => ({ savedEntityReference: [] }));
  const withNavigation = () => {
    (mock.context as unknown as { navigation: unknown }).navigation = { openForm };
    return mock.context;
  };
  control.init(withNavigation(), notify);
  const view = render(control.updateView(withNavigation()));
  const update = (change: Parameters<ContextMock<IInputs>['update']>[0]) => {
    mock.update(change);
    view.rerender(control.updateView(withNavigation()));
  };
  return { control, notify, openForm, view, update };
}

describe('CallPanel wrapper (call form)', () => {
  afterEach(() => {
    clearEnvironmentSettingsCache();
    jest.useRealTimers();
  });

  it('init tracks the container size; the bound topic, caller, patient and the topic greeting from eer_ivrtopic show', async () => {
    const mock = createContextMock({ control: 'CallPanel', parameters: inputs() });
    mock.webAPI.seed(TABLES.ivrTopic, [
      { [COLUMNS.ivrTopic.digit]: 4, [COLUMNS.ivrTopic.greeting]: 'Уточните адрес и температуру.', [COLUMNS.ivrTopic.isActive]: true },
    ]);
    const { control } = host(mock);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    expect(screen.getByTestId('call-topic')).toHaveTextContent('4. Вызов врача на дом');
    expect(screen.getByTestId('call-caller')).toHaveTextContent('+7 (916) 123-45-67');
    expect(screen.getByTestId('call-patient')).toHaveTextContent('Иванов Иван Иванович');
    expect(await screen.findByTestId('call-greeting')).toHaveTextContent('Уточните адрес и температуру.');
    expect(control.getOutputs()).toEqual({});
    control.destroy();
  });

  it('without a greeting for the topic the manifest greeting shows; without that, the resx default', async () => {
    host(createContextMock({ control: 'CallPanel', parameters: inputs() }));
    expect(await screen.findByTestId('call-greeting')).toHaveTextContent('Здравствуйте! Единая линия 122, оператор слушает.');
    screen.getByTestId('call-form').remove();
    host(createContextMock({ control: 'CallPanel', parameters: inputs({ greeting: property(null, { type: 'Multiple' }) }) }));
    expect(await screen.findByTestId('call-greeting')).toHaveTextContent('Здравствуйте! Единая электронная регистратура, линия 122. Чем могу помочь?');
  });

  it('the timer derives from the bound answeredAt after updateView; the environment variable sets the threshold', async () => {
    const mock = createContextMock({ control: 'CallPanel', parameters: inputs({ thresholdSeconds: property(300, { type: 'Whole.None' }) }) });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.callTimeThresholdSeconds]: { defaultValue: '180', value: '120' } });
    const { update } = host(mock);
    expect(screen.getByTestId('call-timer')).toHaveTextContent('Звонок не принят');
    update({ parameters: { answeredAt: property(new Date(Date.now() - 150_000)) } as Partial<IInputs> as IInputs });
    expect(screen.getByTestId('call-timer')).toHaveTextContent(/^02:3\d/);
    // the manifest's 300 s until the settings arrive, then the variable's 120 s
    await waitFor(() => expect(screen.getByRole('timer')).toHaveAttribute('data-over', 'true'));
  });

  it('the manifest threshold applies when the variable keeps its default', async () => {
    const mock = createContextMock({
      control: 'CallPanel',
      parameters: inputs({ thresholdSeconds: property(300, { type: 'Whole.None' }), answeredAt: property(new Date(Date.now() - 200_000)) }),
    });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.callTimeThresholdSeconds]: { defaultValue: '180' } });
    host(mock);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole('timer')).toHaveAttribute('data-over', 'false');
  });

  it('Завершить → outputs + record; completion → outputs + record + back to the start window', async () => {
    const user = userEvent.setup();
    const answeredAt = new Date(Date.now() - 125_000);
    const mock = createContextMock({ control: 'CallPanel', parameters: inputs({ answeredAt: property(answeredAt) }) });
    const [record] = mock.webAPI.seed(TABLES.call, [{ [C.telephonyCallId]: 'call-42', [C.status]: CALL_STATUS_VALUES.in_progress }]);
    mock.webAPI.seed(TABLES.callType, [
      { [COLUMNS.callType.key]: 'info', [COLUMNS.callType.name]: 'Справка', [COLUMNS.callType.sortOrder]: 1, [COLUMNS.callType.isActive]: true },
      { [COLUMNS.callType.key]: 'booking', [COLUMNS.callType.name]: 'Запись на приём', [COLUMNS.callType.sortOrder]: 2, [COLUMNS.callType.isActive]: true },
      { [COLUMNS.callType.key]: 'old', [COLUMNS.callType.name]: 'Устаревший', [COLUMNS.callType.sortOrder]: 0, [COLUMNS.callType.isActive]: false },
    ]);
    const { control, notify, openForm, update } = host(mock);

    await user.click(screen.getByRole('button', { name: 'Завершить' }));
    expect(notify).toHaveBeenCalledTimes(1);
    const ended = control.getOutputs();
    expect(ended.status).toBe(CALL_STATUS_VALUES.wrap_up);
    expect(ended.endedAt).toBeInstanceOf(Date);
    expect(ended.durationSeconds).toBeGreaterThanOrEqual(125);
    await waitFor(() => expect(record![C.status]).toBe(CALL_STATUS_VALUES.wrap_up));
    expect(record![C.durationSeconds]).toBe(ended.durationSeconds);

    // the host writes the outputs to the columns and calls updateView
    update({ parameters: { status: property(ended.status!, { type: 'OptionSet' }), endedAt: property(ended.endedAt!) } as Partial<IInputs> as IInputs });
    const form = await screen.findByRole('form', { name: 'Завершение обращения' });
    const type = within(form).getByRole('combobox', { name: /Тип обращения/ });
    await waitFor(() => expect(type).toHaveFocus());
    await user.keyboard('{Enter}{ArrowDown}{Enter}');
    expect(type).toHaveTextContent('Запись на приём');
    await user.click(within(form).getByRole('textbox', { name: 'Комментарий' }));
    await user.keyboard('Записан к терапевту');
    await user.click(within(form).getByRole('button', { name: 'Завершить обращение' }));

    await waitFor(() => expect(openForm).toHaveBeenCalledWith({ entityName: 'eer_call', formId: 'form-start' }));
    expect(control.getOutputs()).toMatchObject({ status: CALL_STATUS_VALUES.completed, callType: 'booking', comment: 'Записан к терапевту' });
    expect(notify).toHaveBeenCalledTimes(2);
    expect(record).toMatchObject({ [C.status]: CALL_STATUS_VALUES.completed, [C.callType]: 'booking', [C.comment]: 'Записан к терапевту' });
  });

  it('follows the width the form gives', () => {
    const mock = createContextMock({ control: 'CallPanel', parameters: inputs(), width: 900 });
    const { update } = host(mock);
    expect(screen.getByTestId('call-form')).toHaveAttribute('data-layout', 'wide');
    update({ width: 360 });
    expect(screen.getByTestId('call-form')).toHaveAttribute('data-layout', 'narrow');
  });

  it('a disabled control cannot end the call; a masked status column shows no call data', () => {
    host(createContextMock({ control: 'CallPanel', parameters: inputs(), disabled: true }));
    expect(screen.getByRole('button', { name: 'Завершить' })).toBeDisabled();
    screen.getByTestId('call-form').remove();
    host(
      createContextMock({
        control: 'CallPanel',
        parameters: inputs({ status: property(CALL_STATUS_VALUES.in_progress, { type: 'OptionSet', security: { readable: false, editable: false } }) }),
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к данным звонка');
    expect(screen.queryByTestId('call-topic')).toBeNull();
  });

  it('speaks English when the user language is 1033', () => {
    host(createContextMock({ control: 'CallPanel', parameters: inputs(), lcid: 1033 }));
    expect(screen.getByTestId('call-topic')).toHaveTextContent('4. Home visit');
    expect(screen.getByRole('button', { name: 'End call' })).toBeInTheDocument();
  });
});

describe('CallPanel wrapper (start window)', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    clearEnvironmentSettingsCache();
    globalThis.fetch = realFetch;
  });

  const workspace = () =>
    inputs({
      surface: property('workspace', { type: 'Enum' }),
      status: property(null, { type: 'OptionSet' }),
      telephonyCallId: property(null),
      topic: property(null, { type: 'Whole.None' }),
    });

  it('auto is the start window on a record without a call', async () => {
    const mock = createContextMock({ control: 'CallPanel', parameters: workspace() });
    mock.update({ parameters: { surface: property('auto', { type: 'Enum' }) } as Partial<IInputs> as IInputs });
    host(mock);
    expect(await screen.findByTestId('setup-missing')).toBeInTheDocument();
  });

  it('names the environment variable an admin must set', async () => {
    host(createContextMock({ control: 'CallPanel', parameters: workspace() }));
    expect(await screen.findByTestId('setup-missing')).toHaveTextContent(`Элемент не настроен: задайте переменные среды ${ENVIRONMENT_VARIABLES.functionsBaseUrl}`);
  });

  it('reads the announcements from the function app of the environment setting', async () => {
    const mock = createContextMock({ control: 'CallPanel', parameters: workspace(), width: 1000 });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.example.net/api' } });
    const urls: string[] = [];
    globalThis.fetch = jest.fn(async (url: string | URL | Request) => {
      urls.push(String(url));
      const body = String(url).endsWith('/announcements') ? [announcement('a1', { title: 'Плановые работы МИС' })] : [];
      // jsdom has no Response: the part of it the client reads
      return { ok: true, status: 200, headers: { get: () => null }, text: async () => JSON.stringify(body) } as unknown as Response;
    }) as typeof fetch;
    host(mock);
    expect(await screen.findByText(/Плановые работы МИС/)).toBeInTheDocument();
    expect(urls).toEqual(expect.arrayContaining(['https://eer122-func.example.net/api/announcements', 'https://eer122-func.example.net/api/calls/waiting']));
    expect(screen.getByTestId('workspace')).toHaveAttribute('data-layout', 'wide');
  });
});
