/**
 * The appeal's card in the CRM (table eer_appeal), over the host's `context.webAPI`: created once the MIS took the
 * appeal, so the «Справка о рассмотрении обращения» tag set afterwards (manual §6, fig. 19) is recorded on it.
 * Column names and choice values come from the contract.
 */
import {
  APPEAL_KIND_VALUES,
  APPEAL_KINDS,
  APPEAL_TOPIC_VALUES,
  APPEAL_TOPICS,
  COLUMNS,
  DELIVERY_STATUS_VALUES,
  TABLES,
  type Appeal,
  type AppealAccepted,
} from '@eer/contract';

const A = COLUMNS.appeal;
/** The single-valued navigation property of the eer_callid lookup (its schema name) and the call table's entity set. */
const CALL_LOOKUP = 'eer_CallId';
const CALL_ENTITY_SET = 'eer_calls';

export interface AppealRecords {
  /** Creates the card of a registered appeal; answers its record id. */
  create(appeal: Appeal, accepted: AppealAccepted, moName: string, callRecordId: string | null): Promise<string>;
  /** Records the «Справка о рассмотрении обращения» tag on the card. */
  setReviewCertificate(recordId: string): Promise<void>;
}

export type AppealWebApi = Pick<ComponentFramework.WebApi, 'createRecord' | 'updateRecord'>;

/** The card's columns; the name is Russian, like the CRM's data. */
export function appealColumns(appeal: Appeal, accepted: AppealAccepted, moName: string, callRecordId: string | null): Record<string, unknown> {
  return {
    [A.name]: `${APPEAL_KINDS[appeal.kind].ru}: ${APPEAL_TOPICS[appeal.topic].ru}`.slice(0, 200),
    [A.kind]: APPEAL_KIND_VALUES[appeal.kind],
    [A.topic]: APPEAL_TOPIC_VALUES[appeal.topic],
    [A.moId]: appeal.moId,
    [A.moName]: moName,
    [A.address]: appeal.address?.text ?? null,
    [A.comment]: appeal.comment,
    [A.reviewCertificate]: appeal.reviewCertificate,
    [A.ticketId]: appeal.ticketId ?? null,
    [A.patientMisId]: appeal.patientId ?? null,
    [A.misAppealId]: accepted.appealId,
    [A.deliveryStatus]: DELIVERY_STATUS_VALUES[accepted.status],
    ...(callRecordId ? { [`${CALL_LOOKUP}@odata.bind`]: `/${CALL_ENTITY_SET}(${callRecordId.replace(/[{}]/g, '')})` } : {}),
  };
}

export function appealRecords(webAPI: AppealWebApi): AppealRecords {
  return {
    async create(appeal, accepted, moName, callRecordId) {
      const created = await webAPI.createRecord(TABLES.appeal, appealColumns(appeal, accepted, moName, callRecordId));
      return created.id;
    },
    async setReviewCertificate(recordId) {
      await webAPI.updateRecord(TABLES.appeal, recordId, { [A.reviewCertificate]: true });
    },
  };
}
