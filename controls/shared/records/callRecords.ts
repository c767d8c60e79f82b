/**
 * The CRM rows of what a call made — an appeal (eer_appeal), a home visit (eer_homevisit), a vaccination
 * (eer_vaccination) — over the host's `context.webAPI`, each linked to the call record by its eer_callid lookup.
 * Created once the MIS (or the outbox) took the request; the delivery status and the MIS number are updated on the
 * same row as the outbox reports them. Column names and choice values come from the contract only.
 */
import {
  APPEAL_KIND_VALUES,
  APPEAL_KINDS,
  APPEAL_TOPIC_VALUES,
  APPEAL_TOPICS,
  COLUMNS,
  DELIVERY_STATUS_VALUES,
  DOSE_VALUES,
  TABLES,
  VACCINE_VALUES,
  type Appeal,
  type DeliveryStatus,
  type HomeVisitRequest,
  type VaccinationRegistration,
} from '@eer/contract';

export type Columns = Record<string, unknown>;
export type RecordsWebApi = Pick<ComponentFramework.WebApi, 'createRecord' | 'updateRecord'>;
/** The tables whose rows the forms create, each with an eer_callid lookup to the call. */
export type CallRecordTable = typeof TABLES.appeal | typeof TABLES.homeVisit | typeof TABLES.vaccination;

/** The single-valued navigation property of each table's eer_callid lookup (its schema name) and the call table's entity set. */
const CALL_LOOKUP = 'eer_CallId';
const CALL_ENTITY_SET = 'eer_calls';
const NAME_MAX = 200;

/** The lookup to the call record, as the Web API sets it (`eer_CallId@odata.bind`); nothing without a call record. */
export function callLink(callRecordId: string | null): Columns {
  return callRecordId ? { [`${CALL_LOOKUP}@odata.bind`]: `/${CALL_ENTITY_SET}(${callRecordId.replace(/[{}]/g, '')})` } : {};
}

export interface CallRecords {
  /** Creates the row, linked to the call record when there is one; answers its id. */
  create(table: CallRecordTable, columns: Columns, callRecordId: string | null): Promise<string>;
  update(table: CallRecordTable, id: string, columns: Columns): Promise<void>;
}

export function callRecords(webAPI: RecordsWebApi): CallRecords {
  return {
    async create(table, columns, callRecordId) {
      const created = await webAPI.createRecord(table, { ...columns, ...callLink(callRecordId) });
      return created.id;
    },
    async update(table, id, columns) {
      await webAPI.updateRecord(table, id, columns);
    },
  };
}

/** How a request stands for its row: the contract's status, plus `queued` while the outbox waits for the receiver. */
export type DeliveryState = DeliveryStatus | 'queued';

/**
 * The row's choice value: a queued request is `accepted` (the line has it; the receiver not yet). An appeal's
 * receiver is the MIS, so once the MIS accepted it the appeal is `delivered`; a home visit is delivered when its
 * notice reached the medical organisation too.
 */
export function deliveryValue(state: DeliveryState, table: typeof TABLES.appeal | typeof TABLES.homeVisit): number {
  if (state === 'queued') return DELIVERY_STATUS_VALUES.accepted;
  if (state === 'accepted' && table === TABLES.appeal) return DELIVERY_STATUS_VALUES.delivered;
  return DELIVERY_STATUS_VALUES[state];
}

const A = COLUMNS.appeal;
const H = COLUMNS.homeVisit;
const V = COLUMNS.vaccination;

/** What the appeal row says of the appeal; `misAppealId` is the client key while queued (replaced once delivered). */
export function appealColumns(appeal: Appeal, result: { misAppealId: string; state: DeliveryState; moName: string }): Columns {
  return {
    [A.name]: `${APPEAL_KINDS[appeal.kind].ru}: ${APPEAL_TOPICS[appeal.topic].ru}`.slice(0, NAME_MAX),
    [A.kind]: APPEAL_KIND_VALUES[appeal.kind],
    [A.topic]: APPEAL_TOPIC_VALUES[appeal.topic],
    [A.moId]: appeal.moId,
    [A.moName]: result.moName,
    [A.address]: appeal.address?.text ?? null,
    [A.comment]: appeal.comment,
    [A.reviewCertificate]: appeal.reviewCertificate,
    [A.ticketId]: appeal.ticketId ?? null,
    [A.patientMisId]: appeal.patientId ?? null,
    [A.misAppealId]: result.misAppealId,
    [A.deliveryStatus]: deliveryValue(result.state, TABLES.appeal),
  };
}

/** What the home-visit row says of the request; the name is Russian, like the CRM's data. */
export function homeVisitColumns(
  request: HomeVisitRequest,
  result: { misRequestId: string; state: DeliveryState; moId: string; moName: string; zoneName: string | null },
): Columns {
  return {
    [H.name]: `Вызов на дом: ${result.moName}`.slice(0, NAME_MAX),
    [H.address]: request.address.text,
    [H.moId]: result.moId,
    [H.moName]: result.moName,
    [H.zoneName]: result.zoneName,
    [H.intercomCode]: request.intercomCode ?? null,
    [H.phone]: request.phone,
    [H.temperature]: request.temperature ?? null,
    [H.complaints]: request.complaints,
    [H.patientMisId]: request.patientId,
    [H.misRequestId]: result.misRequestId,
    [H.deliveryStatus]: deliveryValue(result.state, TABLES.homeVisit),
  };
}

/** What the vaccination row says of the registration (no delivery column: a registration is never queued). */
export function vaccinationColumns(
  registration: VaccinationRegistration,
  result: { misRegistrationId: string; pointName: string | null; slotStart: string | null },
): Columns {
  const workerName = [registration.lastName, registration.firstName, registration.middleName].filter(Boolean).join(' ');
  return {
    [V.name]: `Вакцинация: ${workerName}`.slice(0, NAME_MAX),
    [V.workerName]: workerName,
    [V.employerMoId]: registration.employerMoId,
    [V.position]: registration.position,
    [V.vaccine]: registration.vaccine ? VACCINE_VALUES[registration.vaccine] : null,
    [V.dose]: DOSE_VALUES[String(registration.dose) as keyof typeof DOSE_VALUES],
    [V.pointId]: registration.pointId,
    [V.pointName]: result.pointName,
    [V.slotStart]: result.slotStart,
    [V.misRegistrationId]: result.misRegistrationId,
  };
}

/** The columns the outbox's report changes on a row: the status, and the MIS number once it has one. */
export function deliveryColumns(table: typeof TABLES.appeal | typeof TABLES.homeVisit, state: DeliveryState, misId: string | undefined): Columns {
  const columns = table === TABLES.appeal ? { status: A.deliveryStatus, misId: A.misAppealId } : { status: H.deliveryStatus, misId: H.misRequestId };
  return { [columns.status]: deliveryValue(state, table), ...(misId ? { [columns.misId]: misId } : {}) };
}
