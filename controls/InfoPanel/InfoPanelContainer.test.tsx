import * as React from 'react';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../shared/api/ApiError';
import { loadResx } from '../shared/test/resx';
import { quietReact16ActWarnings } from '../shared/test/quietAct';
import type { Strings } from '../shared/pcf/strings';
import { InfoPanelContainer, type InfoPanelContainerProps } from './InfoPanelContainer';
import { infoArticles } from './infoArticles';
import type { InfoPanelStringKey } from './strings';
import { APPEAL_TOPIC_VALUES, COLUMNS, DELIVERY_STATUS_VALUES, TABLES } from '@eer/contract';
import { TEST_POLL_DELAYS, entry, outboxReports, recordsOverMock } from '../shared/records/testSupport';
import { CARD, articlesWebApi, fakeApi } from './testSupport';

const A = COLUMNS.appeal;

jest.setTimeout(60_000);
// The machine is shared: give slow renders time before a query gives up.
configure({ asyncUtilTimeout: 5000 });

const ru = loadResx('InfoPanel', 1049) as Strings<InfoPanelStringKey>;
const en = loadResx('InfoPanel', 1033) as Strings<InfoPanelStringKey>;

function renderPanel(overrides: Partial<InfoPanelContainerProps> = {}) {
  const crm = recordsOverMock();
  const props: InfoPanelContainerProps = {
    api: fakeApi(),
    articles: infoArticles(articlesWebApi()),
    records: crm.records,
    callRecordId: crm.callRecordId,
    pollDelays: TEST_POLL_DELAYS,
    topic: 6,
    defaultTab: 'auto',
    patientId: 'p-1',
    patientName: 'Иванов Иван Иванович',
    callId: 'call-1',
    volunteerMinAge: 65,
    readOnly: false,
    masked: false,
    narrow: false,
    lang: 'ru',
    strings: ru,
    onCreated: jest.fn(),
    ...overrides,
  };
  const view = render(<InfoPanelContainer {...props} />);
  return { ...view, props, api: props.api as ReturnType<typeof fakeApi>, crm };
}

