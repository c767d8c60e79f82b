import { appendId, parseIdList } from './idList';

describe('id list columns', () => {
  it('parses a comma-separated list, ignoring blanks and spaces', () => {
    expect(parseIdList(null)).toEqual([]);
    expect(parseIdList('')).toEqual([]);
    expect(parseIdList(' a , b,,c ')).toEqual(['a', 'b', 'c']);
  });

  it('appends an id once, keeping the order', () => {
    expect(appendId(null, 'appt-1')).toBe('appt-1');
    expect(appendId('appt-1', 'appt-2')).toBe('appt-1,appt-2');
    expect(appendId('appt-1, appt-2', 'appt-1')).toBe('appt-1,appt-2');
    expect(appendId('appt-1', '  ')).toBe('appt-1');
  });
});
