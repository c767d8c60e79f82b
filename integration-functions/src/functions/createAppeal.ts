import type { Appeal, AppealAccepted } from '@eer/contract';
import { defineRoute, queuedAnswer } from '../api/defineRoute';
import { isTransientMisError } from '../mis/resilience';
import { failureOf, outbox, type OutboxRecord } from '../outbox';

function answer(record: OutboxRecord): AppealAccepted {
  if (record.status === 'failed') throw failureOf(record);
  if (record.status === 'delivered' && record.resultId) return { appealId: record.resultId, status: 'accepted' };
  return queuedAnswer({ appealId: record.clientKey, status: 'accepted' as const, queued: true });
}

/**
 * An appeal or complaint about a medical organisation (manual §6), registered in the MIS through the outbox: with
 * the MIS down or slow it is queued (202, `queued: true`) and registered when the MIS is back; a retry with the same
 * client key is the same appeal.
 */
export const createAppeal = defineRoute('createAppeal', async ({ body }, scope) => {
  const log = (line: string) => scope.context.log(line);
  const stored = await outbox()
    .find(body.clientKey, 'appeal')
    .catch(() => undefined);
  if (stored?.status === 'failed' && isTransientMisError(failureOf(stored))) return answer(await outbox().restart(stored, log));
  if (stored?.status === 'failed' || stored?.status === 'delivered') return answer(stored);
  const record = await outbox().submit('appeal', body.clientKey, (stored ? JSON.parse(stored.payload) : body) as Appeal, log);
  if (record.status === 'accepted') log(`appeal queued key=${body.clientKey} mo=${body.moId}`);
  return answer(record);
});
