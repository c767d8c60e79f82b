import { APPEAL_KIND_VALUES, APPEAL_TOPIC_VALUES, COLUMNS, DELIVERY_STATUS_VALUES, DOSE_VALUES, TABLES, VACCINE_VALUES } from '@eer/contract';
import { createWebApiMock } from '../test/contextMock';
import { appealColumns, callLink, callRecords, deliveryColumns, deliveryValue, homeVisitColumns, vaccinationColumns } from './callRecords';

const visit = {
  patientId: 'p-1',
  address: { text: 'г. Энск, ул. Ленина, д. 5, кв. 12' },
  phone: '+79161234567',
  complaints: 'Кашель',
  clientKey: 'key-00000001',
};

describe('callRecords', () => {
  it('links a row to the call through the eer_CallId navigation property (braces dropped), and nothing without a call', () => {
    expect(callLink('{0A1B}')).toEqual({ 'eer_CallId@odata.bind': '/eer_calls(0A1B)' });
    expect(callLink(null)).toEqual({});
  });

  it('creates the row in its table with the lookup, and updates only the given columns', async () => {
    const webAPI = createWebApiMock();
    const [call] = webAPI.seed(TABLES.call, [{ eer_name: 'Звонок' }]);
    const records = callRecords(webAPI);
    const columns = homeVisitColumns(visit, { misRequestId: 'hv-1', state: 'queued', moId: 'mo-3', moName: 'ГП № 3', zoneName: null });
    const id = await records.create(TABLES.homeVisit, columns, String(call!.eer_callid));
    const row = webAPI.tables[TABLES.homeVisit]![0]!;
    expect(row).toMatchObject({ eer_homevisitid: id, _eer_callid_value: call!.eer_callid, [COLUMNS.homeVisit.deliveryStatus]: DELIVERY_STATUS_VALUES.accepted });
    await records.update(TABLES.homeVisit, id, deliveryColumns(TABLES.homeVisit, 'delivered', 'hv-9'));
    expect(row).toMatchObject({ [COLUMNS.homeVisit.misRequestId]: 'hv-9', [COLUMNS.homeVisit.deliveryStatus]: DELIVERY_STATUS_VALUES.delivered });
    expect(webAPI.updateRecord.mock.calls[0]![2]).toEqual({ eer_deliverystatus: DELIVERY_STATUS_VALUES.delivered, eer_misrequestid: 'hv-9' });
  });

  it('uses the contract choice values and leaves out what is not known', () => {
    expect(deliveryValue('queued', TABLES.homeVisit)).toBe(DELIVERY_STATUS_VALUES.accepted);
    expect(deliveryValue('queued', TABLES.appeal)).toBe(DELIVERY_STATUS_VALUES.accepted);
    expect(deliveryValue('failed', TABLES.appeal)).toBe(DELIVERY_STATUS_VALUES.failed);
    // The MIS is an appeal's receiver; a home visit also waits for the notice to its organisation.
    expect(deliveryValue('accepted', TABLES.appeal)).toBe(DELIVERY_STATUS_VALUES.delivered);
    expect(deliveryValue('accepted', TABLES.homeVisit)).toBe(DELIVERY_STATUS_VALUES.accepted);
    expect(deliveryColumns(TABLES.appeal, 'failed', undefined)).toEqual({ [COLUMNS.appeal.deliveryStatus]: DELIVERY_STATUS_VALUES.failed });
    const appeal = appealColumns(
      { kind: 'complaint', topic: 'staff_conduct', moId: 'mo-3', comment: 'Грубость', reviewCertificate: false, clientKey: 'key-00000002' },
      { misAppealId: 'ap-1', state: 'accepted', moName: 'ГП № 3' },
    );
    expect(appeal).toMatchObject({
      eer_name: 'Жалоба: Поведение персонала',
      eer_kind: APPEAL_KIND_VALUES.complaint,
      eer_topic: APPEAL_TOPIC_VALUES.staff_conduct,
      eer_address: null,
      eer_ticketid: null,
      eer_patientmisid: null,
    });
    const vaccination = vaccinationColumns(
      {
        lastName: 'Сидоренко',
        firstName: 'Анна',
        birthDate: '1985-03-12',
        snils: '11223344595',
        phone: '+79161234567',
        employerMoId: 'mo-1',
        position: 'Врач',
        vaccine: 'influenza',
        dose: 'booster',
        pointId: 'vp-1',
        slotId: 's-1',
        clientKey: 'key-00000003',
      },
      { misRegistrationId: 'vac-1', pointName: null, slotStart: null },
    );
    expect(vaccination).toMatchObject({ eer_workername: 'Сидоренко Анна', eer_vaccine: VACCINE_VALUES.influenza, eer_dose: DOSE_VALUES.booster, eer_pointname: null });
    // every column name is the contract's
    for (const [table, cols] of [
      ['appeal', appeal],
      ['homeVisit', homeVisitColumns(visit, { misRequestId: 'x', state: 'accepted', moId: 'm', moName: 'n', zoneName: 'z' })],
      ['vaccination', vaccination],
    ] as const) {
      expect(Object.values(COLUMNS[table])).toEqual(expect.arrayContaining(Object.keys(cols)));
    }
  });
});
