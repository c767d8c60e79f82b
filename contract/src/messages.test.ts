import * as z from 'zod/mini';
import { OmsPolicy, Snils } from './identifiers';
import {
  contractErrorMap,
  describeIssue,
  FIELD_LABELS,
  fieldLabel,
  isMessageKey,
  MESSAGES,
  pathToField,
  toFieldIssues,
  validate,
} from './messages';
import { PatientSearchQuery } from './patient';
import { CallEvent } from './telephony';

function issuesOf(schema: z.core.$ZodType, data: unknown, lang: 'ru' | 'en' = 'ru') {
  const r = validate(schema, data, lang);
  if (r.success) throw new Error('expected a failure');
  return r.issues;
}

describe('message catalogue', () => {
  it('has both languages, non-empty and different, for every key', () => {
    for (const [key, text] of Object.entries(MESSAGES)) {
      expect(text.ru.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
      expect([key, text.ru]).not.toEqual([key, text.en]);
      expect(text.ru).toMatch(/[а-яё]/i);
    }
  });

  it('recognises its keys only', () => {
    expect(isMessageKey('snils.checksum')).toBe(true);
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('Invalid input')).toBe(false);
  });
});

describe('labels and paths', () => {
  it('renders a path as a.b[0].c', () => {
    expect(pathToField(['a', 'b', 0, 'c'])).toBe('a.b[0].c');
    expect(pathToField([0, 'x'])).toBe('[0].x');
    expect(pathToField([])).toBe('');
  });

  it('uses the last key of a nested path, a more precise dotted label when there is one', () => {
    expect(fieldLabel(['candidates', 2, 'snils'], 'ru')).toBe('СНИЛС');
    expect(fieldLabel(['birthDate'], 'en')).toBe('Birth date');
    expect(fieldLabel(['policy', 'number'], 'ru')).toBe('Номер полиса ОМС');
    expect(fieldLabel(['number'], 'ru')).toBe('Номер');
    expect(fieldLabel(['address', 'text'], 'en')).toBe('Address');
    expect(fieldLabel(['text'], 'en')).toBe('Text');
    expect(fieldLabel(['somethingUnknown'], 'ru')).toBe('somethingUnknown');
    expect(fieldLabel([], 'ru')).toBe('');
  });

  it('labels all in both languages', () => {
    for (const label of Object.values(FIELD_LABELS)) {
      expect(label.ru).toMatch(/\S/);
      expect(label.en).toMatch(/\S/);
    }
  });
});

