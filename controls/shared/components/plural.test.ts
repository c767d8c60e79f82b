import { pluralForm, pluralText } from './plural';

describe('pluralForm', () => {
  it.each([
    [1, 'one'], [21, 'one'], [2, 'few'], [34, 'few'], [5, 'many'], [11, 'many'], [12, 'many'], [0, 'many'], [111, 'many'],
  ])('ru %p → %p', (n, form) => expect(pluralForm(n, 'ru')).toBe(form));
  it.each([[1, 'one'], [2, 'many'], [21, 'many']])('en %p → %p', (n, form) => expect(pluralForm(n, 'en')).toBe(form));
});

describe('pluralText', () => {
  const years = { one: '{0} год', few: '{0} года', many: '{0} лет' };
  it('picks the template and puts the count in', () => {
    expect(pluralText(21, 'ru', years)).toBe('21 год');
    expect(pluralText(3, 'ru', years)).toBe('3 года');
    expect(pluralText(46, 'ru', years)).toBe('46 лет');
  });
});
