import type { ApiBody, AppealAccepted, MedicalOrganisation, OutboxStatus, Ticket } from '@eer/contract';
import { callApi, type ApiClient } from '../shared/api/client';

/** The function-app operations the appeal form uses; the component gets this, tests a fake of it. */
export interface AppealApi {
  organisations(signal: AbortSignal): Promise<MedicalOrganisation[]>;
  /** The patient's tickets from `from` on: a complaint about a visit finds its ticket (doctor, time, MO) here. */
  tickets(patientId: string, from: string, signal: AbortSignal): Promise<Ticket[]>;
  create(body: ApiBody<'createAppeal'>): Promise<AppealAccepted>;
  /** What became of an appeal the line queued (202). */
  outbox(clientKey: string, signal: AbortSignal): Promise<OutboxStatus>;
}

export function appealApi(client: ApiClient): AppealApi {
  return {
    organisations: (signal) => callApi(client, 'listOrganisations', { signal }),
    tickets: (id, from, signal) => callApi(client, 'listPatientTickets', { params: { id }, query: { from }, signal }),
    create: (body) => callApi(client, 'createAppeal', { body }),
    outbox: (clientKey, signal) => callApi(client, 'getOutboxStatus', { params: { clientKey }, signal }),
  };
}
