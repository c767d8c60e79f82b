import { formatPhone, normalizePhone } from '@eer/contract';
import { PHONE_MASK } from './phoneMask';

describe('PHONE_MASK', () => {
  it.each([
    ['', ''],
    ['8', '+7 ('],
    ['7', '+7 ('],
    ['9', '+7 (9'],
    ['+7 (9', '+7 (9'],
    ['+7 (91', '+7 (91'],
    ['+7 (916', '+7 (916'],
    ['+7 (9161', '+7 (916) 1'],
    ['+7 (', ''],
    ['+7 (916) 123-45-678', '+7 (916) 123-45-67'],
    ['89161234567', '+7 (916) 123-45-67'],
    ['+7 916 123 45 67', '+7 (916) 123-45-67'],
    ['9161234567', '+7 (916) 123-45-67'],
    ['8 (800) 555-35-35', '+7 (800) 555-35-35'],
    ['8005553535', '+7 (800) 555-35-35'],
    ['тел. 8-916-123-45-67', '+7 (916) 123-45-67'],
  ])('%p → %p', (typed, shown) => expect(PHONE_MASK.format(typed)).toBe(shown));

  it('shows exactly what the contract formatter shows, and reads back to the same E.164', () => {
    const shown = PHONE_MASK.format('89161234567');
    expect(shown).toBe(formatPhone('+79161234567'));
    expect(normalizePhone(shown)).toBe('+79161234567');
    expect(PHONE_MASK.format(formatPhone('+74951234567'))).toBe('+7 (495) 123-45-67');
  });

  it('counts national digits only and puts the caret after the same digit', () => {
    expect(PHONE_MASK.count('+7 (916) 1')).toBe(4);
    expect(PHONE_MASK.count('8')).toBe(0);
    expect(PHONE_MASK.positionAfter('+7 (916) 123', 0)).toBe(4);
    expect(PHONE_MASK.positionAfter('+7 (916) 123', 3)).toBe(7);
    expect(PHONE_MASK.positionAfter('+7 (916) 123', 4)).toBe(10);
    expect(PHONE_MASK.positionAfter('', 0)).toBe(0);
  });

  it('is complete with ten national digits', () => {
    expect(PHONE_MASK.complete('+7 (916) 123-45-67')).toBe(true);
    expect(PHONE_MASK.complete('+7 (916) 123-45-6')).toBe(false);
  });
});
