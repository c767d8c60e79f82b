/**
 * The function app's outbox: `outbox()` for the current settings (store from OUTBOX_STORE, the deliverers of
 * deliverers.ts, and the CRM row update of crm/rowSync.ts). See engine.ts for the rules and settings.ts for the settings.
 */
import { crmRowDeliverer, rowUpdateOnSettled } from '../crm/rowSync';
import { DELIVERERS } from './deliverers';
import { createOutbox, type Deliverer, type Outbox } from './engine';
import { outboxSettings, outboxStore } from './settings';
import type { OutboxStore } from './store';

export { DeliveryError, entryOf, failureOf, type Log, type Outbox, type RunSummary } from './engine';
export type { HomeVisitArea, HomeVisitJob } from './deliverers';
export { outboxSettings, useOutboxStore } from './settings';
export type { OutboxRecord, OutboxStore } from './store';

let cached: { key: string; store: OutboxStore; outbox: Outbox } | undefined;

export function outbox(env: NodeJS.ProcessEnv = process.env): Outbox {
  const settings = outboxSettings(env);
  const store = outboxStore(env);
  const key = JSON.stringify(settings);
  if (cached?.key !== key || cached.store !== store) {
    // The CRM row update (crm/rowSync.ts) reads the item's siblings from the same store when it runs.
    const deliverers = { ...DELIVERERS, crm: crmRowDeliverer((clientKey) => store.list(clientKey)) as Deliverer };
    cached = { key, store, outbox: createOutbox({ store, settings, deliverers, onSettled: rowUpdateOnSettled }) };
  }
  return cached.outbox;
}
