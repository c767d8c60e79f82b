import { appendId, idsOf } from './idList';

describe('id lists of the call record', () => {
  it('reads a comma-separated column, ignoring blanks and spaces', () => {
    expect(idsOf(null)).toEqual([]);
    expect(idsOf('')).toEqual([]);
    expect(idsOf(' a-1 , ,b-2,')).toEqual(['a-1', 'b-2']);
  });

  it('appends to what the column holds, once', () => {
    expect(appendId(null, 'hv-1')).toBe('hv-1');
    expect(appendId('hv-1', 'hv-2')).toBe('hv-1,hv-2');
    expect(appendId('hv-1, hv-2', 'hv-1')).toBe('hv-1,hv-2');
  });
});
