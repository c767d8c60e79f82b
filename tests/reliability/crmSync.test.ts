/**
 * The call record keeps the outcome (issue 9) after the operator closed the call form: on the local stack, with the
 * desk playing Dataverse, rows of eer_homevisit / eer_appeal are made through the desk's Web API as the forms make
 * them for a queued request (the client key in the MIS-id column, status accepted); the MIS is down, then back, the
 * outbox worker delivers, and its `crm` follow-up — a client-credentials token from the development identity, a
 * bearer call to the Web API — updates the row: delivered with the MIS id, or failed for an item that fails for good.
 */
import axios from 'axios';
import { COLUMNS, DELIVERY_STATUS_VALUES, OutboxStatus, PatientCard, TABLES, type Address } from '@eer/contract';
import { APPLICATION_USER_ID, startDesk, USER_COOKIE, WEB_API_PATH, type Desk } from '@eer/local';
import { clientKey, nextWeekday, startApi, type Api } from '../mis-proxy/support';
import { eventually } from './support';

jest.setTimeout(180_000);

const saved = { ...process.env };
let api: Api;
let desk: Desk;
let address: Address;

beforeAll(async () => {
  Object.assign(process.env, {
    OUTBOX_RETRY_BASE_MS: '300',
    OUTBOX_RETRY_MAX_MS: '1000',
    MIS_BREAKER_HALF_OPEN_MS: '1000',
    MIS_TIMEOUT_MS: '3000',
    LOCAL_TIMER_INTERVAL_MS: '500',
    DATAVERSE_ROW_ATTEMPTS: '3',
    EER_NOW: `${nextWeekday(2)}T10:00:00+03:00`,
  });
  api = await startApi();
  desk = await startDesk({ stack: api.stack, publishAnnouncements: false });
  address = PatientCard.parse((await api.call('getPatient', { params: { id: api.stack.mis.fixtures.adult.id } })).data).address!;
});
afterAll(async () => {
  await desk?.close();
  await api?.close();
  process.env = { ...saved };
});
afterEach(() => api.stack.mis.faults.reset());

const down = () => api.stack.mis.faults.set({ down: true });
const up = () => api.stack.mis.faults.reset();

/** The desk's Web API as the signed-in operator's browser calls it (the forms' webAPI). */
const webApi = () =>
  axios.create({ baseURL: `${desk.url}${WEB_API_PATH}/`, headers: { cookie: `${USER_COOKIE}=${desk.users[0]!.id}` }, validateStatus: () => true });

async function createRow(entitySet: string, columns: Record<string, unknown>): Promise<string> {
  const res = await webApi().post(entitySet, columns);
  expect(res.status).toBe(204);
  return /\(([^)]+)\)$/.exec(String(res.headers['odata-entityid']))![1]!;
}

const rowOf = (table: string, id: string) => desk.store.all(table).find((r) => r[`${table}id`] === id)!;

async function outboxOf(key: string): Promise<OutboxStatus> {
  return OutboxStatus.parse((await api.call('getOutboxStatus', { params: { clientKey: key } })).data);
}

const H = COLUMNS.homeVisit;
const A = COLUMNS.appeal;

