import type { Lang } from '@eer/contract';
import { isApiError } from '../shared/api/ApiError';
import { errorView, type ErrorView } from '../shared/components/ErrorBar';
import type { Strings } from '../shared/pcf/strings';
import type { CallPanelStringKey } from './strings';

/**
 * A failure of the function app (ApiError: the text for its code and the correlation id) or of the host's webAPI
 * (Dataverse: no correlation id of ours; its own message may be English or technical, so the control says it in
 * its words and offers a retry).
 */
export function failureView(error: unknown, lang: Lang, strings: Strings<CallPanelStringKey>): ErrorView | null {
  if (error === null || error === undefined) return null;
  if (isApiError(error)) return errorView(error, lang);
  const view = errorView(error, lang);
  return view && { code: 'internal', text: strings.Error_Crm, correlationId: null, retryable: true };
}
