import { ERROR_RETRYABLE, ERROR_STATUS, errorMessage, type ErrorBody, type ErrorCode, type FieldIssue, type Lang } from '@eer/contract';

/**
 * Codes a control can get from the client: the contract's `ErrorCode` of the function app, plus two the client
 * itself detects — `network` (no HTTP answer at all) and `bad_response` (an answer that breaks the contract).
 */
export type ApiErrorCode = ErrorCode | 'network' | 'bad_response';

/** Texts of the client's own codes; the function app's codes come with a text in the body already. */
export const CLIENT_ERROR_MESSAGES = {
  network: { ru: 'Сервис недоступен: проверьте соединение и повторите', en: 'The service cannot be reached; check the connection and retry' },
  bad_response: { ru: 'Сервис вернул неожиданный ответ', en: 'The service returned an unexpected answer' },
} as const satisfies Record<'network' | 'bad_response', { ru: string; en: string }>;

export interface ApiErrorInit {
  code: ApiErrorCode;
  /** HTTP status; 0 when there was no HTTP answer (network, token). */
  status: number;
  /** Operator-safe text (the body's, already in the user's language). */
  message: string;
  correlationId: string;
  retryable: boolean;
  field?: string;
  issues?: FieldIssue[];
}

/** Every failure of `callApi`/`downloadApi` except an abort. Show `message` and `correlationId` in a MessageBar. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly correlationId: string;
  readonly retryable: boolean;
  readonly field?: string;
  readonly issues?: FieldIssue[];

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.correlationId = init.correlationId;
    this.retryable = init.retryable;
    if (init.field !== undefined) this.field = init.field;
    if (init.issues !== undefined) this.issues = init.issues;
  }

  static fromBody(body: ErrorBody, status: number): ApiError {
    return new ApiError({ ...body, status });
  }

  /** A failure without our error body: the client's own codes, a token failure, or a status from a gateway. */
  static of(code: ApiErrorCode, lang: Lang, correlationId: string, extra: Partial<ApiErrorInit> = {}): ApiError {
    return new ApiError({ code, status: 0, message: apiErrorText(code, lang), correlationId, retryable: retryableCode(code), ...extra });
  }
}

/** The default operator text for a code, in the user's language. */
export function apiErrorText(code: ApiErrorCode, lang: Lang): string {
  return code === 'network' || code === 'bad_response' ? CLIENT_ERROR_MESSAGES[code][lang] : errorMessage(code, lang);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** True for the rejection of an aborted request: never show it, the caller cancelled on purpose. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

// First code per status (400 → validation_failed, 401 → unauthenticated, 409 → conflict): for answers without our body.
const CODE_BY_STATUS = new Map<number, ErrorCode>();
for (const [code, status] of Object.entries(ERROR_STATUS) as Array<[ErrorCode, number]>) {
  if (!CODE_BY_STATUS.has(status)) CODE_BY_STATUS.set(status, code);
}

/** The code for a non-2xx answer whose body is not the contract's ErrorBody (a gateway, a proxy, the host's 404). */
export function codeForStatus(status: number): ApiErrorCode {
  return CODE_BY_STATUS.get(status) ?? (status >= 500 ? 'internal' : 'bad_response');
}

export function retryableCode(code: ApiErrorCode): boolean {
  return code === 'network' ? true : code === 'bad_response' ? false : ERROR_RETRYABLE[code];
}
