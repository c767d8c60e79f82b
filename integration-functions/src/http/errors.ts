import { ERROR_STATUS, type ErrorCode, type FieldIssue } from '@eer/contract';

/** The one typed application error: a code from the contract, an HTTP status from it, operator-safe text. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Overrides the contract's default text; must never contain personal data. */
    readonly operatorMessage?: string,
    readonly details: { field?: string; issues?: FieldIssue[]; retryable?: boolean; retryAfterSeconds?: number } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
