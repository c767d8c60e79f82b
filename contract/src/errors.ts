import * as z from 'zod/mini';
import { FieldIssue, toFieldIssues, type Lang, type LocalizedText } from './messages';

export const ErrorCode = z.enum([
  'validation_failed',
  'bad_json',
  'unsupported_media_type',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'slot_taken',
  'duplicate_request',
  'outside_hours',
  'mis_unavailable',
  'mis_timeout',
  'mis_error',
  'signature_invalid',
  'stale_event',
  'rate_limited',
  'payload_too_large',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one mapping of codes to HTTP statuses. Upstream failures keep their domain meaning (a taken slot is 409). */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_json: 400,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  slot_taken: 409,
  duplicate_request: 409,
  outside_hours: 422,
  mis_unavailable: 503,
  mis_timeout: 504,
  mis_error: 502,
  signature_invalid: 401,
  stale_event: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

/**
 * Whether the same request may simply be sent again. Writes carry a `clientKey`, so a retry after a timeout cannot
 * book twice. `duplicate_request` means the first try is still running: its retry gets the stored answer.
 */
export const ERROR_RETRYABLE = {
  validation_failed: false,
  bad_json: false,
  unsupported_media_type: false,
  unauthenticated: false,
  forbidden: false,
  not_found: false,
  method_not_allowed: false,
  conflict: false,
  slot_taken: false,
  duplicate_request: true,
  outside_hours: false,
  mis_unavailable: true,
  mis_timeout: true,
  mis_error: false,
  signature_invalid: false,
  stale_event: false,
  rate_limited: true,
  payload_too_large: false,
  internal: false,
} as const satisfies Record<ErrorCode, boolean>;

/** Operator-safe default texts; a control shows the one for the code with the correlation id. */
export const ERROR_MESSAGES = {
  validation_failed: { ru: 'Проверьте заполнение полей', en: 'Check the highlighted fields' },
  bad_json: { ru: 'Запрос повреждён (неверный JSON)', en: 'The request is malformed (invalid JSON)' },
  unsupported_media_type: { ru: 'Неподдерживаемый формат запроса', en: 'Unsupported request format' },
  unauthenticated: { ru: 'Требуется вход в систему', en: 'Sign-in required' },
  forbidden: { ru: 'Недостаточно прав для этого действия', en: 'You are not allowed to do this' },
  not_found: { ru: 'Запись не найдена', en: 'Record not found' },
  method_not_allowed: { ru: 'Этот метод запроса здесь не поддерживается', en: 'This request method is not supported here' },
  conflict: { ru: 'Данные изменились, обновите и повторите', en: 'The data has changed; refresh and try again' },
  slot_taken: { ru: 'Слот уже занят, выберите другое время', en: 'Slot no longer available; choose another time' },
  duplicate_request: {
    ru: 'Запрос уже выполняется, повторите через несколько секунд',
    en: 'This request is already being processed; retry in a few seconds',
  },
  outside_hours: {
    ru: 'Сейчас заявки не принимаются: вне времени приёма',
    en: 'Requests are not accepted at this time: outside the accepting hours',
  },
  mis_unavailable: { ru: 'МИС недоступна, повторите позже', en: 'The MIS is unavailable; try again later' },
  mis_timeout: { ru: 'МИС не ответила вовремя, повторите', en: 'The MIS did not answer in time; try again' },
  mis_error: { ru: 'МИС отклонила запрос', en: 'The MIS rejected the request' },
  signature_invalid: { ru: 'Неверная подпись запроса', en: 'Invalid request signature' },
  stale_event: { ru: 'Событие устарело и не обработано', en: 'The event is stale and was not processed' },
  rate_limited: { ru: 'Слишком много запросов, повторите позже', en: 'Too many requests; try again later' },
  payload_too_large: { ru: 'Запрос слишком большой', en: 'The request is too large' },
  internal: { ru: 'Внутренняя ошибка сервиса', en: 'Internal service error' },
} as const satisfies Record<ErrorCode, LocalizedText>;

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERROR_MESSAGES[code][lang];
}

/** Every error response of the function app. */
export const ErrorBody = z.object({
  code: ErrorCode,
  /** Operator-safe text: never names, SNILS, ЕНП, passport or phone numbers. */
  message: z.string(),
  /** Path of the first bad field, for focusing it. */
  field: z.optional(z.string()),
  issues: z.optional(z.array(FieldIssue)),
  correlationId: z.string().check(z.minLength(1)),
  retryable: z.boolean(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Body for a code; `message` overrides the default text (e.g. an N3 `ErrorDescription` for `mis_error`). */
export function errorBody(
  code: ErrorCode,
  correlationId: string,
  options: { lang?: Lang; message?: string; issues?: FieldIssue[] } = {},
): ErrorBody {
  const body: ErrorBody = {
    code,
    message: options.message ?? errorMessage(code, options.lang ?? 'ru'),
    correlationId,
    retryable: ERROR_RETRYABLE[code],
  };
  if (options.issues && options.issues.length > 0) {
    body.issues = options.issues;
    body.field = options.issues[0]?.field;
  }
  return body;
}

/** 400 body from a failed parse: every issue rendered in `lang`, `field` = the first one. */
export function validationErrorBody(
  error: { readonly issues: readonly z.core.$ZodIssue[] },
  correlationId: string,
  lang: Lang = 'ru',
): ErrorBody {
  return errorBody('validation_failed', correlationId, { lang, issues: toFieldIssues(error, lang) });
}
