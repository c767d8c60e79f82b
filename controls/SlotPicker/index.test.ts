import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { SlotPicker } from './index';
import type { IInputs } from './generated/ManifestTypes';
import { createContextMock, property, seedEnvironmentVariables, type ContextMock } from '../shared/test/contextMock';
import { installFetch, type FetchStub } from '../shared/test/fetchStub';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { clearEnvironmentSettingsCache } from '../shared/settings';
import { CARD, DISTRICT_RESULT, FUTURE_TICKET, SPECIALTIES, ticketOf } from './testSupport';

jest.setTimeout(60_000);

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    appointmentIds: property('appt-0', { type: 'Multiple' }),
    patientMisId: property(CARD.misId),
    patientName: property(CARD.fullName),
    complaintTicketId: property(null),
    appealKind: property(null),
    defaultMode: property('district', { type: 'Enum' }),
    periodDays: property(null, { type: 'Whole.None' }),
    ticketHistoryDays: property(null, { type: 'Whole.None' }),
    ...overrides,
  } as unknown as IInputs;
}

describe('SlotPicker wrapper lifecycle', () => {
  quietReact16ActWarnings();
  let container: HTMLDivElement;
  let fetchStub: FetchStub;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    fetchStub = installFetch(({ method, path, body }) => {
      if (method === 'GET' && path === `patients/${CARD.misId}`) return { body: CARD };
      if (method === 'GET' && path.startsWith('specialties?')) return { body: SPECIALTIES };
      if (method === 'POST' && path === 'slots/search') return { body: DISTRICT_RESULT };
      if (method === 'GET' && path.startsWith(`patients/${CARD.misId}/tickets`)) return { body: [FUTURE_TICKET] };
      if (method === 'POST' && path === 'bookings') {
        const slotId = (body as { slotId: string }).slotId;
        const slot = DISTRICT_RESULT.days.flatMap((d) => d.slots).find((s) => s.id === slotId)!;
        return { body: { ticket: ticketOf(slot.id, slot.start), smsSent: true } };
      }
      return undefined;
    });
  });
  afterEach(() => {
    ReactDOM.unmountComponentAtNode(container);
    container.remove();
    fetchStub.restore();
    clearEnvironmentSettingsCache();
  });

  function mount(mock: ContextMock<IInputs>, control = new SlotPicker(), notify = jest.fn()) {
    control.init(mock.context, notify);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    return { control, notify };
  }

  function configured(mock: ContextMock<IInputs>) {
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
  }

  it('asks to find the patient first, and reads nothing, while no patient is bound', () => {
    const mock = createContextMock({ control: 'SlotPicker', parameters: inputs({ patientMisId: property(null) }) });
    const { control } = mount(mock);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    expect(screen.getByTestId('slot-picker-no-patient')).toHaveTextContent('Сначала найдите пациента');
    expect(fetchStub.requests).toEqual([]);
    expect(control.getOutputs()).toEqual({});
  });

  it('names the missing environment variable when the function app address is not set', async () => {
    const mock = createContextMock({ control: 'SlotPicker', parameters: inputs() });
    mount(mock);
    expect(await screen.findByTestId('setup-missing')).toHaveTextContent(ENVIRONMENT_VARIABLES.functionsBaseUrl);
  });

  it('a bound patient gets the district doctor’s free time at once; a booking appends its id to eer_appointmentids', async () => {
    const mock = createContextMock({ control: 'SlotPicker', parameters: inputs() });
    configured(mock);
    // a model-driven form tells which record it shows: the bookings carry the call record's id
    (mock.context.mode as unknown as { contextInfo: object }).contextInfo = { entityId: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}', entityTypeName: 'eer_call' };
    const { control, notify } = mount(mock);
    const grid = await screen.findByTestId('time-grid');
    const search = fetchStub.requests.find((r) => r.path === 'slots/search');
    expect(search?.body).toEqual({ patientId: CARD.misId, specialtyCode: 'therapist', from: expect.any(String), to: expect.any(String), nearest: true });
    expect(search?.headers['accept-language']).toBe('ru');

    const user = userEvent.setup({ delay: null });
    await user.click(within(grid).getAllByRole('button')[0]!);
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(control.getOutputs()).toEqual({ appointmentIds: 'appt-0,t-s-1' });
    expect(fetchStub.requests.find((r) => r.path === 'bookings')?.body).toMatchObject({ slotId: 's-1', notifySms: true, callId: '6F9619FF-8B86-D011-B42D-00C04FC964FF' });

    // a second booking before the host echoed the first still keeps both
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await user.click(within(screen.getByTestId('time-grid')).getAllByRole('button')[0]!);
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(notify).toHaveBeenCalledTimes(2));
    expect(control.getOutputs()).toEqual({ appointmentIds: 'appt-0,t-s-1,t-s-2' });

    // the host writes the column back and updates the view: the list stays whole
    const next = mock.update({ parameters: { appointmentIds: property('appt-0,t-s-1,t-s-2', { type: 'Multiple' }) } as Partial<IInputs> as IInputs });
    act(() => {
      ReactDOM.render(control.updateView(next), container);
    });
    expect(control.getOutputs()).toEqual({ appointmentIds: 'appt-0,t-s-1,t-s-2' });
    control.destroy();
  });

  it('«Жалоба на посещение» writes the ticket id and the kind complaint for the appeal form', async () => {
    const mock = createContextMock({ control: 'SlotPicker', parameters: inputs() });
    configured(mock);
    const { control, notify } = mount(mock);
    const list = await screen.findByTestId('ticket-list');
    await userEvent.setup({ delay: null }).click(within(list).getByRole('button', { name: /^Жалоба на посещение/ }));
    expect(notify).toHaveBeenCalledTimes(1);
    expect(control.getOutputs()).toEqual({ complaintTicketId: FUTURE_TICKET.id, appealKind: 'complaint' });
  });

  it('uses the analysts’ narrow list from eer_narrowspecialty through the form’s webAPI', async () => {
    const mock = createContextMock({ control: 'SlotPicker', parameters: inputs({ defaultMode: property('narrow', { type: 'Enum' }) }) });
    configured(mock);
    mock.webAPI.tables[TABLES.narrowSpecialty] = [
      { eer_narrowspecialtyid: 'n-1', eer_name: 'Хирург', eer_code: 'surgeon', eer_sortorder: 1, eer_isactive: true },
      { eer_narrowspecialtyid: 'n-2', eer_name: 'Невролог', eer_code: 'neurologist', eer_sortorder: 2, eer_isactive: false },
      { eer_narrowspecialtyid: 'n-3', eer_name: 'Стоматолог', eer_code: 'dentist', eer_sortorder: 0, eer_isactive: true },
    ];
    mount(mock);
    const service = await screen.findByRole('combobox', { name: 'Услуга' });
    await waitFor(() => expect(service).toBeEnabled());
    await userEvent.setup({ delay: null }).click(service);
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Стоматолог', 'Хирург']));
  });

  it('read-only when the appointments column is not editable; masked when the patient column is not readable', async () => {
    const readOnly = createContextMock({
      control: 'SlotPicker',
      parameters: inputs({ appointmentIds: property('appt-0', { type: 'Multiple', security: { editable: false } }) }),
    });
    configured(readOnly);
    mount(readOnly);
    expect(await screen.findByText(/только просмотр/)).toBeInTheDocument();
    ReactDOM.unmountComponentAtNode(container);

    const masked = createContextMock({ control: 'SlotPicker', parameters: inputs({ patientMisId: property(CARD.misId, { security: { readable: false } }) }) });
    mount(masked);
    expect(screen.getByTestId('slot-picker-masked')).toHaveTextContent('Нет доступа к данным пациента');
  });

  it('speaks English when the user language is 1033', async () => {
    const mock = createContextMock({ control: 'SlotPicker', parameters: inputs(), lcid: 1033 });
    configured(mock);
    mount(mock);
    expect(await screen.findByRole('tab', { name: 'To the district doctor' })).toBeInTheDocument();
    await screen.findByTestId('time-grid');
    expect(fetchStub.requests.find((r) => r.path === 'slots/search')?.headers['accept-language']).toBe('en');
  });
});