describe('describeIssue / toFieldIssues', () => {
  it('a bad SNILS in a patient search: field snils, checksum message in both languages', () => {
    const result = PatientSearchQuery.safeParse({ snils: '112-233-445 96' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldIssues(result.error, 'ru')).toEqual([
      { field: 'snils', code: 'snils.checksum', message: 'СНИЛС: неверная контрольная сумма' },
    ]);
    expect(toFieldIssues(result.error, 'en')).toEqual([
      { field: 'snils', code: 'snils.checksum', message: 'SNILS: wrong checksum' },
    ]);
    const [issue] = result.error.issues;
    expect(issue && describeIssue(issue, 'en')).toBe('SNILS: wrong checksum');
  });

  it('an issue of the whole object has no label and starts with a capital', () => {
    expect(issuesOf(PatientSearchQuery, {}, 'ru')).toEqual([
      {
        field: '',
        code: 'search.noCriteria',
        message: 'Укажите хотя бы один критерий поиска: ФИО, дату рождения, полис ОМС, СНИЛС или паспорт',
      },
    ]);
  });

  it('missing values are `required` when parsed through validate / contractErrorMap', () => {
    const schema = z.object({ snils: Snils, comment: z.string() });
    expect(issuesOf(schema, {}, 'ru')).toEqual([
      { field: 'snils', code: 'required', message: 'СНИЛС: обязательное поле' },
      { field: 'comment', code: 'required', message: 'Комментарий: обязательное поле' },
    ]);
    const direct = schema.safeParse({ snils: '11223344595' }, { error: contractErrorMap });
    expect(direct.error?.issues[0]?.message).toBe('required');
  });

  it('a left-out enum or literal is `required` too, a wrong one is not', () => {
    const schema = z.object({ topic: z.enum(['a', 'b']), dose: z.union([z.literal(1), z.literal('booster')]) });
    expect(issuesOf(schema, {}, 'en').map((i) => [i.field, i.code])).toEqual([
      ['topic', 'required'],
      ['dose', 'required'],
    ]);
    expect(issuesOf(schema, { topic: 'c', dose: 1 }, 'en').map((i) => [i.field, i.code])).toEqual([['topic', 'invalid_value']]);
  });

  it('without the error map a missing value still reads sensibly', () => {
    const r = z.object({ snils: Snils }).safeParse({});
    expect(r.error && toFieldIssues(r.error, 'en')).toEqual([
      { field: 'snils', code: 'invalid_type', message: 'SNILS: is missing or has the wrong type (expected a string)' },
    ]);
  });

  it('wrong type is not reported as missing', () => {
    expect(issuesOf(z.object({ snils: Snils }), { snils: 112 }, 'ru')).toEqual([
      { field: 'snils', code: 'invalid_type', message: 'СНИЛС: отсутствует или неверного типа (ожидается строка)' },
    ]);
  });

  it('generic texts carry the bounds', () => {
    const schema = z.object({
      comment: z.string().check(z.maxLength(5)),
      complaints: z.string().check(z.minLength(3)),
      age: z.number().check(z.gte(0)),
      limit: z.int().check(z.lte(50)),
      slots: z.array(z.string()).check(z.minLength(1)),
    });
    const issues = issuesOf(schema, { comment: 'abcdefg', complaints: 'ab', age: -1, limit: 51, slots: [] }, 'ru');
    expect(issues.map((i) => i.message)).toEqual([
      'Комментарий: слишком длинное: не больше 5 симв.',
      'Жалобы: слишком короткое: не меньше 3 симв.',
      'Возраст: должно быть не меньше 0',
      'Количество результатов: должно быть не больше 50',
      'Время приёма: слишком мало элементов: не меньше 1',
    ]);
    expect(issues.map((i) => i.code)).toEqual(['too_big', 'too_small', 'too_small', 'too_big', 'too_small']);
    const en = issuesOf(schema, { comment: 'abcdefg', complaints: 'ab', age: -1, limit: 51, slots: [] }, 'en');
    expect(en[0]?.message).toBe('Comment: too long: at most 5 characters');
  });

  it('enums list what is allowed; unknown keys are named', () => {
    const strict = z.strictObject({ severity: z.enum(['info', 'warning']) });
    expect(issuesOf(strict, { severity: 'loud', extra: 1 }, 'en').map((i) => i.message)).toEqual([
      'Severity: has an invalid value; allowed: info, warning',
      'Unknown fields: extra',
    ]);
  });

  it('opens a failed union on the branch that got furthest', () => {
    expect(issuesOf(z.object({ policy: OmsPolicy }), { policy: { number: '123' } }, 'ru')).toEqual([
      { field: 'policy.series', code: 'required', message: 'Серия полиса ОМС: обязательное поле' },
    ]);
    expect(issuesOf(z.object({ policy: OmsPolicy }), { policy: 7 }, 'en')).toEqual([
      { field: 'policy', code: 'invalid_union', message: 'OMS policy: matches none of the accepted forms' },
    ]);
  });

  it('an unknown tag of a discriminated union points at the tag', () => {
    expect(issuesOf(CallEvent, { type: 'ringing' }, 'ru')).toEqual([
      {
        field: 'type',
        code: 'invalid_union',
        message: 'Тип: недопустимое значение; допустимо: offered, answered, ended, abandoned',
      },
    ]);
  });

  it('paths inside arrays', () => {
    const schema = z.object({ candidates: z.array(z.object({ snils: Snils })) });
    expect(issuesOf(schema, { candidates: [{ snils: '11223344595' }, { snils: '11223344596' }] }, 'en')).toEqual([
      { field: 'candidates[1].snils', code: 'snils.checksum', message: 'SNILS: wrong checksum' },
    ]);
  });

  it('validate returns the parsed (normalised) data on success', () => {
    expect(validate(PatientSearchQuery, { snils: '112-233-445 95' }, 'ru')).toEqual({
      success: true,
      data: { snils: '11223344595', limit: 10 },
    });
  });
});
