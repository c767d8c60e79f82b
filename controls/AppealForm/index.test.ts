import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { APPEAL_KIND_VALUES, APPEAL_TOPIC_VALUES, COLUMNS, DELIVERY_STATUS_VALUES, ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { AppealForm } from './index';
import type { IInputs } from './generated/ManifestTypes';
import { createContextMock, property, seedEnvironmentVariables } from '../shared/test/contextMock';
import { installFetch, type FetchStub } from '../shared/test/fetchStub';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { clearEnvironmentSettingsCache } from '../shared/settings';
import { ORGS, TICKET } from './testSupport';

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    appealIds: property(null),
    patientMisId: property('p-1'),
    patientName: property('Иванов Иван Иванович'),
    callId: property('call-1'),
    complaintTicketId: property('t-9'),
    appealKind: property('complaint'),
    defaultKind: property('appeal', { type: 'Enum' }),
    ...overrides,
  } as unknown as IInputs;
}

const A = COLUMNS.appeal;

describe('AppealForm wrapper lifecycle', () => {
  quietReact16ActWarnings();
  let container: HTMLDivElement;
  let fetchStub: FetchStub;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    fetchStub = installFetch(({ method, path }) => {
      if (method === 'GET' && path === 'organisations') return { body: ORGS };
      if (method === 'GET' && path.startsWith('patients/p-1/tickets?from=')) return { body: [TICKET] };
      if (method === 'POST' && path === 'appeals') return { body: { appealId: 'ap-7', status: 'delivered' } };
      return undefined;
    });
  });
  afterEach(() => {
    ReactDOM.unmountComponentAtNode(container);
    container.remove();
    fetchStub.restore();
    clearEnvironmentSettingsCache();
  });

  it('a complaint handed over by the slot picker is registered, kept as a CRM card on the call and tagged', async () => {
    const mock = createContextMock({ control: 'AppealForm', parameters: inputs({ appealIds: property('ap-1') }) });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    const [call] = mock.webAPI.seed(TABLES.call, [{ eer_name: 'Звонок' }]);
    const callRecordId = String(call!.eer_callid);
    Object.assign(mock.context.mode, { contextInfo: { entityId: `{${callRecordId}}`, entityTypeName: 'eer_call' } });
    const control = new AppealForm();
    const notify = jest.fn();
    control.init(mock.context, notify);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(await screen.findByTestId('complaint-ticket')).toHaveTextContent('невролог Петров П. П.');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByLabelText(/Комментарий/));
    await user.paste('Врач опоздал на час');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(notify).toHaveBeenCalled());
    expect(control.getOutputs()).toEqual({ appealIds: 'ap-1,ap-7' });

    await waitFor(() => expect(mock.webAPI.tables[TABLES.appeal]).toHaveLength(1));
    const card = mock.webAPI.tables[TABLES.appeal]![0]!;
    expect(card).toMatchObject({
      [A.name]: 'Жалоба: Жалоба на посещение',
      [A.kind]: APPEAL_KIND_VALUES.complaint,
      [A.topic]: APPEAL_TOPIC_VALUES.complaint_about_visit,
      [A.moId]: 'mo-3',
      [A.moName]: 'ГП № 3',
      [A.comment]: 'Врач опоздал на час',
      [A.reviewCertificate]: false,
      [A.ticketId]: 't-9',
      [A.patientMisId]: 'p-1',
      [A.misAppealId]: 'ap-7',
      [A.deliveryStatus]: DELIVERY_STATUS_VALUES.delivered,
      _eer_callid_value: callRecordId,
    });
    const tag = screen.getByTestId('certificate-tag');
    await waitFor(() => expect(tag).toBeEnabled());
    await user.click(tag);
    await user.click(within(await screen.findByRole('alertdialog')).getByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(mock.webAPI.tables[TABLES.appeal]![0]![A.reviewCertificate]).toBe(true));
    control.destroy();
  });

  it('without a hand-over it starts as the default kind, and is read-only when disabled', async () => {
    const mock = createContextMock({ control: 'AppealForm', parameters: inputs({ appealIds: property('ap-1'), complaintTicketId: property(null), appealKind: property(null) }), disabled: true });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    const control = new AppealForm();
    control.init(mock.context, jest.fn());
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(await screen.findByTestId('submit')).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Обращение' })).toBeChecked();
    expect(control.getOutputs()).toEqual({});
  });
});
