import { enpCheckDigit } from '@eer/contract';
import { EMPTY_INPUTS, evaluateSearch, type SearchInputs } from './searchForm';

const form = (inputs: Partial<SearchInputs>) => ({ ...EMPTY_INPUTS, ...inputs });
const ENP15 = '770000000000001';
const ENP = `${ENP15}${enpCheckDigit(ENP15)}`;
const BAD_ENP = `${ENP15}${(enpCheckDigit(ENP15) + 1) % 10}`;

describe('evaluateSearch', () => {
  it('nothing typed: no query, no messages', () => {
    expect(evaluateSearch(EMPTY_INPUTS, {}, 'ru', 10)).toEqual({ query: null, issues: {}, used: [] });
  });

  it('a name of two letters is enough; the query is the contract output', () => {
    const state = evaluateSearch(form({ fullName: ' Ив ' }), {}, 'ru', 10);
    expect(state.query).toEqual({ fullName: 'Ив', limit: 10 });
    expect(state.used).toEqual(['fullName']);
  });

  it('a partial SNILS is not a criterion yet and says nothing while the operator is still typing', () => {
    const state = evaluateSearch(form({ fullName: 'Иванов', snils: '112-233' }), {}, 'ru', 10);
    expect(state.query).toEqual({ fullName: 'Иванов', limit: 10 });
    expect(state.issues).toEqual({});
  });

  it('a partial SNILS left behind gets the contract message and stops the search', () => {
    const state = evaluateSearch(form({ fullName: 'Иванов', snils: '112-233' }), { snils: true }, 'ru', 10);
    expect(state.issues.snils).toBe('СНИЛС: должен состоять из 11 цифр');
    expect(state.query).toBeNull();
  });

  it('a complete SNILS with a wrong checksum is reported at once, in the user language', () => {
    expect(evaluateSearch(form({ snils: '112-233-445 96' }), {}, 'ru', 10).issues.snils).toBe('СНИЛС: неверная контрольная сумма');
    expect(evaluateSearch(form({ snils: '112-233-445 96' }), {}, 'en', 10).issues.snils).toBe('SNILS: wrong checksum');
  });

  it('sends identifiers in their canonical form', () => {
    const state = evaluateSearch(
      form({ snils: '112-233-445 95', passport: '45 06 123456', birthDate: '01.02.1980', policy: ENP.replace(/(\d{4})/g, '$1 ').trim() }),
      {},
      'ru',
      5,
    );
    expect(state.query).toEqual({ snils: '11223344595', passport: '4506123456', birthDate: '1980-02-01', policy: ENP, limit: 5 });
  });

  it('an ЕНП with a wrong check digit and an old policy without a number', () => {
    expect(evaluateSearch(form({ policy: BAD_ENP }), {}, 'ru', 10).issues.policy).toBe('Полис ОМС: неверная контрольная цифра ЕНП');
    expect(evaluateSearch(form({ policy: '1234' }), { policy: true }, 'ru', 10).issues.policy).toBe('Полис ОМС: полис единого образца — 16 цифр');
    expect(evaluateSearch(form({ policy: 'АБ' }), { policy: true }, 'ru', 10).issues.policy).toMatch(/^Номер полиса ОМС: /);
    expect(evaluateSearch(form({ policy: 'АБ 123456' }), {}, 'ru', 10).query).toEqual({ policy: { series: 'АБ', number: '123456' }, limit: 10 });
  });

  it('dates: not in the calendar, in the future', () => {
    expect(evaluateSearch(form({ birthDate: '31.02.1980' }), {}, 'ru', 10).issues.birthDate).toMatch(/^Дата рождения: /);
    expect(evaluateSearch(form({ birthDate: '01.01.2999' }), {}, 'ru', 10).issues.birthDate).toBe('Дата рождения: не может быть в будущем');
  });

  it('a name with a digit is wrong at once', () => {
    expect(evaluateSearch(form({ fullName: 'Ив4' }), {}, 'ru', 10).issues.fullName).toBe(
      'ФИО: только буквы (кириллица или латиница), пробел, дефис и апостроф',
    );
  });
});
