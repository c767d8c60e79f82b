/**
 * The operators' push channel: the real `@microsoft/signalr` client against the function app's negotiate (which
 * redirects to Azure SignalR Service in serverless mode). One connection per page and function app, shared by every
 * control on it; it never gives up (capped, jittered backoff for the first start and for every reconnect), reports a
 * status for a visible indicator, checks every push against the contract's `PUSH_TARGETS`, and tells subscribers
 * each time it is (re)connected so they re-read what they may have missed (`GET calls/waiting`).
 * Clients only listen: nothing here invokes a hub method (the service would close the connection).
 */
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HttpTransportType, type HubConnection } from '@microsoft/signalr';
import { PUSH_TARGETS, validate, type PushTarget } from '@eer/contract';
import type * as z from 'zod/mini';
import type { TokenSource } from '../auth/TokenSource';
import { pageShared } from '../pageShared';

/** What a connection indicator shows (same values as the shared ConnectionBadge). */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export type Push<T extends PushTarget> = z.output<(typeof PUSH_TARGETS)[T]>;
export type PushHandlers = { [T in PushTarget]: (value: Push<T>) => void };

export interface RealtimeState {
  status: ConnectionStatus;
  /** Grows by one at every (re)connect: a change means "read again what pushes may have missed". */
  epoch: number;
}

export interface RealtimeConnection {
  readonly state: RealtimeState;
  /** Handlers for some push targets; answers the unsubscribe. A throwing handler never affects the others. */
  subscribe(handlers: Partial<PushHandlers>): () => void;
  /** Status and epoch changes; answers the unsubscribe. */
  watch(listener: (state: RealtimeState) => void): () => void;
  /** Called after the first connect and after every reconnect (the call panel reads waiting calls then). */
  onConnected(listener: () => void): () => void;
  /** A user of the shared connection: the first one starts it, the last `release` stops it. */
  retain(): void;
  release(): void;
  /** Pushes dropped because they broke the contract (diagnostics; their content is never kept). */
  readonly invalidPushes: number;
}

export interface BackoffOptions {
  /** First retry after this (default 1 s), then doubling… */
  initialMs?: number;
  /** …up to this (default 30 s). */
  maxMs?: number;
  /** ± this share of random spread so a thousand operators do not return in step (default 0.2). */
  jitter?: number;
}

export interface RealtimeOptions {
  /** The function app's API root (`eer_FunctionsBaseUrl`); the client posts `<baseUrl>/negotiate`. */
  baseUrl: string;
  tokens: TokenSource | null;
  backoff?: BackoffOptions;
  /** Node tests choose WebSockets; browsers take what negotiate offers. */
  transport?: HttpTransportType;
}

/** Delay before retry number `attempt` (0-based): 0 for the very first, then capped exponential with jitter. */
export function retryDelayMs(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  if (attempt === 0) return 0;
  const initial = options.initialMs ?? 1000;
  const max = options.maxMs ?? 30_000;
  const jitter = options.jitter ?? 0.2;
  const base = Math.min(max, initial * 2 ** Math.min(attempt - 1, 30));
  return Math.round(base * (1 - jitter + 2 * jitter * random()));
}

/** Calls each handler of `target` with the checked value; answers false when the value breaks the contract. */
export function dispatchPush(handlers: Iterable<Partial<PushHandlers>>, target: PushTarget, value: unknown): boolean {
  const checked = validate(PUSH_TARGETS[target], value, 'en');
  if (!checked.success) return false;
  for (const subscriber of handlers) {
    const handler = subscriber[target] as ((v: unknown) => void) | undefined;
    try {
      handler?.(checked.data);
    } catch {
      // One control's failure must not stop the others from seeing the push.
    }
  }
  return true;
}

class SharedRealtime implements RealtimeConnection {
  state: RealtimeState = { status: 'disconnected', epoch: 0 };
  invalidPushes = 0;
  private readonly hub: HubConnection;
  private readonly subscribers = new Set<Partial<PushHandlers>>();
  private readonly watchers = new Set<(state: RealtimeState) => void>();
  private readonly connectedListeners = new Set<() => void>();
  private users = 0;
  private wanted = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshToken = false;
  private everConnected = false;

  constructor(private readonly options: RealtimeOptions) {
    const tokens = options.tokens;
    this.hub = new HubConnectionBuilder()
      .withUrl(`${options.baseUrl.replace(/\/+$/, '')}/`, {
        // Our negotiate needs the operator's Entra token; the service token comes back in its redirect answer.
        accessTokenFactory: tokens
          ? () => {
              const force = this.refreshToken;
              this.refreshToken = false;
              return tokens.getToken(force ? { forceRefresh: true } : undefined);
            }
          : undefined,
        withCredentials: false,
        ...(options.transport !== undefined ? { transport: options.transport } : {}),
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelayMs(context.previousRetryCount + 1, options.backoff) })
      .configureLogging(LogLevel.None)
      .build();
    for (const target of Object.keys(PUSH_TARGETS) as PushTarget[]) {
      this.hub.on(target, (value: unknown) => {
        if (!dispatchPush(this.subscribers, target, value)) this.invalidPushes++;
      });
    }
    this.hub.onreconnecting(() => this.set('reconnecting'));
    this.hub.onreconnected(() => this.connected());
    // Closed for good by the client (a server close without reconnect, or a failed reconnect): start over.
    this.hub.onclose(() => {
      this.set('disconnected');
      if (this.wanted) this.schedule();
    });
  }

  subscribe(handlers: Partial<PushHandlers>): () => void {
    this.subscribers.add(handlers);
    return () => this.subscribers.delete(handlers);
  }

  watch(listener: (state: RealtimeState) => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  retain(): void {
    this.users++;
    if (this.users === 1) {
      this.wanted = true;
      this.attempt = 0;
      if (this.hub.state === HubConnectionState.Disconnected && this.timer === undefined) this.schedule();
    }
  }

  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users > 0) return;
    this.wanted = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.hub.stop();
  }

  private set(status: ConnectionStatus, epoch = this.state.epoch): void {
    if (status === this.state.status && epoch === this.state.epoch) return;
    this.state = { status, epoch };
    for (const watcher of [...this.watchers]) watcher(this.state);
  }

  private connected(): void {
    this.everConnected = true;
    this.attempt = 0;
    this.set('connected', this.state.epoch + 1);
    for (const listener of [...this.connectedListeners]) {
      try {
        listener();
      } catch {
        // A listener's failure is its own.
      }
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, retryDelayMs(this.attempt++, this.options.backoff));
  }

  private async start(): Promise<void> {
    if (!this.wanted || this.hub.state !== HubConnectionState.Disconnected) return;
    this.set(this.everConnected ? 'reconnecting' : 'connecting');
    try {
      await this.hub.start();
    } catch (error) {
      // A rejected token (401 from negotiate) is fetched anew next time; anything else is simply retried.
      if ((error as { statusCode?: number }).statusCode === 401) this.refreshToken = true;
      this.set('disconnected');
      if (this.wanted && this.hub.state === HubConnectionState.Disconnected) this.schedule();
      return;
    }
    if (!this.wanted) {
      void this.hub.stop();
      return;
    }
    this.connected();
  }
}

/** The page's connection to this function app (created on first use; `retain` starts it). */
export function realtimeConnection(options: RealtimeOptions): RealtimeConnection {
  return pageShared(`realtime:v1:${options.baseUrl.replace(/\/+$/, '')}`, () => new SharedRealtime(options));
}
