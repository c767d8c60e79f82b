import { AppError } from '../http/errors';
import { defineRoute } from '../api/defineRoute';
import { entryOf, outbox } from '../outbox';

/**
 * What became of the requests queued under one client key (home visit, its notice to the MO, appeal, SMS):
 * accepted (waiting, with the next attempt), delivered (with the MIS number) or failed (with the reason). The
 * controls poll it after a 202 and write the outcome to the call record. 404 when nothing was queued under the key.
 */
export const getOutboxStatus = defineRoute('getOutboxStatus', async ({ params }) => {
  // The CRM row update (kind crm) is the line's own bookkeeping, not a delivery the operator follows.
  const records = (await outbox().list(params.clientKey)).filter((r) => r.kind !== 'crm');
  if (records.length === 0) throw new AppError('not_found', undefined, { field: 'clientKey' });
  const order = ['home_visit', 'appeal', 'mail', 'sms'];
  return { clientKey: params.clientKey, entries: records.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)).map(entryOf) };
});