describe('the outbox keeps the CRM row of a queued request up to date', () => {
  it('points the function app at the desk with the identity confidential client', () => {
    expect(api.stack.settings).toMatchObject({ DATAVERSE_URL: desk.url, DATAVERSE_CLIENT_ID: api.stack.identity.clients[0]!.id });
    expect(process.env.DATAVERSE_URL).toBe(desk.url);
  });

  it('home visit queued while the MIS is down: the row becomes delivered with the MIS id once the MO was mailed', async () => {
    expect((await api.call('resolveAddress', { body: { address } })).status).toBe(200);
    down();
    const key = clientKey('crm-hv');
    const res = await api.call('createHomeVisit', {
      body: { patientId: api.stack.mis.fixtures.adult.id, address, intercomCode: '', phone: '+79161234567', temperature: 38.2, complaints: 'Кашель', clientKey: key },
    });
    expect(res.status).toBe(202);
    // What the form writes for a queued request, and the operator closes the call.
    const rowId = await createRow('eer_homevisits', { [H.name]: 'Вызов врача на дом', [H.misRequestId]: key, [H.deliveryStatus]: DELIVERY_STATUS_VALUES.accepted, [H.moId]: 'mo-01' });
    // Not settled yet: the row stays accepted, nothing touches it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(rowOf(TABLES.homeVisit, rowId)).toMatchObject({ [H.misRequestId]: key, [H.deliveryStatus]: DELIVERY_STATUS_VALUES.accepted });

    up();
    const row = await eventually(async () => {
      const r = rowOf(TABLES.homeVisit, rowId);
      return r[H.deliveryStatus] === DELIVERY_STATUS_VALUES.delivered ? r : undefined;
    }, 'the home visit row delivered');
    const status = await outboxOf(key);
    const visit = status.entries.find((e) => e.kind === 'home_visit')!;
    expect(visit).toMatchObject({ status: 'delivered' });
    expect(status.entries.find((e) => e.kind === 'mail')).toMatchObject({ status: 'delivered' });
    expect(status.entries.map((e) => e.kind)).not.toContain('crm');
    expect(row).toMatchObject({ [H.misRequestId]: visit.resultId, _modifiedby_value: APPLICATION_USER_ID, [H.moId]: 'mo-01' });
    expect(api.logs.some((l) => l.includes(`crm eer_homevisit key=${key} row=${rowId} status=delivered`))).toBe(true);
  });

  it('appeal queued while the MIS is down: the row becomes delivered with the MIS number', async () => {
    down();
    const key = clientKey('crm-ap');
    const appeal = { kind: 'appeal', topic: 'appointment_availability', moId: 'mo-02', comment: 'Нет записи', reviewCertificate: false, clientKey: key };
    expect((await api.call('createAppeal', { body: appeal })).status).toBe(202);
    const rowId = await createRow('eer_appeals', { [A.name]: 'Обращение', [A.misAppealId]: key, [A.deliveryStatus]: DELIVERY_STATUS_VALUES.accepted, [A.moId]: 'mo-02' });
    up();
    const row = await eventually(async () => {
      const r = rowOf(TABLES.appeal, rowId);
      return r[A.deliveryStatus] === DELIVERY_STATUS_VALUES.delivered ? r : undefined;
    }, 'the appeal row delivered');
    const entry = (await outboxOf(key)).entries[0]!;
    expect(entry).toMatchObject({ kind: 'appeal', status: 'delivered', resultId: expect.any(String) });
    expect(row[A.misAppealId]).toBe(entry.resultId);
  });

  it('an appeal that fails for good (unknown MO): the row becomes failed; the outbox has the reason code', async () => {
    down();
    const key = clientKey('crm-fail');
    const appeal = { kind: 'complaint', topic: 'staff_conduct', moId: 'mo-unknown-99', comment: 'Жалоба', reviewCertificate: false, clientKey: key };
    expect((await api.call('createAppeal', { body: appeal })).status).toBe(202);
    const rowId = await createRow('eer_appeals', { [A.name]: 'Жалоба', [A.misAppealId]: key, [A.deliveryStatus]: DELIVERY_STATUS_VALUES.accepted });
    up();
    const row = await eventually(async () => {
      const r = rowOf(TABLES.appeal, rowId);
      return r[A.deliveryStatus] === DELIVERY_STATUS_VALUES.failed ? r : undefined;
    }, 'the appeal row failed');
    expect(row[A.misAppealId]).toBe(key);
    expect((await outboxOf(key)).entries).toEqual([expect.objectContaining({ kind: 'appeal', status: 'failed', reasonCode: 'not_found' })]);
  });

  it('a row that is never made: looked for DATAVERSE_ROW_ATTEMPTS times, then given up quietly; the delivery is not held up', async () => {
    down();
    const key = clientKey('crm-norow');
    const appeal = { kind: 'appeal', topic: 'other', moId: 'mo-02', comment: 'Без строки', reviewCertificate: false, clientKey: key };
    expect((await api.call('createAppeal', { body: appeal })).status).toBe(202);
    up();
    await eventually(async () => ((await outboxOf(key)).entries[0]?.status === 'delivered' ? true : undefined), 'the appeal delivered');
    await eventually(async () => (api.logs.some((l) => l.includes(`outbox crm key=${key} failed after 3 attempt(s)`)) ? true : undefined), 'the row update given up');
    expect(api.logs.filter((l) => l.includes(`crm eer_appeal key=${key}: no row yet`))).toHaveLength(3);
  });
});
