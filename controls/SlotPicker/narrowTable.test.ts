import { narrowChoices } from './slotApi';
import { NARROW_QUERY, narrowTableReader } from './narrowTable';
import { SPECIALTIES } from './testSupport';

function webApi(result: Promise<{ entities: Array<Record<string, unknown>> }>) {
  return { retrieveMultipleRecords: jest.fn().mockReturnValue(result) } as unknown as ComponentFramework.WebApi & { retrieveMultipleRecords: jest.Mock };
}

describe('the analysts’ narrow list (eer_narrowspecialty)', () => {
  it('reads the active rows in their order', async () => {
    const api = webApi(Promise.resolve({ entities: [{ eer_code: ' surgeon ', eer_name: 'Хирург' }, { eer_code: '', eer_name: 'пусто' }, { eer_code: 'dentist', eer_name: 'Стоматолог' }] }));
    expect(await narrowTableReader(api)()).toEqual([
      { code: 'surgeon', name: 'Хирург' },
      { code: 'dentist', name: 'Стоматолог' },
    ]);
    expect(api.retrieveMultipleRecords).toHaveBeenCalledWith('eer_narrowspecialty', NARROW_QUERY, 100);
    expect(NARROW_QUERY).toBe('?$select=eer_code,eer_name,eer_sortorder&$filter=eer_isactive eq true&$orderby=eer_sortorder asc,eer_name asc');
  });

  it('is null when the table is empty, cannot be read, or there is no webAPI (the MIS list is used then)', async () => {
    expect(await narrowTableReader(webApi(Promise.resolve({ entities: [] })))()).toBeNull();
    expect(await narrowTableReader(webApi(Promise.reject(new Error('no privilege'))))()).toBeNull();
    expect(await narrowTableReader(undefined)()).toBeNull();
  });

  it('orders and names the MIS’s narrow specialties by the table, leaving out what the MIS does not offer', () => {
    expect(narrowChoices(SPECIALTIES, null).map((s) => s.code)).toEqual(['dentist', 'surgeon', 'neurologist']);
    expect(
      narrowChoices(SPECIALTIES, [
        { code: 'surgeon', name: 'Хирург' },
        { code: 'therapist', name: 'Терапевт' },
        { code: 'cardiologist', name: 'Кардиолог' },
        { code: 'dentist', name: '' },
      ]),
    ).toEqual([
      { code: 'surgeon', name: 'Хирург', kind: 'narrow' },
      { code: 'dentist', name: 'стоматолог', kind: 'narrow' },
    ]);
  });
});
