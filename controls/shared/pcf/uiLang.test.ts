import { uiLang } from './uiLang';

describe('uiLang', () => {
  it('follows the loaded resx, else the user LCID', () => {
    expect(uiLang('ru', 1033)).toBe('ru');
    expect(uiLang('en', 1049)).toBe('en');
    expect(uiLang(undefined, 1033)).toBe('en');
    expect(uiLang('Lang', 1049)).toBe('ru'); // a missing key reads as the key itself
  });
});
