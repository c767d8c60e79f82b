/**
 * The OpenAPI 3.0 document of the function app, generated from the contract's API_ROUTES and its zod schemas
 * (`z.toJSONSchema`, OpenAPI 3.0 target): requests as clients may send them (`io: 'input'`), responses as the app
 * sends them (`io: 'output'`), every error as ErrorBody. Admins build the Power Platform custom connector from it:
 * operationIds are the API_ROUTES keys, with tags and English summaries. OpenAPI 3.0 rather than 3.1, because the
 * custom-connector import converts 3.0 documents.
 */
import { API_ROUTES, ErrorBody, ERROR_STATUS, type ApiRouteName, type ErrorCode, type RouteDef } from '@eer/contract';
import type { OpenAPIV3 } from 'openapi-types';
import * as z from 'zod/mini';

type Tag = 'Service' | 'Patients' | 'Reference data' | 'Scheduling' | 'Home visits' | 'Appeals' | 'Vaccination' | 'Telephony';

interface OperationDoc {
  tag: Tag;
  summary: string;
  description?: string;
}

const TAGS: Record<Tag, string> = {
  Service: 'Liveness, readiness and this document.',
  Patients: 'Identify the caller in the regional MIS and keep their contacts (manual §3).',
  'Reference data': 'Districts, medical organisations, departments, localities, opening hours, specialties, doctors.',
  Scheduling: 'Free time, booking, tickets, cancellation and schedule export (manual §4).',
  'Home visits': 'Home-visit requests to the serving medical organisation (manual §5).',
  Appeals: 'Appeals and complaints about medical organisations (manual §6).',
  Vaccination: 'Vaccination of medical workers (manual §7).',
  Telephony: 'The 122 telephony platform webhook and the operators’ real-time channel.',
};

/** Every route has its documentation: a new route without it fails the typecheck. */
export const OPERATION_DOCS: Record<ApiRouteName, OperationDoc> = {
  health: { tag: 'Service', summary: 'Liveness probe', description: 'Answers without calling any dependency.' },
  ready: {
    tag: 'Service',
    summary: 'Readiness: which dependencies answer',
    description: 'Pings the MIS, the SMTP server and the SMS gateway; 503 with the same body when the MIS does not answer.',
  },
  searchPatients: {
    tag: 'Patients',
    summary: 'Search patients',
    description: 'By any of full name, birth date, OMS policy (ЕНП or series and number), SNILS, passport; exact identifier matches first.',
  },
  findPatientsByPhone: { tag: 'Patients', summary: 'Find patients by the caller’s phone number' },
  getPatient: { tag: 'Patients', summary: 'Get the patient card' },
  updatePatientPhone: { tag: 'Patients', summary: 'Update the contact phone and SMS consent' },
  listPatientTickets: { tag: 'Scheduling', summary: 'List the patient’s tickets', description: 'From today on unless `from` is given.' },
  listDistricts: { tag: 'Reference data', summary: 'List districts' },
  listOrganisations: { tag: 'Reference data', summary: 'List medical organisations' },
  getOrganisationHours: { tag: 'Reference data', summary: 'Get opening hours of a medical organisation' },
  listDepartments: { tag: 'Reference data', summary: 'List departments of a medical organisation', description: '`moId` is required.' },
  listLocalities: { tag: 'Reference data', summary: 'List localities' },
  listSpecialties: {
    tag: 'Reference data',
    summary: 'List specialties to book',
    description: 'With `patientId`: the patient’s district specialty (therapist or pediatrician by age, general practitioner where the zone has one) and the configured narrow specialties of their organisation.',
  },
  listDoctors: { tag: 'Reference data', summary: 'List doctors' },
  searchSlots: {
    tag: 'Scheduling',
    summary: 'Search free time',
    description: 'Days with free time and their time cells for a doctor or a specialty. With `nearest` (default) an empty period is extended forward and `extendedTo` says how far.',
  },
  book: { tag: 'Scheduling', summary: 'Book a slot', description: 'Source: call centre. 409 `slot_taken` when someone else took it; the same `clientKey` returns the same ticket.' },
  cancelTicket: { tag: 'Scheduling', summary: 'Cancel a ticket' },
  exportSchedule: { tag: 'Scheduling', summary: 'Export a schedule as CSV or XLSX', description: 'By department, medical organisation or locality.' },
  resolveAddress: { tag: 'Home visits', summary: 'Resolve an address to the serving organisation and zone' },
  createHomeVisit: {
    tag: 'Home visits',
    summary: 'Request a home visit',
    description:
      'Accepted only within the organisation’s home-visit hours (422 `outside_hours` otherwise); the organisation is notified by e-mail. 202 with `queued: true` when the MIS cannot take it now: the outbox delivers it later (`GET outbox/{clientKey}`).',
  },
  createAppeal: {
    tag: 'Appeals',
    summary: 'Register an appeal or complaint',
    description: '202 with `queued: true` when the MIS cannot take it now: the outbox delivers it later (`GET outbox/{clientKey}`).',
  },
  getOutboxStatus: {
    tag: 'Service',
    summary: 'What became of queued requests',
    description:
      'Per client key: the home-visit request, appeal, SMS and e-mail notice kept in the outbox — accepted (waiting), delivered (with the MIS number) or failed (with the reason). 404 when nothing was queued under the key.',
  },
  listVaccinationPoints: { tag: 'Vaccination', summary: 'List vaccination points' },
  listVaccinationSlots: { tag: 'Vaccination', summary: 'List free vaccination slots of a point' },
  registerVaccination: { tag: 'Vaccination', summary: 'Register a medical worker for vaccination' },
  telephonyEvent: { tag: 'Telephony', summary: 'Receive a call event from the telephony platform', description: 'Signed by the platform; no bearer token.' },
  negotiate: { tag: 'Telephony', summary: 'Negotiate the real-time connection (Azure SignalR Service)' },
  claimCall: { tag: 'Telephony', summary: 'Claim an offered call' },
  listWaitingCalls: { tag: 'Telephony', summary: 'List calls waiting for an operator' },
  listAnnouncements: { tag: 'Telephony', summary: 'List announcements for the start window' },
  publishAnnouncement: { tag: 'Telephony', summary: 'Publish an announcement to operators' },
};

