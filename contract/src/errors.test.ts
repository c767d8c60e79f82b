import { ERROR_MESSAGES, ERROR_RETRYABLE, ERROR_STATUS, ErrorBody, errorBody, ErrorCode, validationErrorBody } from './errors';
import { PatientSearchQuery } from './patient';

describe('error codes', () => {
  it('map to HTTP statuses with domain meaning', () => {
    expect(ERROR_STATUS.slot_taken).toBe(409);
    expect(ERROR_STATUS.mis_unavailable).toBe(503);
    expect(ERROR_STATUS.mis_timeout).toBe(504);
    expect(ERROR_STATUS.validation_failed).toBe(400);
    expect(ERROR_STATUS.bad_json).toBe(400);
    expect(ERROR_STATUS.unauthenticated).toBe(401);
    expect(ERROR_STATUS.rate_limited).toBe(429);
    expect(ERROR_STATUS.payload_too_large).toBe(413);
    expect(ERROR_STATUS.internal).toBe(500);
  });

  it('every code has a status, a retry flag and texts in both languages', () => {
    for (const code of ErrorCode.options) {
      const status = ERROR_STATUS[code];
      expect([code, status >= 400 && status < 600]).toEqual([code, true]);
      expect(typeof ERROR_RETRYABLE[code]).toBe('boolean');
      expect(ERROR_MESSAGES[code].ru).toMatch(/[А-Яа-яЁё]/);
      expect(ERROR_MESSAGES[code].en).toMatch(/[A-Za-z]/);
    }
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ErrorCode.options].sort());
  });

  it('only transient failures are retryable', () => {
    const retryable = ErrorCode.options.filter((c) => ERROR_RETRYABLE[c]).sort();
    expect(retryable).toEqual(['duplicate_request', 'mis_timeout', 'mis_unavailable', 'rate_limited']);
  });

  it('slot_taken reads as "no longer available"', () => {
    expect(ERROR_MESSAGES.slot_taken.ru).toContain('Слот уже занят');
    expect(ERROR_MESSAGES.slot_taken.en).toContain('Slot no longer available');
  });
});

describe('error bodies', () => {
  it('carry code, default message, correlation id and the retry flag', () => {
    const body = errorBody('mis_timeout', 'corr-1');
    expect(body).toEqual({
      code: 'mis_timeout',
      message: 'МИС не ответила вовремя, повторите',
      correlationId: 'corr-1',
      retryable: true,
    });
    expect(ErrorBody.parse(body)).toEqual(body);
    expect(errorBody('slot_taken', 'c', { lang: 'en' }).message).toBe('Slot no longer available; choose another time');
    expect(errorBody('mis_error', 'c', { message: 'Пациент не найден в МО' }).message).toBe('Пациент не найден в МО');
  });

  it('a validation failure lists the issues and names the first bad field', () => {
    const r = PatientSearchQuery.safeParse({ snils: '112-233-445 96', passport: '1' });
    if (r.success) throw new Error('expected a failure');
    const body = validationErrorBody(r.error, 'corr-2', 'ru');
    expect(body).toEqual({
      code: 'validation_failed',
      message: 'Проверьте заполнение полей',
      field: 'snils',
      issues: [
        { field: 'snils', code: 'snils.checksum', message: 'СНИЛС: неверная контрольная сумма' },
        {
          field: 'passport',
          code: 'passport.format',
          message: 'Паспорт: серия из 4 цифр и номер из 6 цифр, например 45 06 123456',
        },
      ],
      correlationId: 'corr-2',
      retryable: false,
    });
    expect(ErrorBody.safeParse(body).success).toBe(true);
    expect(validationErrorBody(r.error, 'corr-2', 'en').issues?.[0]?.message).toBe('SNILS: wrong checksum');
  });

  it('the body schema refuses a body without correlation id or with an unknown code', () => {
    expect(ErrorBody.safeParse({ code: 'internal', message: 'x', retryable: false }).success).toBe(false);
    expect(ErrorBody.safeParse({ code: 'oops', message: 'x', correlationId: 'c', retryable: false }).success).toBe(false);
  });
});
