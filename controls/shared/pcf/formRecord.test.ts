import { formRecordId } from './formRecord';

const contextWith = (contextInfo: unknown) => ({ mode: { contextInfo } }) as unknown as ComponentFramework.Context<unknown>;

describe('formRecordId', () => {
  it('answers the id of the form record of the given table, without braces', () => {
    expect(formRecordId(contextWith({ entityId: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}', entityTypeName: 'eer_call' }), 'eer_call')).toBe(
      '6F9619FF-8B86-D011-B42D-00C04FC964FF',
    );
  });

  it('is null on another table, a new record, or without context info (harness)', () => {
    expect(formRecordId(contextWith({ entityId: 'x', entityTypeName: 'contact' }), 'eer_call')).toBeNull();
    expect(formRecordId(contextWith({ entityId: '', entityTypeName: 'eer_call' }), 'eer_call')).toBeNull();
    expect(formRecordId(contextWith(undefined), 'eer_call')).toBeNull();
  });
});
