import type { ApiClient } from '../shared/api/client';
import type { ConnectionStatus } from '../shared/components/ConnectionBadge';
import { useRealtime } from '../shared/realtime/useRealtime';
import type { PushHandlers } from './WorkspacePanel';

/** The realtime side of the start window: connection state, a counter of (re)connects, and push subscriptions. */
export interface CallPushes {
  connection: ConnectionStatus;
  connectedEpoch: number;
  subscribe: (handlers: PushHandlers) => () => void;
}

/** The page's SignalR connection (shared module): reconnects by itself; `epoch` grows at every (re)connect. */
export function useCallPushes(client: ApiClient | null): CallPushes {
  const realtime = useRealtime(client);
  return { connection: realtime.status, connectedEpoch: realtime.epoch, subscribe: realtime.subscribe };
}
