/**
 * The ASP.NET Core SignalR JSON hub protocol, the part a serverless service speaks: every message is JSON followed
 * by the record separator 0x1E; a handshake first, then invocations (type 1), pings (6) and close (7).
 */
export const RECORD_SEPARATOR = '\u001e';

export const MessageType = { Invocation: 1, StreamItem: 2, Completion: 3, StreamInvocation: 4, CancelInvocation: 5, Ping: 6, Close: 7 } as const;

export function frame(message: object): string {
  return JSON.stringify(message) + RECORD_SEPARATOR;
}

export const PING_FRAME = frame({ type: MessageType.Ping });
export const HANDSHAKE_OK_FRAME = frame({});

export function invocationFrame(target: string, args: unknown[]): string {
  return frame({ type: MessageType.Invocation, target, arguments: args });
}

export function closeFrame(error: string | undefined, allowReconnect: boolean): string {
  return frame(error === undefined ? { type: MessageType.Close, allowReconnect } : { type: MessageType.Close, error, allowReconnect });
}

/**
 * Splits a WebSocket text stream into records. A frame may carry several records, and a record may be split over
 * frames, so the unterminated tail waits for the next frame.
 */
export class RecordReader {
  private pending = '';

  push(chunk: string): string[] {
    const parts = (this.pending + chunk).split(RECORD_SEPARATOR);
    this.pending = parts.pop() ?? '';
    return parts;
  }

  get buffered(): number {
    return this.pending.length;
  }
}
