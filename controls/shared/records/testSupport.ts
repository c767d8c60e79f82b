/** Test helpers for the forms' CRM rows and outbox reports (jest only). */
import type { OutboxEntry, OutboxKind, OutboxStatus } from '@eer/contract';
import { ApiError } from '../api/ApiError';
import { createWebApiMock, type WebApiMock } from '../test/contextMock';
import { callRecords, type CallRecords } from './callRecords';

/** Short pauses between outbox reads, so a test sees queued → delivered in milliseconds. */
export const TEST_POLL_DELAYS: readonly number[] = [5, 10, 20];

/** The real records module over the context mock's in-memory webAPI, with the call row the form is on. */
export function recordsOverMock(): { webAPI: WebApiMock; records: CallRecords; callRecordId: string } {
  const webAPI = createWebApiMock();
  const [call] = webAPI.seed('eer_call', [{ eer_name: 'Звонок' }]);
  return { webAPI, records: callRecords(webAPI), callRecordId: String(call!.eer_callid) };
}

/** `GET outbox/{key}` for a request that was not queued: 404. */
export function notQueued(): jest.Mock {
  return jest.fn().mockRejectedValue(new ApiError({ code: 'not_found', status: 404, message: 'Запись не найдена', correlationId: 'corr-404', retryable: false }));
}

/** One outbox entry as the function app reports it. */
export function entry(kind: OutboxKind, status: OutboxEntry['status'], extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return { kind, status, attempts: 1, acceptedAt: '2026-11-24T07:00:00Z', updatedAt: '2026-11-24T07:00:05Z', ...extra };
}

/** An outbox that answers these reports in turn (the last one repeats). */
export function outboxReports(...reports: OutboxEntry[][]): jest.Mock {
  let n = 0;
  return jest.fn((clientKey: string) => {
    const entries = reports[Math.min(n++, reports.length - 1)] ?? [];
    return Promise.resolve<OutboxStatus>({ clientKey, entries });
  });
}
