/**
 * The relay to Azure SignalR Service in serverless mode: client tokens for the negotiate function and the data-plane
 * REST API v1 (send to user / group / connection / all, group membership, existence checks). Every call carries a
 * JWT signed HS256 with the AccessKey whose `aud` is the request URL without its query, as the service requires.
 * The same code talks to Azure and to the local stand-in (local/src/signalr); only the connection string differs.
 */
import { SignJWT } from 'jose';
import type { NegotiateResponse } from '@eer/contract';
import { parseConnectionString, type SignalRConnection } from './connectionString';

/** A REST call the service refused or that did not complete; carries no payload (it may hold personal data). */
export class SignalRError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
  ) {
    super(`SignalR ${operation} failed${status ? ` with ${status}` : ''}`);
    this.name = 'SignalRError';
  }
}

export interface SignalRRestClientOptions {
  hub: string;
  /** Per REST call; the relay must not hang a webhook. */
  timeoutMs?: number;
  /** Lifetime of client tokens issued by negotiate. */
  clientTokenSeconds?: number;
}

const REST_TOKEN_SECONDS = 3600;
/** Re-sign a cached REST token this long before it expires. */
const REST_TOKEN_MARGIN_SECONDS = 300;
const MAX_CACHED_TOKENS = 10_000;

export class SignalRRestClient {
  readonly hub: string;
  private readonly connection: SignalRConnection;
  private readonly key: Uint8Array;
  private readonly timeoutMs: number;
  private readonly clientTokenSeconds: number;
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();

  constructor(connectionString: string, options: SignalRRestClientOptions) {
    this.connection = parseConnectionString(connectionString);
    this.key = new TextEncoder().encode(this.connection.accessKey);
    this.hub = options.hub;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.clientTokenSeconds = options.clientTokenSeconds ?? 3600;
  }

  get endpoint(): string {
    return this.connection.endpoint;
  }

  /** The redirect answer of the negotiate function: the client connects to the service as `userId`. */
  async clientNegotiate(userId: string): Promise<NegotiateResponse> {
    const url = `${this.connection.endpoint}/client/?hub=${encodeURIComponent(this.hub)}`;
    const accessToken = await this.sign(url, this.clientTokenSeconds, { nameid: userId });
    return { url, accessToken };
  }

  sendToAll(target: string, args: unknown[]): Promise<void> {
    return this.send('sendToAll', '', target, args);
  }

  sendToUser(userId: string, target: string, args: unknown[]): Promise<void> {
    return this.send('sendToUser', `/users/${encodeURIComponent(userId)}`, target, args);
  }

  sendToGroup(group: string, target: string, args: unknown[]): Promise<void> {
    return this.send('sendToGroup', `/groups/${encodeURIComponent(group)}`, target, args);
  }

  sendToConnection(connectionId: string, target: string, args: unknown[]): Promise<void> {
    return this.send('sendToConnection', `/connections/${encodeURIComponent(connectionId)}`, target, args);
  }

  async addUserToGroup(group: string, userId: string): Promise<void> {
    await this.call('addUserToGroup', 'PUT', `/groups/${encodeURIComponent(group)}/users/${encodeURIComponent(userId)}`);
  }

  async removeUserFromGroup(group: string, userId: string): Promise<void> {
    await this.call('removeUserFromGroup', 'DELETE', `/groups/${encodeURIComponent(group)}/users/${encodeURIComponent(userId)}`);
  }

  async removeUserFromAllGroups(userId: string): Promise<void> {
    await this.call('removeUserFromAllGroups', 'DELETE', `/users/${encodeURIComponent(userId)}/groups`);
  }

  /** Whether the user has at least one connection now. */
  userExists(userId: string): Promise<boolean> {
    return this.exists('userExists', `/users/${encodeURIComponent(userId)}`);
  }

  groupExists(group: string): Promise<boolean> {
    return this.exists('groupExists', `/groups/${encodeURIComponent(group)}`);
  }

  connectionExists(connectionId: string): Promise<boolean> {
    return this.exists('connectionExists', `/connections/${encodeURIComponent(connectionId)}`);
  }

  isUserInGroup(group: string, userId: string): Promise<boolean> {
    return this.exists('isUserInGroup', `/groups/${encodeURIComponent(group)}/users/${encodeURIComponent(userId)}`);
  }

  private async send(operation: string, path: string, target: string, args: unknown[]): Promise<void> {
    await this.call(operation, 'POST', path, JSON.stringify({ target, arguments: args }));
  }

  private async exists(operation: string, path: string): Promise<boolean> {
    const status = await this.call(operation, 'GET', path, undefined, [404]);
    return status !== 404;
  }

  /** One REST call; resolves with the status (2xx or one of `allowed`), throws SignalRError otherwise. */
  private async call(operation: string, method: string, path: string, body?: string, allowed: number[] = []): Promise<number> {
    const url = new URL(`${this.connection.endpoint}/api/v1/hubs/${encodeURIComponent(this.hub)}${path}`);
    const audience = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    const token = await this.restToken(audience);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new SignalRError(operation, undefined);
    }
    // Drain the body so the keep-alive socket can be reused.
    await response.arrayBuffer().catch(() => undefined);
    if ((response.status >= 200 && response.status < 300) || allowed.includes(response.status)) return response.status;
    throw new SignalRError(operation, response.status);
  }

  private async restToken(audience: string): Promise<string> {
    const now = Date.now() / 1000;
    const cached = this.tokens.get(audience);
    if (cached && cached.renewAt > now) return cached.token;
    const token = await this.sign(audience, REST_TOKEN_SECONDS);
    if (this.tokens.size >= MAX_CACHED_TOKENS) this.tokens.clear();
    this.tokens.set(audience, { token, renewAt: now + REST_TOKEN_SECONDS - REST_TOKEN_MARGIN_SECONDS });
    return token;
  }

  private sign(audience: string, lifetimeSeconds: number, claims: Record<string, string> = {}): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`)
      .sign(this.key);
  }
}