/** Operations that go to the MIS and can meet its failures. */
const MIS_TAGS: ReadonlySet<Tag> = new Set(['Patients', 'Reference data', 'Scheduling', 'Home visits', 'Appeals', 'Vaccination']);

type Schema = OpenAPIV3.SchemaObject;

function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): Schema {
  const out = z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out as Schema;
}

function objectProperties(schema: z.core.$ZodType): { properties: Record<string, Schema>; required: Set<string> } {
  const json = jsonSchema(schema, 'input');
  return { properties: (json.properties ?? {}) as Record<string, Schema>, required: new Set(json.required ?? []) };
}

function parameters(def: RouteDef): OpenAPIV3.ParameterObject[] {
  const out: OpenAPIV3.ParameterObject[] = [];
  for (const [where, schema] of [['path', def.params], ['query', def.query]] as const) {
    if (!schema) continue;
    const { properties, required } = objectProperties(schema);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property;
      out.push({ name, in: where, required: where === 'path' || required.has(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  return out;
}

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

/** Which error statuses an operation can answer, from what it does. */
function errorStatuses(name: ApiRouteName, def: RouteDef): number[] {
  const codes = new Set<ErrorCode>(['internal']);
  if (def.params || def.query || def.body) codes.add('validation_failed');
  if (def.body) codes.add('bad_json').add('unsupported_media_type').add('payload_too_large');
  if (def.auth === 'operator') codes.add('unauthenticated').add('forbidden');
  if (def.auth === 'signature') codes.add('signature_invalid').add('stale_event');
  if (MIS_TAGS.has(OPERATION_DOCS[name].tag)) {
    codes.add('not_found').add('mis_unavailable').add('mis_timeout').add('mis_error');
  }
  if (def.method === 'POST' || def.method === 'PUT') codes.add('conflict').add('duplicate_request');
  if (name === 'book') codes.add('slot_taken');
  if (name === 'createHomeVisit') codes.add('outside_hours');
  if (name === 'getOutboxStatus') codes.add('not_found');
  return [...new Set([...codes].map((c) => ERROR_STATUS[c]))].sort((a, b) => a - b);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input: `field` names the first bad field, `issues` all of them',
  401: 'No valid token (or signature)',
  403: 'The token lacks the operator role',
  404: 'Not found',
  409: 'Conflict (`slot_taken`, `conflict`, `duplicate_request`, `stale_event`)',
  413: 'Request too large',
  415: 'Body is not JSON',
  422: 'Not accepted at this time (`outside_hours`)',
  500: 'Internal error',
  502: 'The MIS rejected the request (`mis_error`)',
  503: 'The MIS is unavailable (`mis_unavailable`), retryable',
  504: 'The MIS did not answer in time (`mis_timeout`), retryable',
};

function successResponse(def: RouteDef): OpenAPIV3.ResponseObject {
  if (def.response === null) {
    const content: Record<string, OpenAPIV3.MediaTypeObject> = {};
    for (const type of def.produces ?? []) content[type.split(';')[0]!] = { schema: { type: 'string', format: 'binary' } };
    return {
      description: 'The file',
      headers: { 'Content-Disposition': { description: 'attachment with the file name', schema: { type: 'string' } } },
      content,
    };
  }
  return { description: 'OK', content: { 'application/json': { schema: jsonSchema(def.response, 'output') } } };
}

function operation(name: ApiRouteName, def: RouteDef): OpenAPIV3.OperationObject {
  const docs = OPERATION_DOCS[name];
  const responses: OpenAPIV3.ResponsesObject = { 200: successResponse(def) };
  if (def.mayQueue) responses[202] = { ...successResponse(def), description: 'Queued: delivered to the MIS later (`queued: true`)' };
  for (const status of errorStatuses(name, def)) {
    responses[status] = { description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: ERROR_REF } } };
  }
  if (name === 'ready') responses[503] = { description: 'The MIS does not answer', content: { 'application/json': { schema: jsonSchema(def.response!, 'output') } } };
  const op: OpenAPIV3.OperationObject = {
    operationId: name,
    tags: [docs.tag],
    summary: docs.summary,
    ...(docs.description ? { description: docs.description } : {}),
    parameters: parameters(def),
    responses,
    security: def.auth === 'operator' ? [{ bearer: [] }] : [],
  };
  if (def.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(def.body, 'input') } } };
  if (op.parameters?.length === 0) delete op.parameters;
  return op;
}

