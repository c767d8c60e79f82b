import { callApi, type ApiClient } from '../shared/api/client';
import type { CallDesk } from './WorkspacePanel';

/** The start window's function-app operations over the shared client. */
export function callDesk(client: ApiClient): CallDesk {
  return {
    listWaitingCalls: (signal) => callApi(client, 'listWaitingCalls', { signal }),
    listAnnouncements: (signal) => callApi(client, 'listAnnouncements', { signal }),
    claimCall: (telephonyCallId) => callApi(client, 'claimCall', { params: { id: telephonyCallId }, body: { telephonyCallId } }),
  };
}
