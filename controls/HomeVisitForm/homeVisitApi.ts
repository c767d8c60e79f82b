import type { AddressResolution, ApiBody, HomeVisitAccepted, OutboxStatus, PatientCard } from '@eer/contract';
import { callApi, type ApiClient } from '../shared/api/client';

/** The function-app operations the home-visit form uses; the component gets this, tests a fake of it. */
export interface HomeVisitApi {
  /** The MO and zone serving an address, and whether it takes home visits now. */
  resolve(body: ApiBody<'resolveAddress'>, signal: AbortSignal): Promise<AddressResolution>;
  create(body: ApiBody<'createHomeVisit'>): Promise<HomeVisitAccepted>;
  /** The patient card: its phone and address prefill the form. */
  patient(misId: string, signal: AbortSignal): Promise<PatientCard>;
  /** What became of a request the line queued, and of its notice to the MO. */
  outbox(clientKey: string, signal: AbortSignal): Promise<OutboxStatus>;
}

export function homeVisitApi(client: ApiClient): HomeVisitApi {
  return {
    resolve: (body, signal) => callApi(client, 'resolveAddress', { body, signal }),
    create: (body) => callApi(client, 'createHomeVisit', { body }),
    patient: (id, signal) => callApi(client, 'getPatient', { params: { id }, signal }),
    outbox: (clientKey, signal) => callApi(client, 'getOutboxStatus', { params: { clientKey }, signal }),
  };
}
