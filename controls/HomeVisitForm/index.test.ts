import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { COLUMNS, ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { HomeVisitForm } from './index';
import type { IInputs } from './generated/ManifestTypes';
import { createContextMock, property, seedEnvironmentVariables, type ContextMock } from '../shared/test/contextMock';
import { installFetch, type FetchStub } from '../shared/test/fetchStub';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { clearEnvironmentSettingsCache } from '../shared/settings';
import { CARD, RESOLVED } from './testSupport';

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    homeVisitIds: property('hv-0'),
    patientMisId: property('p-1'),
    patientName: property('Иванов Иван Иванович'),
    callId: property('call-1'),
    addressDelayMs: property(null, { type: 'Whole.None' }),
    temperature: property('optional', { type: 'Enum' }),
    ...overrides,
  } as unknown as IInputs;
}

describe('HomeVisitForm wrapper lifecycle', () => {
  quietReact16ActWarnings();
  let container: HTMLDivElement;
  let fetchStub: FetchStub;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    fetchStub = installFetch(({ method, path }) => {
      if (method === 'GET' && path === 'patients/p-1') return { body: CARD };
      if (method === 'POST' && path === 'address/resolve') return { body: RESOLVED };
      if (method === 'POST' && path === 'home-visits') return { body: { requestId: 'hv-1', moId: 'mo-3', moName: 'ГП № 3', status: 'delivered', emailSent: true } };
      return undefined;
    });
  });
  afterEach(() => {
    ReactDOM.unmountComponentAtNode(container);
    container.remove();
    fetchStub.restore();
    clearEnvironmentSettingsCache();
  });

  function mount(mock: ContextMock<IInputs>, control = new HomeVisitForm(), notify = jest.fn()) {
    control.init(mock.context, notify);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    return { control, notify };
  }

  it('names the missing environment variable when the function app address is not set', async () => {
    const mock = createContextMock({ control: 'HomeVisitForm', parameters: inputs() });
    const { control } = mount(mock);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    expect(await screen.findByTestId('setup-missing')).toHaveTextContent(ENVIRONMENT_VARIABLES.functionsBaseUrl);
    expect(control.getOutputs()).toEqual({});
  });

  it('reads the settings, prefills from the card, and appends the new request id to the bound list', async () => {
    const mock = createContextMock({ control: 'HomeVisitForm', parameters: inputs() });
    seedEnvironmentVariables(mock.webAPI, {
      [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' },
      [ENVIRONMENT_VARIABLES.homeVisitHours]: { defaultValue: JSON.stringify({ 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }) },
    });
    const [call] = mock.webAPI.seed(TABLES.call, [{ eer_name: 'Звонок' }]);
    const callRecordId = String(call!.eer_callid);
    Object.assign(mock.context.mode, { contextInfo: { entityId: `{${callRecordId}}`, entityTypeName: TABLES.call } });
    const { control, notify } = mount(mock);
    expect(await screen.findByText('ГП № 3')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Жалобы/), 'Кашель');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(control.getOutputs()).toEqual({ homeVisitIds: 'hv-0,hv-1' });
    await waitFor(() => expect(mock.webAPI.tables[TABLES.homeVisit]).toHaveLength(1));
    expect(mock.webAPI.tables[TABLES.homeVisit]![0]).toMatchObject({ [COLUMNS.homeVisit.misRequestId]: 'hv-1', [COLUMNS.homeVisit.complaints]: 'Кашель', _eer_callid_value: callRecordId });
    expect(fetchStub.requests.find((r) => r.path === 'home-visits')?.headers['accept-language']).toBe('ru');
    // the host writes the column back: nothing pending any more
    const next = mock.update({ parameters: { homeVisitIds: property('hv-0,hv-1') } as Partial<IInputs> as IInputs });
    act(() => {
      ReactDOM.render(control.updateView(next), container);
    });
    expect(control.getOutputs()).toEqual({});
    control.destroy();
  });

  it('is read-only when the control is disabled, and masked without read access to the column', async () => {
    const mock = createContextMock({ control: 'HomeVisitForm', parameters: inputs(), disabled: true });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    const { control } = mount(mock);
    expect(await screen.findByText('ГП № 3')).toBeInTheDocument();
    expect(screen.getByLabelText(/Жалобы/)).toBeDisabled();
    const masked = mock.update({
      disabled: false,
      parameters: { homeVisitIds: property('hv-0', { security: { readable: false, editable: false } }) } as Partial<IInputs> as IInputs,
    });
    act(() => {
      ReactDOM.render(control.updateView(masked), container);
    });
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к вызовам на дом этого звонка');
  });

  it('speaks English for LCID 1033', async () => {
    const mock = createContextMock({ control: 'HomeVisitForm', parameters: inputs(), lcid: 1033, width: 400 });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    mount(mock);
    expect(await screen.findByRole('button', { name: /Request visit/ })).toBeInTheDocument();
    expect(fetchStub.requests[0]?.headers['accept-language']).toBe('en');
  });
});