describe('InfoPanelContainer', () => {
  quietReact16ActWarnings();
  // the region's clock is read through Date.now (useNow)
  const at = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));
  afterEach(() => jest.restoreAllMocks());

  it('opens the tab of the call topic and follows a new topic', async () => {
    const { rerender, props } = renderPanel({ topic: 1 });
    expect(screen.getByRole('tab', { name: '1. COVID-19' })).toHaveAttribute('aria-selected', 'true');
    rerender(<InfoPanelContainer {...props} topic={7} />);
    expect(screen.getByRole('tab', { name: /7\. Профосмотры/ })).toHaveAttribute('aria-selected', 'true');
    rerender(<InfoPanelContainer {...props} topic={3} />);
    expect(screen.getByRole('tab', { name: '6. Режим работы МО' })).toHaveAttribute('aria-selected', 'true');
  });

  it('topic 1: COVID articles from the CRM, searchable as the operator types', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ topic: 1 });
    expect(await screen.findAllByTestId('article')).toHaveLength(2);
    await user.type(screen.getByLabelText('Поиск по статьям'), 'на дому');
    expect(screen.getAllByTestId('article')).toHaveLength(1);
    expect(screen.getByTestId('article')).toHaveTextContent('Лечение COVID-19 на дому');
    await user.type(screen.getByLabelText('Поиск по статьям'), 'ххх');
    expect(screen.getByTestId('articles-count')).toHaveTextContent('Ничего не найдено по запросу «на домуххх»');
  });

  it('topic 7: what the patient is due for this year and the articles for their age', async () => {
    at('2026-11-26T09:00:00Z');
    const api = fakeApi({ patient: jest.fn().mockResolvedValue({ ...CARD, fullName: 'Петров Пётр', birthDate: '1988-12-30', age: 37 }) });
    renderPanel({ topic: 7, api });
    expect(await screen.findByTestId('checkups-age')).toHaveTextContent('Петров Пётр: в 2026 году исполняется 38 лет (37 лет сейчас).');
    expect(screen.getByTestId('due-checkup')).toHaveTextContent('проводится в этом году');
    expect(screen.getByTestId('due-dispensarisation')).toHaveTextContent('в этом году не проводится');
    expect(screen.getByText(/следующая — в 2027 году \(в 39 лет\)/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId('article').map((a) => a.querySelector('h3')?.textContent)).toEqual(['Диспансеризация с 18 до 39 лет', 'Профилактический медицинский осмотр']));
    expect(screen.getByTestId('checkups-rule')).toHaveTextContent('№ 404н');
  });

  it('topic 7 without a patient: the rule for all adults and every article', async () => {
    renderPanel({ topic: 7, patientId: null });
    expect(screen.getByTestId('checkups-no-patient')).toBeInTheDocument();
    expect(await screen.findAllByTestId('article')).toHaveLength(3);
  });

  it('topic 6: finds an organisation by name, Enter shows its week with today highlighted and whether it is open', async () => {
    at('2026-11-28T10:00:00Z'); // Saturday 13:00 in Moscow
    const user = userEvent.setup({ delay: null });
    const { api } = renderPanel({ topic: 6 });
    await screen.findByTestId('mo-list');
    await user.type(screen.getByLabelText(/Название медицинской организации/), 'поликлиника № 3');
    expect(within(screen.getByTestId('mo-list')).getAllByRole('option')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('hours-title')).toHaveTextContent('ГП № 3');
    expect(api.hours).toHaveBeenCalledWith('mo-3', expect.anything());
    const table = screen.getByRole('table', { name: 'Режим работы: ГП № 3' });
    const today = table.querySelector('[aria-current="date"]');
    expect(today).toHaveTextContent('Суббота (сегодня)09:00–15:00выходной');
    expect(screen.getByTestId('open-now')).toHaveTextContent('Сейчас открыто, до 15:00');
  });

  it('topic 6: a locality narrows to its district; the list is walked with the arrows', async () => {
    const user = userEvent.setup({ delay: null });
    const { api } = renderPanel({ topic: 6 });
    await screen.findByTestId('mo-list');
    await user.click(screen.getByRole('combobox', { name: 'Населённый пункт' }));
    await user.click(await screen.findByRole('option', { name: 'Ёлкино' }));
    await waitFor(() => expect(api.organisations).toHaveBeenLastCalledWith('d-2', expect.anything()));
    await waitFor(() => expect(within(screen.getByTestId('mo-list')).getAllByRole('option')).toHaveLength(1));
    await user.click(screen.getByRole('combobox', { name: 'Населённый пункт' }));
    await user.click(await screen.findByRole('option', { name: 'Все населённые пункты' }));
    await waitFor(() => expect(within(screen.getByTestId('mo-list')).getAllByRole('option')).toHaveLength(3));
    screen.getByTestId('mo-list').focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByTestId('hours-title')).toHaveTextContent('ГП № 3');
  });

  it('topic 2: volunteer help prefilled from the card, sent as a volunteer_help appeal to the MO of the address', async () => {
    const user = userEvent.setup({ delay: null });
    const { api, props } = renderPanel({ topic: 2 });
    await waitFor(() => expect(screen.getByLabelText(/Кому нужна помощь/)).toHaveValue('Иванов Иван Иванович'));
    expect(screen.getByLabelText(/Контактный телефон/)).toHaveValue('+7 (916) 123-45-67');
    expect(screen.getByLabelText(/^Адрес/)).toHaveValue(CARD.address!.text);
    expect(screen.queryByTestId('volunteer-young')).toBeNull();
    await user.click(screen.getByLabelText(/Какая помощь нужна/));
    await user.paste('Доставка лекарств из аптеки');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(within(await screen.findByRole('alertdialog')).getByTestId('confirm-dialog-confirm'));
    expect(await screen.findByTestId('volunteer-done')).toHaveTextContent('Заявка на помощь волонтёров № ap-vh-1 передана в ГП № 3.');
    expect(props.onCreated).toHaveBeenCalledWith('ap-vh-1');
    expect(api.resolve).toHaveBeenCalledWith({ address: CARD.address, patientId: 'p-1' }, expect.anything());
    const body = api.createAppeal.mock.calls[0][0];
    expect(body).toMatchObject({ kind: 'appeal', topic: 'volunteer_help', moId: 'mo-3', patientId: 'p-1', callId: 'call-1', reviewCertificate: false });
    expect(body.comment).toBe('Помощь волонтёров (линия 122, тема 2)\nКому: Иванов Иван Иванович\nТелефон: +7 (916) 123-45-67\nЧем помочь: Доставка лекарств из аптеки');
  });

  it('topic 2: the request is an appeal row in the CRM (topic volunteer_help) and a queued one is followed until the MIS has it', async () => {
    const user = userEvent.setup({ delay: null });
    const createAppeal = jest.fn((body: { clientKey: string }) => Promise.resolve({ appealId: body.clientKey, status: 'accepted', queued: true }));
    const outbox = outboxReports([entry('appeal', 'accepted')], [entry('appeal', 'delivered', { resultId: 'ap-vh-5' })]);
    const { crm } = renderPanel({ topic: 2, api: fakeApi({ createAppeal, outbox }) });
    await waitFor(() => expect(screen.getByLabelText(/Кому нужна помощь/)).toHaveValue('Иванов Иван Иванович'));
    await user.click(screen.getByLabelText(/Какая помощь нужна/));
    await user.paste('Продукты');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.click(within(await screen.findByRole('alertdialog')).getByTestId('confirm-dialog-confirm'));
    expect(await screen.findByTestId('volunteer-done')).toHaveTextContent('заявка сохранена в очереди');
    await waitFor(() => expect(crm.webAPI.tables[TABLES.appeal]).toHaveLength(1));
    const row = crm.webAPI.tables[TABLES.appeal]![0]!;
    expect(row).toMatchObject({
      [A.topic]: APPEAL_TOPIC_VALUES.volunteer_help,
      [A.moId]: 'mo-3',
      [A.moName]: 'ГП № 3',
      [A.patientMisId]: 'p-1',
      [A.address]: CARD.address!.text,
      _eer_callid_value: crm.callRecordId,
    });
    await waitFor(() => expect(screen.getByTestId('delivery-status')).toHaveTextContent('Принята МИС'));
    expect(screen.getByTestId('volunteer-done')).toHaveTextContent('№ ap-vh-5 передана в ГП № 3');
    await waitFor(() => expect(row).toMatchObject({ [A.misAppealId]: 'ap-vh-5', [A.deliveryStatus]: DELIVERY_STATUS_VALUES.delivered }));
  });

  it('topic 2: warns about a younger citizen, names missing fields, and an unserved address', async () => {
    const user = userEvent.setup({ delay: null });
    const api = fakeApi({
      patient: jest.fn().mockResolvedValue({ ...CARD, birthDate: '1990-01-01', age: 36, phone: undefined, address: undefined }),
      resolve: jest.fn().mockRejectedValue(new ApiError({ code: 'not_found', status: 404, message: 'x', correlationId: 'c', retryable: false })),
    });
    renderPanel({ topic: 2, api });
    expect(await screen.findByTestId('volunteer-young')).toHaveTextContent('Гражданину 36 лет');
    await user.click(screen.getByTestId('volunteer-submit'));
    expect(await screen.findAllByText('обязательное поле')).toHaveLength(1); // phone
    expect(screen.getAllByText('не может быть пустым').length).toBeGreaterThanOrEqual(1); // address text
    await user.click(screen.getByLabelText(/^Адрес/));
    await user.paste('г. Нигде, ул. Никакая, д. 1');
    await user.click(screen.getByLabelText(/Контактный телефон/));
    await user.paste('89161234567');
    await user.click(screen.getByLabelText(/Какая помощь нужна/));
    await user.paste('Продукты');
    await user.click(screen.getByTestId('volunteer-submit'));
    await user.click(within(await screen.findByRole('alertdialog')).getByTestId('confirm-dialog-confirm'));
    expect(await screen.findByText(/Адрес не обслуживается ни одним участком/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^Адрес/)).toHaveFocus());
    expect(api.createAppeal).not.toHaveBeenCalled();
  });

  // Arrow keys between tabs are Fluent's (Tabster), which needs layout: checked in the browser test.
  it('a focused tab opens with Enter', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ topic: 1 });
    screen.getByRole('tab', { name: /2\. Помощь волонтёров/ }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: /2\. Помощь волонтёров/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('panel-volunteer')).toBeInTheDocument();
  });

  it('masked and English', async () => {
    const { unmount } = renderPanel({ masked: true });
    expect(screen.getByRole('status')).toHaveTextContent('Нет доступа к данным звонка');
    unmount();
    renderPanel({ topic: 1, lang: 'en', strings: en });
    expect(screen.getByRole('tab', { name: '6. Opening hours' })).toBeInTheDocument();
    expect(await screen.findByText('Articles: 2')).toBeInTheDocument();
  });
});
