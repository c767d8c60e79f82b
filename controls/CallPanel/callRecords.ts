/**
 * The call record and its reference tables in Dataverse, over the host's `context.webAPI` (the user's own
 * permissions, no extra sign-in). Column names come from the contract's COLUMNS, so a renamed column fails in one place.
 */
import {
  CALL_STATUS_VALUES,
  COLUMNS,
  CallType,
  TABLES,
  validate,
  type CallNotification,
  type CallStatus,
} from '@eer/contract';

const C = COLUMNS.call;

/** What the control writes to the call record (a subset of its columns). */
export interface CallChanges {
  status?: CallStatus;
  endedAt?: Date;
  durationSeconds?: number;
  callType?: string;
  comment?: string | null;
}

export interface CallRecords {
  /** The greeting text set for an IVR topic (active row of eer_ivrtopic), null when there is none. */
  greeting(digit: number): Promise<string | null>;
  /** Active call types in their sort order. */
  callTypes(): Promise<CallType[]>;
  /** Creates the record of a call just answered; returns its id. */
  createCall(offer: CallNotification, operatorId: string, answeredAt: Date, name: string): Promise<string>;
  /** The record of a telephony call (the newest, should there be two). */
  findCallId(telephonyCallId: string): Promise<string | null>;
  updateCall(id: string, changes: CallChanges): Promise<void>;
}

/** OData string literal: single quotes doubled. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function callRecordColumns(changes: CallChanges): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (changes.status !== undefined) data[C.status] = CALL_STATUS_VALUES[changes.status];
  if (changes.endedAt !== undefined) data[C.endedAt] = changes.endedAt.toISOString();
  if (changes.durationSeconds !== undefined) data[C.durationSeconds] = changes.durationSeconds;
  if (changes.callType !== undefined) data[C.callType] = changes.callType;
  if (changes.comment !== undefined) data[C.comment] = changes.comment;
  return data;
}

export function callRecords(webAPI: ComponentFramework.WebApi): CallRecords {
  const T = COLUMNS.ivrTopic;
  const K = COLUMNS.callType;
  return {
    async greeting(digit) {
      const options = `?$select=${T.greeting}&$filter=${T.digit} eq ${Math.trunc(digit)} and ${T.isActive} eq true&$top=1`;
      const result = await webAPI.retrieveMultipleRecords(TABLES.ivrTopic, options);
      const text = result.entities[0]?.[T.greeting];
      return typeof text === 'string' && text.trim() !== '' ? text : null;
    },
    async callTypes() {
      const options = `?$select=${K.key},${K.name}&$filter=${K.isActive} eq true&$orderby=${K.sortOrder} asc,${K.name} asc`;
      const result = await webAPI.retrieveMultipleRecords(TABLES.callType, options);
      const types: CallType[] = [];
      for (const row of result.entities) {
        // a row a business analyst left incomplete is skipped, not fatal
        const checked = validate(CallType, { key: row[K.key], name: row[K.name] }, 'en');
        if (checked.success) types.push(checked.data);
      }
      return types;
    },
    async createCall(offer, operatorId, answeredAt, name) {
      const created = await webAPI.createRecord(TABLES.call, {
        [C.name]: name,
        [C.telephonyCallId]: offer.telephonyCallId,
        [C.topic]: offer.ivrDigit,
        [C.callerNumber]: offer.callerNumber,
        [C.operatorId]: operatorId,
        [C.offeredAt]: offer.occurredAt,
        [C.answeredAt]: answeredAt.toISOString(),
        [C.status]: CALL_STATUS_VALUES.in_progress,
      });
      return created.id;
    },
    async findCallId(telephonyCallId) {
      const options = `?$select=${TABLES.call}id&$filter=${C.telephonyCallId} eq ${literal(telephonyCallId)}&$orderby=createdon desc&$top=1`;
      const result = await webAPI.retrieveMultipleRecords(TABLES.call, options);
      const id = result.entities[0]?.[`${TABLES.call}id`];
      return typeof id === 'string' ? id : null;
    },
    async updateCall(id, changes) {
      await webAPI.updateRecord(TABLES.call, id, callRecordColumns(changes));
    },
  };
}
