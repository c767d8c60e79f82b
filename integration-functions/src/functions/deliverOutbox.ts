import type { InvocationContext, Timer } from '@azure/functions';
import { defineTimer } from '../http/defineTimer';
import { outbox } from '../outbox';

/**
 * The outbox worker: every 10 seconds, one attempt of each item whose time has come (home visits and appeals to the
 * MIS, SMS, notices to MOs), with backoff between attempts and `failed` after OUTBOX_MAX_ATTEMPTS. Azure runs a timer
 * function on one instance at a time; the items' leases would keep two runs apart anyway. Locally the stack runs it
 * on an interval (LOCAL_TIMER_INTERVAL_MS).
 */
export async function runOutboxWorker(_timer: Timer, context: InvocationContext): Promise<void> {
  const summary = await outbox().deliverDue((line) => context.log(line));
  if (summary.due > 0 || summary.purged > 0) {
    context.log(
      `outbox run: due=${summary.due} delivered=${summary.delivered} retried=${summary.retried} failed=${summary.failed} skipped=${summary.skipped} purged=${summary.purged}`,
    );
  }
}

export const deliverOutbox = defineTimer('deliverOutbox', { schedule: '*/10 * * * * *', handler: runOutboxWorker });
