/** Where the API client and the SignalR connection get the operator's bearer token for the function app. */
export interface TokenSource {
  /**
   * An access token for the function app's scope. `forceRefresh` skips cached tokens: the client asks for it once
   * after a 401, when a cached token was revoked or its clock skew was too large.
   */
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

/** A fixed token (tests, the PCF harness with a pasted token). */
export function staticTokenSource(token: string): TokenSource {
  return { getToken: () => Promise.resolve(token) };
}
