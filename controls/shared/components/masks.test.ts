import { DATE_MASK, PASSPORT_MASK, POLICY_MASK, SNILS_MASK, dateMaskFromIso, isoFromDateMask, patternMask } from './masks';
import { formatPassport, formatSnils, policyFromText } from '@eer/contract';

describe('masks', () => {
  it.each([
    ['', ''],
    ['1', '1'],
    ['123', '123'],
    ['1234', '123-4'],
    ['12345678901', '123-456-789 01'],
    ['123 456 789 01', '123-456-789 01'],
    ['123-456-789 0199', '123-456-789 01'],
    ['abc12', '12'],
  ])('SNILS %p → %p', (typed, shown) => expect(SNILS_MASK.format(typed)).toBe(shown));

  it('SNILS and passport masks show exactly what the contract formatters show for a full number', () => {
    expect(SNILS_MASK.format('11223344595')).toBe(formatSnils('11223344595'));
    expect(PASSPORT_MASK.format('4506123456')).toBe(formatPassport('4506123456'));
  });

  it.each([
    ['45', '45'],
    ['450', '45 0'],
    ['4506 123456', '45 06 123456'],
  ])('passport %p → %p', (typed, shown) => expect(PASSPORT_MASK.format(typed)).toBe(shown));

  it('date mask and its ISO form', () => {
    expect(DATE_MASK.format('01021980')).toBe('01.02.1980');
    expect(DATE_MASK.format('0102')).toBe('01.02');
    expect(isoFromDateMask('01.02.1980')).toBe('1980-02-01');
    expect(isoFromDateMask('01.02.198')).toBeNull();
    expect(dateMaskFromIso('1980-02-01')).toBe('01.02.1980');
    expect(DATE_MASK.complete('01.02.1980')).toBe(true);
    expect(DATE_MASK.complete('01.02.198')).toBe(false);
  });

  it('policy: digits group as an ЕНП, text with letters stays an old series/number the contract reads', () => {
    expect(POLICY_MASK.format('1234567890123456')).toBe('1234 5678 9012 3456');
    expect(POLICY_MASK.format('12345678901234567')).toBe('1234 5678 9012 3456');
    expect(policyFromText(POLICY_MASK.format('1234567890123456'))).toBe('1234567890123456');
    expect(POLICY_MASK.format('АБ 123456')).toBe('АБ 123456');
    expect(policyFromText(POLICY_MASK.format('АБ  123456'))).toEqual({ series: 'АБ', number: '123456' });
    expect(POLICY_MASK.complete('1234 5678')).toBe(false);
  });

  it('keeps the caret after the same digit', () => {
    const m = patternMask('999-999');
    // typed "1234" with the caret after the 4th digit → "123-4", caret at 5
    expect(m.positionAfter(m.format('1234'), m.count('1234'))).toBe(5);
    expect(m.positionAfter(m.format('1234'), 0)).toBe(0);
    expect(m.placeholder).toBe('___-___');
  });
});
