import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ENVIRONMENT_VARIABLES } from '@eer/contract';
import { clearEnvironmentSettingsCache } from '../shared/settings';
import { createContextMock, property, seedEnvironmentVariables, type ContextMock } from '../shared/test/contextMock';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import type { IInputs } from './generated/ManifestTypes';
import { PatientSearch } from './index';
import { IVANOV, IVANOV_CARD } from './testSupport';

quietReact16ActWarnings();
// Multi-step keyboard paths with Fluent in jsdom: generous on a loaded two-core machine.
jest.setTimeout(30_000);
const BASE = 'https://eer122-func.example.net/api';

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    patientMisId: property<string>(null),
    patientName: property<string>(null),
    callerNumber: property<string>(null),
    resultLimit: property(10, { type: 'Whole.None' }),
    searchDelayMs: property(0, { type: 'Whole.None' }),
    preIdentify: property('on', { type: 'Enum' }),
    ...overrides,
  } as unknown as IInputs;
}

function host(mock: ContextMock<IInputs>) {
  const control = new PatientSearch();
  const notify = jest.fn();
  control.init(mock.context, notify);
  const view = render(control.updateView(mock.context));
  const update = (change: Parameters<ContextMock<IInputs>['update']>[0]) => view.rerender(control.updateView(mock.update(change)));
  return { control, notify, view, update };
}

/** The function app as the client sees it: JSON per route (jsdom has no Response; the part the client reads). */
function serve(routes: Record<string, unknown>): string[] {
  const seen: string[] = [];
  globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = String(url).slice(BASE.length + 1);
    seen.push(`${init?.method ?? 'GET'} ${path}`);
    const body = routes[path];
    const status = body === undefined ? 404 : 200;
    return { ok: status === 200, status, headers: { get: () => null }, text: async () => JSON.stringify(body ?? {}) } as unknown as Response;
  }) as typeof fetch;
  return seen;
}

function configured(parameters: IInputs, options: { width?: number; disabled?: boolean; lcid?: 1049 | 1033 } = {}) {
  const mock = createContextMock({ control: 'PatientSearch', parameters, ...options });
  seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: BASE } });
  return mock;
}

describe('PatientSearch wrapper', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    clearEnvironmentSettingsCache();
    globalThis.fetch = realFetch;
  });

  it('init → search → choose: outputs the MIS id and name, notifies the host, opens the card', async () => {
    const user = userEvent.setup();
    const seen = serve({ 'patients/search': { candidates: [IVANOV], truncated: false }, 'patients/p-1': IVANOV_CARD });
    const mock = configured(inputs());
    const { control, notify, update } = host(mock);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    await user.type(await screen.findByLabelText('ФИО'), 'Иванов');
    await user.click(await screen.findByRole('option', { name: /Иванов Иван Иванович/ }));
    expect(notify).toHaveBeenCalledTimes(1);
    expect(control.getOutputs()).toEqual({ patientMisId: 'p-1', patientName: 'Иванов Иван Иванович' });
    expect(await screen.findByTestId('patient-card')).toHaveTextContent('ГБУЗ «Городская поликлиника № 3»');
    expect(seen).toEqual(expect.arrayContaining(['POST patients/search', 'GET patients/p-1']));
    // the host echoes the outputs back: the card stays
    update({ parameters: { patientMisId: property('p-1'), patientName: property('Иванов Иван Иванович') } as Partial<IInputs> as IInputs });
    expect(screen.getByTestId('patient-card')).toBeInTheDocument();
    control.destroy();
  });

  it('a bound patient opens in the card after a reload; the caller number is looked up first', async () => {
    const seen = serve({ 'patients/p-1': IVANOV_CARD, 'patients/by-phone': { candidates: [IVANOV], truncated: false } });
    host(configured(inputs({ patientMisId: property('p-1'), callerNumber: property('+79161234567') })));
    expect(await screen.findByTestId('patient-card')).toHaveTextContent('Иванов Иван Иванович');
    await waitFor(() => expect(seen).toContain('POST patients/by-phone'));
  });

  it('follows the width the form gives', async () => {
    serve({});
    const mock = configured(inputs(), { width: 1000 });
    const { update } = host(mock);
    expect(await screen.findByRole('region', { name: 'Поиск пациента' })).toHaveAttribute('data-layout', 'wide');
    update({ width: 400 });
    expect(screen.getByRole('region', { name: 'Поиск пациента' })).toHaveAttribute('data-layout', 'narrow');
  });

  it('disabled: no search; masked: no patient data', async () => {
    serve({});
    host(configured(inputs(), { disabled: true }));
    expect(await screen.findByText('Пациент не выбран')).toBeInTheDocument();
    expect(screen.queryByLabelText('ФИО')).toBeNull();
    screen.getByText('Пациент не выбран').remove();
    host(configured(inputs({ patientMisId: property('p-1', { security: { readable: false, editable: false } }) })));
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к данным пациента');
  });

  it('without the function app URL it says which environment variable to set', async () => {
    host(createContextMock({ control: 'PatientSearch', parameters: inputs() }));
    expect(await screen.findByTestId('setup-missing')).toHaveTextContent(ENVIRONMENT_VARIABLES.functionsBaseUrl);
  });

  it('speaks English when the user language is 1033', async () => {
    serve({});
    host(configured(inputs(), { lcid: 1033 }));
    expect(await screen.findByLabelText('Full name')).toBeInTheDocument();
    expect(screen.getByLabelText('Birth date')).toHaveAttribute('placeholder', 'DD.MM.YYYY');
  });
});
