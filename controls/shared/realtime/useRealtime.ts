import * as React from 'react';
import type { ApiClient } from '../api/client';
import { realtimeConnection, type PushHandlers, type RealtimeConnection, type RealtimeState } from './realtimeConnection';

export interface UseRealtime extends RealtimeState {
  /** Subscribe handlers for push targets (call it in an effect; answers the unsubscribe). */
  subscribe(handlers: Partial<PushHandlers>): () => void;
}

const OFF: RealtimeState = { status: 'disconnected', epoch: 0 };
const NOTHING = () => () => undefined;

/**
 * The page's push connection for a component, started while it is mounted: `status` for the indicator, `epoch`
 * growing at every (re)connect, `subscribe` for handlers. `onConnected` runs after each (re)connect — re-read there
 * what pushes may have missed. With no client (settings still loading or missing) it stays disconnected.
 */
export function useRealtime(client: Pick<ApiClient, 'baseUrl' | 'tokens'> | null, options: { onConnected?: () => void; connection?: RealtimeConnection } = {}): UseRealtime {
  const connection = React.useMemo(
    () => options.connection ?? (client ? realtimeConnection({ baseUrl: client.baseUrl, tokens: client.tokens }) : null),
    [client, options.connection],
  );
  const [state, setState] = React.useState<RealtimeState>(() => connection?.state ?? OFF);
  const onConnected = React.useRef(options.onConnected);
  onConnected.current = options.onConnected;

  React.useEffect(() => {
    if (!connection) {
      setState(OFF);
      return undefined;
    }
    setState(connection.state);
    const unwatch = connection.watch(setState);
    const unlisten = connection.onConnected(() => onConnected.current?.());
    connection.retain();
    return () => {
      unwatch();
      unlisten();
      connection.release();
    };
  }, [connection]);

  const subscribe = React.useMemo(() => (connection ? (handlers: Partial<PushHandlers>) => connection.subscribe(handlers) : NOTHING), [connection]);
  return { ...state, subscribe };
}
