import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '@eer/contract';
import { apiErrorText, isAbortError, isApiError, type ApiErrorCode } from '../api/ApiError';

/** What the bar shows of a failure: the localised text for its code and the id support can trace. */
export interface ErrorView {
  code: ApiErrorCode;
  text: string;
  correlationId: string | null;
  retryable: boolean;
}

/**
 * An error as the operator sees it: an `ApiError` by its code in the user's language (never the raw server text,
 * which may be in another language); anything else as `internal` without an id. An abort is nothing to show: null.
 */
export function errorView(error: unknown, lang: Lang): ErrorView | null {
  if (error === null || error === undefined || isAbortError(error)) return null;
  if (isApiError(error)) {
    return { code: error.code, text: apiErrorText(error.code, lang), correlationId: error.correlationId || null, retryable: error.retryable };
  }
  return { code: 'internal', text: apiErrorText('internal', lang), correlationId: null, retryable: false };
}

export interface ErrorBarStrings {
  /** «Идентификатор запроса» — shown before the correlation id. */
  correlationId: string;
  retry: string;
  dismiss: string;
}

export interface ErrorBarProps {
  error: ErrorView;
  /** Optional heading, e.g. «Поиск пациентов не выполнен». */
  title?: string;
  strings: ErrorBarStrings;
  /** Shown when the error is retryable. */
  onRetry?: () => void;
  onDismiss?: () => void;
}

const useStyles = makeStyles({
  id: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all', wordBreak: 'break-all' },
});

/** A Fluent MessageBar with the text for the code and the correlation id (selectable, for a support ticket). */
export function ErrorBar({ error, title, strings, onRetry, onDismiss }: ErrorBarProps): JSX.Element {
  const styles = useStyles();
  const canRetry = error.retryable && onRetry !== undefined;
  return (
    <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="error-bar" data-code={error.code}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {error.text}
        {error.correlationId && (
          <div>
            {strings.correlationId}: <span className={styles.id}>{error.correlationId}</span>
          </div>
        )}
      </MessageBarBody>
      {(canRetry || onDismiss) && (
        <MessageBarActions>
          {canRetry && <Button onClick={onRetry}>{strings.retry}</Button>}
          {onDismiss && <Button onClick={onDismiss}>{strings.dismiss}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
