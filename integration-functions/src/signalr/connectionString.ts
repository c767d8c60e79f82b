/**
 * The Azure SignalR Service connection string: `Endpoint=https://<name>.service.signalr.net;AccessKey=<key>;Version=1.0;`
 * (a `Port=` part may follow, as in the emulator's strings). Only access-key auth: tokens are HS256 with the AccessKey.
 */
export interface SignalRConnection {
  /** Origin of the service with no trailing slash, port included when given. */
  endpoint: string;
  accessKey: string;
}

export function parseConnectionString(text: string): SignalRConnection {
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    // Keys are case-insensitive; the AccessKey itself may end in `=` (base64).
    parts.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const endpoint = parts.get('endpoint');
  const accessKey = parts.get('accesskey');
  if (parts.get('authtype')) throw new Error('SignalR connection string: only AccessKey authentication is supported');
  if (!endpoint || !accessKey) throw new Error('SignalR connection string needs Endpoint and AccessKey');
  const url = new URL(endpoint);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('SignalR connection string: Endpoint must be http(s)');
  const port = parts.get('port');
  if (port) url.port = port;
  return { endpoint: url.origin, accessKey };
}
