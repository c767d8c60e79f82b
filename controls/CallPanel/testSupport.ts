import type { Announcement, CallNotification } from '@eer/contract';

/** A group offer of topic 3 with one pre-identified patient (synthetic data). */
export function offer(id = 'call-1', overrides: Partial<CallNotification> = {}): CallNotification {
  return {
    type: 'offered',
    eventId: `ev-${id}`,
    telephonyCallId: id,
    occurredAt: '2026-11-26T09:00:00.000Z',
    callerNumber: '+79161234567',
    line: '122',
    ivrDigit: 3,
    candidates: [{ misId: 'p-1', fullName: 'Иванов Иван Иванович', birthDate: '1980-02-01', age: 46 }],
    claimable: true,
    ...overrides,
  };
}

export function announcement(id: string, overrides: Partial<Announcement> = {}): Announcement {
  return {
    id,
    title: `Объявление ${id}`,
    text: 'Текст объявления',
    severity: 'info',
    publishedAt: new Date(Date.now() - 3600_000).toISOString(),
    ...overrides,
  };
}