export interface DocumentOptions {
  /** Base URL of the API including the route prefix, e.g. `https://eer122.azurewebsites.net/api`. */
  serverUrl: string;
  version: string;
}

export function openApiDocument(options: DocumentOptions): OpenAPIV3.Document {
  const paths: OpenAPIV3.PathsObject = {};
  for (const [name, def] of Object.entries(API_ROUTES) as [ApiRouteName, RouteDef][]) {
    const path = `/${def.route}`;
    const item = (paths[path] ??= {});
    item[def.method.toLowerCase() as OpenAPIV3.HttpMethods] = operation(name, def);
  }
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      tags: ['Service'],
      summary: 'This OpenAPI document',
      security: [],
      responses: { 200: { description: 'OpenAPI 3.0 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'EER 122 operator API',
      version: options.version,
      description:
        'The operator side of the regional unified electronic registry for health line 122: a proxy over the regional MIS, ' +
        'notifications and the telephony webhook. Every error answers with ErrorBody (`code`, operator-safe `message`, ' +
        '`correlationId`, `retryable`); `Accept-Language: en` gives English texts, Russian otherwise.',
    },
    servers: [{ url: options.serverUrl }],
    tags: (Object.keys(TAGS) as Tag[]).map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      schemas: { ErrorBody: jsonSchema(ErrorBody, 'output') },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Microsoft Entra ID access token for the function app (audience AUTH_AUDIENCE) carrying the EER.Operator app role. ' +
            'In a custom connector choose OAuth 2.0 with the Azure Active Directory identity provider and the app’s resource URL.',
        },
      },
    },
  };
}
