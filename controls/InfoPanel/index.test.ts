import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { APPEAL_TOPIC_VALUES, COLUMNS, ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { InfoPanel } from './index';
import type { IInputs } from './generated/ManifestTypes';
import { createContextMock, property, seedEnvironmentVariables } from '../shared/test/contextMock';
import { installFetch, type FetchStub } from '../shared/test/fetchStub';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { clearEnvironmentSettingsCache } from '../shared/settings';
import { ARTICLE_ROWS, CARD } from './testSupport';

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    topic: property(1, { type: 'Whole.None' }),
    appealIds: property('ap-1'),
    patientMisId: property('p-1'),
    patientName: property('Иванов Иван Иванович'),
    callId: property('call-1'),
    defaultTab: property('auto', { type: 'Enum' }),
    volunteerMinAge: property(null, { type: 'Whole.None' }),
    ...overrides,
  } as unknown as IInputs;
}

describe('InfoPanel wrapper lifecycle', () => {
  quietReact16ActWarnings();
  let container: HTMLDivElement;
  let fetchStub: FetchStub;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    fetchStub = installFetch(({ method, path }) => {
      if (method === 'GET' && path === 'patients/p-1') return { body: CARD };
      if (method === 'POST' && path === 'address/resolve')
        return { body: { moId: 'mo-3', moName: 'ГП № 3', zoneId: 'z', zoneName: 'Участок', acceptingNow: true, homeVisitHours: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } } };
      if (method === 'POST' && path === 'appeals') return { body: { appealId: 'ap-vh-9', status: 'accepted' } };
      return undefined;
    });
  });
  afterEach(() => {
    ReactDOM.unmountComponentAtNode(container);
    container.remove();
    fetchStub.restore();
    clearEnvironmentSettingsCache();
  });

  it('shows the COVID articles of the CRM for topic 1, switches with the bound topic, and keeps a volunteer request id', async () => {
    const mock = createContextMock({ control: 'InfoPanel', parameters: inputs() });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    mock.webAPI.seed(TABLES.infoArticle, ARTICLE_ROWS);
    const control = new InfoPanel();
    const notify = jest.fn();
    control.init(mock.context, notify);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(await screen.findAllByTestId('article')).toHaveLength(2);
    expect(mock.webAPI.retrieveMultipleRecords).toHaveBeenCalledWith(TABLES.infoArticle, expect.stringContaining('eer_topic eq 1'));

    const next = mock.update({ parameters: { topic: property(2, { type: 'Whole.None' }) } as Partial<IInputs> as IInputs });
    act(() => {
      ReactDOM.render(control.updateView(next), container);
    });
    await waitFor(() => expect(screen.getByLabelText(/Контактный телефон/)).toHaveValue('+7 (916) 123-45-67'));
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByLabelText(/Какая помощь нужна/));
    await user.paste('Продукты');
    await user.click(screen.getByTestId('volunteer-submit'));
    await user.click(within(await screen.findByRole('alertdialog')).getByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(notify).toHaveBeenCalled());
    expect(control.getOutputs()).toEqual({ appealIds: 'ap-1,ap-vh-9' });
    expect(fetchStub.requests.find((r) => r.path === 'appeals')?.body).toMatchObject({ topic: 'volunteer_help', moId: 'mo-3' });
    // its appeal row in the CRM, with the volunteer topic
    await waitFor(() => expect(mock.webAPI.tables[TABLES.appeal]).toHaveLength(1));
    expect(mock.webAPI.tables[TABLES.appeal]![0]).toMatchObject({ [COLUMNS.appeal.topic]: APPEAL_TOPIC_VALUES.volunteer_help, [COLUMNS.appeal.misAppealId]: 'ap-vh-9' });
    control.destroy();
  });

  it('masks everything when the topic column is not readable', () => {
    const mock = createContextMock({ control: 'InfoPanel', parameters: inputs({ topic: property(1, { type: 'Whole.None', security: { readable: false, editable: false } }) }) });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    const control = new InfoPanel();
    control.init(mock.context, jest.fn());
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    return waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к данным звонка'));
  });
});
