/**
 * The CRM row of a queued home visit or appeal follows the outbox even after the operator closed the call form:
 * when the item settles (delivered, or failed for good) the outbox arms a `crm` item under the same client key, and
 * the worker delivers it here — find the row of eer_homevisit / eer_appeal whose MIS-id column holds the client key
 * (the form's provisional id while queued) or already the MIS id, and PATCH its delivery status and the MIS id.
 *
 * The row says what the forms say (controls/shared/hooks/useOutboxStatus.ts, shared/records/callRecords.ts):
 *  - home visit: `failed` when the MIS entry failed; `accepted` while queued and while only the MIS has it;
 *    `delivered` once the notice to the MO's mailbox went out. So the row is written when the MIS takes it
 *    (accepted + MIS id) and again when the notice is delivered (delivered);
 *  - appeal: `failed`, or `delivered` with the MIS id once the MIS registered it.
 * The state is read from the outbox when the `crm` item runs, so a late run never writes an older outcome.
 *
 * A row not found yet is looked for again (the form may still be creating it) up to DATAVERSE_ROW_ATTEMPTS, then
 * given up quietly: the form's own follow-up covers an open call. Logs: table, client key, row id, codes — no data.
 */
import { COLUMNS, DELIVERY_STATUS_VALUES, TABLES } from '@eer/contract';
import type { Delivered, Log } from '../outbox/engine';
import { DeliveryError } from '../outbox/engine';
import type { OutboxRecord } from '../outbox/store';
import { dataverseClient, DataverseRequestError, odataString, type DataverseClient } from './dataverse';
import { dataverseSettings, type DataverseSettings } from './settings';

type RowKind = 'home_visit' | 'appeal';
export type RowStatus = keyof typeof DELIVERY_STATUS_VALUES;

export const ROW_TARGETS = {
  home_visit: {
    table: TABLES.homeVisit,
    entitySet: 'eer_homevisits',
    idColumn: `${TABLES.homeVisit}id`,
    misIdColumn: COLUMNS.homeVisit.misRequestId,
    statusColumn: COLUMNS.homeVisit.deliveryStatus,
  },
  appeal: {
    table: TABLES.appeal,
    entitySet: 'eer_appeals',
    idColumn: `${TABLES.appeal}id`,
    misIdColumn: COLUMNS.appeal.misAppealId,
    statusColumn: COLUMNS.appeal.deliveryStatus,
  },
} as const satisfies Record<RowKind, unknown>;

export interface RowUpdate {
  of: RowKind;
  status: RowStatus;
  /** The MIS's id once it has the request. */
  misId?: string;
}

/** What the row should say, from the outbox items under one client key (undefined: no home visit or appeal there). */
export function rowUpdateOf(records: OutboxRecord[]): RowUpdate | undefined {
  const visit = records.find((r) => r.kind === 'home_visit');
  if (visit) {
    if (visit.status !== 'delivered') return { of: 'home_visit', status: visit.status };
    const mail = records.find((r) => r.kind === 'mail');
    return { of: 'home_visit', status: mail?.status === 'delivered' ? 'delivered' : 'accepted', misId: visit.resultId };
  }
  const appeal = records.find((r) => r.kind === 'appeal');
  if (!appeal) return undefined;
  return appeal.status === 'delivered' ? { of: 'appeal', status: 'delivered', misId: appeal.resultId } : { of: 'appeal', status: appeal.status };
}

let offLogged = false;
let invalidLogged = false;

/** The settings, or null (off) — logged once; invalid settings are logged once too and count as off here. */
function settingsOrOff(log: Log): DataverseSettings | null {
  try {
    const settings = dataverseSettings();
    if (!settings && !offLogged) {
      offLogged = true;
      log('crm: DATAVERSE_* not set, CRM rows are not updated by the outbox');
    }
    return settings;
  } catch (error) {
    if (!invalidLogged) {
      invalidLogged = true;
      log(`crm: ${error instanceof Error ? error.message : 'invalid settings'}; CRM rows are not updated by the outbox`);
    }
    return null;
  }
}

/** The outbox's `onSettled`: a settled home visit, its notice, or an appeal arms the row update (when it is on). */
export function rowUpdateOnSettled(record: OutboxRecord, log: Log): Array<{ kind: 'crm'; payload: unknown }> {
  if (record.kind !== 'home_visit' && record.kind !== 'appeal' && record.kind !== 'mail') return [];
  return settingsOrOff(log) ? [{ kind: 'crm', payload: {} }] : [];
}

/** The `crm` deliverer, reading the item's siblings from `list` (the outbox's store). */
export function crmRowDeliverer(list: (clientKey: string) => Promise<OutboxRecord[]>, client?: (settings: DataverseSettings) => DataverseClient) {
  return async (_payload: unknown, clientKey: string, log: Log, attempt: number): Promise<Delivered> => {
    const settings = settingsOrOff(log);
    if (!settings) throw new DeliveryError('CRM не настроена', false);
    const update = rowUpdateOf(await list(clientKey));
    if (!update) throw new DeliveryError('Нет заявки для строки CRM', false);
    const target = ROW_TARGETS[update.of];
    const dataverse = (client ?? dataverseClient)(settings);
    const ids = [...new Set([clientKey, ...(update.misId ? [update.misId] : [])])];
    try {
      const rows = await dataverse.findRows(target.entitySet, ids.map((id) => `${target.misIdColumn} eq ${odataString(id)}`).join(' or '), [target.idColumn], 5);
      if (rows.length === 0) {
        log(`crm ${target.table} key=${clientKey}: no row yet (attempt ${attempt} of ${settings.rowAttempts})`);
        if (attempt < settings.rowAttempts) throw new DeliveryError('Строка CRM ещё не создана', true);
        throw new DeliveryError('Строка CRM не найдена', false);
      }
      const columns = { [target.statusColumn]: DELIVERY_STATUS_VALUES[update.status], ...(update.misId ? { [target.misIdColumn]: update.misId } : {}) };
      const rowIds: string[] = [];
      for (const row of rows) {
        const id = String(row[target.idColumn]);
        await dataverse.updateRow(target.entitySet, id, columns);
        rowIds.push(id);
      }
      log(`crm ${target.table} key=${clientKey} row=${rowIds.join(',')} status=${update.status}`);
      return { resultId: rowIds[0] };
    } catch (error) {
      if (!(error instanceof DataverseRequestError)) throw error;
      log(`crm ${target.table} key=${clientKey}: ${error.operation} answered ${error.status ?? 'nothing'}${error.code ? ` ${error.code}` : ''}`);
      throw new DeliveryError(error.transient ? `CRM недоступна (${error.status ?? 'нет ответа'})` : `CRM отклонила запрос (код ${error.status ?? '—'})`, error.transient);
    }
  };
}
