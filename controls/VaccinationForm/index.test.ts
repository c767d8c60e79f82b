import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { COLUMNS, ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { VaccinationForm } from './index';
import type { IInputs } from './generated/ManifestTypes';
import { createContextMock, property, seedEnvironmentVariables } from '../shared/test/contextMock';
import { installFetch, type FetchStub } from '../shared/test/fetchStub';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import { clearEnvironmentSettingsCache } from '../shared/settings';
import { ORGS, POINTS, slotsOf } from './testSupport';

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

function inputs(overrides: Partial<Record<keyof IInputs, unknown>> = {}): IInputs {
  return {
    vaccinationIds: property('vac-0'),
    callId: property('call-1'),
    slotDays: property(7, { type: 'Whole.None' }),
    ...overrides,
  } as unknown as IInputs;
}

describe('VaccinationForm wrapper lifecycle', () => {
  quietReact16ActWarnings();
  let container: HTMLDivElement;
  let fetchStub: FetchStub;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.appendChild(container);
    fetchStub = installFetch(({ method, path }) => {
      if (method === 'GET' && path === 'organisations') return { body: ORGS };
      if (method === 'GET' && path === 'vaccination/points') return { body: POINTS };
      if (method === 'GET' && path.startsWith('vaccination/slots?pointId=vp-2')) return { body: slotsOf('vp-2') };
      if (method === 'POST' && path === 'vaccination/registrations') return { body: { registrationId: 'vac-7', status: 'accepted', smsSent: false } };
      return undefined;
    });
  });
  afterEach(() => {
    ReactDOM.unmountComponentAtNode(container);
    container.remove();
    fetchStub.restore();
    clearEnvironmentSettingsCache();
  });

  it('books a worker and appends the registration id; the slot window is the analyst setting', async () => {
    const mock = createContextMock({ control: 'VaccinationForm', parameters: inputs() });
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    const control = new VaccinationForm();
    const notify = jest.fn();
    control.init(mock.context, notify);
    expect(mock.trackContainerResize).toHaveBeenCalledWith(true);
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    const user = userEvent.setup({ delay: null });
    await screen.findByLabelText(/Фамилия/);
    await user.type(screen.getByLabelText(/Фамилия/), 'Сидоренко');
    await user.type(screen.getByLabelText(/^Имя/), 'Анна');
    await user.type(screen.getByLabelText(/Дата рождения/), '12031985');
    await user.type(screen.getByLabelText(/СНИЛС/), '11223344595');
    await user.type(screen.getByLabelText(/Мобильный телефон/), '9161234567');
    await user.type(screen.getByRole('combobox', { name: /Место работы/ }), 'ГП № 1');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.type(screen.getByLabelText(/Должность/), 'Врач');
    await user.click(screen.getByRole('radio', { name: 'Ревакцинация' }));
    await user.click(screen.getByRole('combobox', { name: /Пункт вакцинации/ }));
    await user.click(await screen.findByRole('option', { name: /Мобильный пункт/ }));
    await user.click(within(await screen.findByTestId('time-cells')).getAllByRole('button')[0]!);
    await user.click(screen.getByTestId('submit'));
    await user.click(await screen.findByTestId('confirm-dialog-confirm'));
    await waitFor(() => expect(notify).toHaveBeenCalled());
    expect(control.getOutputs()).toEqual({ vaccinationIds: 'vac-0,vac-7' });
    await waitFor(() => expect(mock.webAPI.tables[TABLES.vaccination]).toHaveLength(1));
    expect(mock.webAPI.tables[TABLES.vaccination]![0]).toMatchObject({ [COLUMNS.vaccination.misRegistrationId]: 'vac-7', [COLUMNS.vaccination.pointId]: 'vp-2' });
    const slotsQuery = fetchStub.requests.find((r) => r.path.startsWith('vaccination/slots'))!.path;
    const [from, to] = [/from=([\d-]+)/.exec(slotsQuery)![1]!, /to=([\d-]+)/.exec(slotsQuery)![1]!];
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
    expect(fetchStub.requests.find((r) => r.path === 'vaccination/registrations')?.body).toMatchObject({ dose: 'booster', callId: 'call-1' });
    expect(await screen.findByTestId('done')).toHaveTextContent('SMS не отправлено');
    control.destroy();
  });

  it('names the missing setting, and masks without read access', async () => {
    const mock = createContextMock({ control: 'VaccinationForm', parameters: inputs() });
    const control = new VaccinationForm();
    control.init(mock.context, jest.fn());
    act(() => {
      ReactDOM.render(control.updateView(mock.context), container);
    });
    expect(await screen.findByTestId('setup-missing')).toHaveTextContent(ENVIRONMENT_VARIABLES.functionsBaseUrl);
    seedEnvironmentVariables(mock.webAPI, { [ENVIRONMENT_VARIABLES.functionsBaseUrl]: { value: 'https://eer122-func.azurewebsites.net/api' } });
    clearEnvironmentSettingsCache();
    const masked = mock.update({ parameters: { vaccinationIds: property('vac-0', { security: { readable: false, editable: false } }) } as Partial<IInputs> as IInputs });
    ReactDOM.unmountComponentAtNode(container);
    act(() => {
      ReactDOM.render(control.updateView(masked), container);
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Нет доступа к записям на вакцинацию этого звонка');
  });
});
