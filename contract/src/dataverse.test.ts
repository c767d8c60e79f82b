import { CALL_STATUS_VALUES, COLUMNS, TABLES, callStatusFromValue, DELIVERY_STATUS_VALUES } from './dataverse';
import { CallStatus } from './call';

describe('Dataverse names', () => {
  it('every table and column carries the publisher prefix and is a valid lower-case logical name', () => {
    for (const [key, table] of Object.entries(TABLES)) {
      expect(table).toMatch(/^eer_[a-z0-9]+$/);
      for (const column of Object.values(COLUMNS[key as keyof typeof COLUMNS])) expect(column).toMatch(/^eer_[a-z0-9]+$/);
    }
  });

  it('no table has two properties naming the same column', () => {
    for (const columns of Object.values(COLUMNS)) {
      const names = Object.values(columns);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('call status choices cover every status, are unique, and map back', () => {
    expect(Object.keys(CALL_STATUS_VALUES).sort()).toEqual([...CallStatus.options].sort());
    const values = [...Object.values(CALL_STATUS_VALUES), ...Object.values(DELIVERY_STATUS_VALUES)];
    expect(new Set(values).size).toBe(values.length);
    for (const status of CallStatus.options) expect(callStatusFromValue(CALL_STATUS_VALUES[status])).toBe(status);
    expect(callStatusFromValue(1)).toBeNull();
  });
});
