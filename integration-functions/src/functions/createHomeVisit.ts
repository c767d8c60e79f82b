import type { HomeVisitAccepted } from '@eer/contract';
import { defineRoute, queuedAnswer } from '../api/defineRoute';
import { mis } from '../api/mis';
import { now } from '../config';
import { AppError } from '../http/errors';
import { isTransientMisError } from '../mis/resilience';
import { failureOf, outbox, type HomeVisitJob, type OutboxRecord } from '../outbox';
import { availability, outsideHoursMessage } from '../scheduling/hours';

/** The answer for a stored request: delivered (the MIS number; `delivered` once the MO was mailed) or queued (202). */
async function answer(record: OutboxRecord, job: HomeVisitJob): Promise<HomeVisitAccepted> {
  const { area } = job;
  if (record.status === 'delivered' && record.resultId) {
    const mail = record.version ? await outbox().find(record.clientKey, 'mail').catch(() => undefined) : undefined;
    const emailSent = mail?.status === 'delivered';
    return { requestId: record.resultId, moId: area.moId, moName: area.moName, status: emailSent ? 'delivered' : 'accepted', emailSent };
  }
  return queuedAnswer({ requestId: record.clientKey, moId: area.moId, moName: area.moName, status: 'accepted' as const, emailSent: false, queued: true });
}

/**
 * A home-visit request (manual §5): the serving MO is resolved again from the address (the last known answer when
 * the MIS is down), the request is taken only within the MO's accepting hours (else 422 outside_hours saying when it
 * opens), then kept in the outbox and sent to the MIS, and once the MIS has it a notice is mailed to the MO.
 * The MIS down or slow: 202 with `queued: true`; the outbox delivers it when the MIS is back. No MO known for the
 * address (the MIS down and the address never resolved): 503, nothing is queued blind.
 */
export const createHomeVisit = defineRoute('createHomeVisit', async ({ body }, scope) => {
  const log = (line: string) => scope.context.log(line);
  const key = body.clientKey;

  // A retry of a request already taken: its state, never a second request.
  let stored = await outbox()
    .find(key, 'home_visit')
    .catch(() => undefined);
  if (stored) {
    const job = JSON.parse(stored.payload) as HomeVisitJob;
    if (stored.status === 'failed') {
      if (!isTransientMisError(failureOf(stored))) throw failureOf(stored);
      stored = await outbox().restart(stored, log);
    } else if (stored.status === 'accepted') {
      stored = await outbox().submit('home_visit', key, job, log);
    }
    if (stored.status === 'failed') throw failureOf(stored);
    return answer(stored, job);
  }

  const area = await mis().resolveAddress(body.address);
  const at = now();
  const open = availability(area.homeVisitHours, at);
  if (!open.acceptingNow) {
    log(`home visit refused outside hours mo=${area.moId}`);
    throw new AppError('outside_hours', outsideHoursMessage(area.moName, open.nextOpensAt, scope.lang));
  }
  const job: HomeVisitJob = {
    request: body,
    area: { moId: area.moId, moName: area.moName, ...(area.moEmail ? { moEmail: area.moEmail } : {}), zoneId: area.zoneId, zoneName: area.zoneName },
    takenAt: at.toISOString(),
  };
  const record = await outbox().submit('home_visit', key, job, log);
  if (record.status === 'failed') throw failureOf(record);
  if (record.status === 'accepted') log(`home visit queued key=${key} mo=${area.moId}`);
  return answer(record, job);
});
