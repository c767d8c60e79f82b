import { CALL_STATUS_VALUES, COLUMNS, ENVIRONMENT_VARIABLES, TABLES } from '@eer/contract';
import { readSolutionModel, solutionPaths } from '@eer/solution';
import { readRelationships } from './app';
import { DataverseError } from './errors';
import { deskUsers, seedStore } from './seed';
import { DeskStore } from './store';
import { DEV_OPERATORS } from '../devIdentity';

const model = readSolutionModel();
const C = COLUMNS.call;

function freshStore(): DeskStore {
  return new DeskStore(model, readRelationships(solutionPaths().src));
}

function failure(run: () => unknown): DataverseError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataverseError) return error;
    throw error;
  }
  throw new Error('expected a Dataverse error');
}

describe('the desk store follows the solution model', () => {
  it('has every table of the solution, with its entity set', () => {
    const store = freshStore();
    for (const table of Object.values(TABLES)) expect(store.table(table).entitySetName).toBe(model.tables[table]!.entitySetName);
    expect(failure(() => store.table('eer_calls')).kind).toBe('unknownTable');
  });

  it('refuses a wrong column name in a query or a body, as Dataverse does', () => {
    const store = freshStore();
    const select = failure(() => store.retrieveMultiple(TABLES.call, '?$select=eer_name,eer_patientnam'));
    expect(select).toMatchObject({ kind: 'unknownProperty', status: 400, hex: '0x80060888' });
    expect(select.message).toContain("'eer_patientnam'");
    expect(failure(() => store.retrieveMultiple(TABLES.call, "?$filter=eer_telephonycallId eq 'x'")).kind).toBe('unknownProperty');
    expect(failure(() => store.retrieveMultiple(TABLES.call, '?$orderby=eer_created desc')).kind).toBe('unknownProperty');
    const body = failure(() => store.create(TABLES.call, { [C.name]: 'x', eer_patient: 'y' }));
    expect(body).toMatchObject({ kind: 'unknownBodyProperty', errorCode: 0x80048d19 | 0 });
    // A lookup is written through its navigation property, never its column.
    expect(failure(() => store.create(TABLES.appeal, { eer_callid: '00000000-0000-0000-0000-000000000001' })).kind).toBe('unknownBodyProperty');
  });

  it('checks values by column type: choices, ranges, lengths, dates, booleans', () => {
    const store = freshStore();
    expect(failure(() => store.create(TABLES.call, { [C.status]: 1 })).kind).toBe('invalidValue');
    expect(failure(() => store.create(TABLES.call, { [C.topic]: 9 })).message).toContain('outside the valid range');
    expect(failure(() => store.create(TABLES.call, { [C.topic]: '3' })).kind).toBe('invalidValue');
    expect(failure(() => store.create(TABLES.call, { [C.callerNumber]: 'x'.repeat(5000) })).message).toContain('maximum allowed length');
    expect(failure(() => store.create(TABLES.call, { [C.answeredAt]: 'yesterday' })).kind).toBe('invalidValue');
    expect(failure(() => store.create(TABLES.ivrTopic, { [COLUMNS.ivrTopic.isActive]: 1 })).kind).toBe('invalidValue');
    const id = store.create(TABLES.call, { [C.status]: CALL_STATUS_VALUES.in_progress, [C.topic]: 3, [C.answeredAt]: '2026-03-02T10:15:30.123Z' });
    expect(store.retrieve(TABLES.call, id, `?$select=${C.status},${C.answeredAt},${C.name}`)).toMatchObject({
      [C.status]: CALL_STATUS_VALUES.in_progress,
      [C.answeredAt]: '2026-03-02T10:15:30Z',
      // The primary name's auto-number format from the solution.
      [C.name]: expect.stringMatching(/^122-\d{8}-000001$/),
    });
  });

  it('sets lookups through @odata.bind by the navigation property and expands the relationship', () => {
    const store = freshStore();
    const call = store.create(TABLES.call, { [C.topic]: 5 });
    const bind = { [`eer_CallId@odata.bind`]: `/eer_calls(${call})` };
    const appeal = store.create(TABLES.appeal, { [COLUMNS.appeal.comment]: 'текст', ...bind });
    expect(store.retrieve(TABLES.appeal, appeal, '?$select=_eer_callid_value')._eer_callid_value).toBe(call);
    // The navigation property's case matters, and the target must exist.
    expect(failure(() => store.create(TABLES.appeal, { 'eer_callid@odata.bind': `/eer_calls(${call})` })).kind).toBe('unknownBodyProperty');
    expect(failure(() => store.create(TABLES.appeal, { 'eer_CallId@odata.bind': '/eer_calls(00000000-0000-0000-0000-000000000009)' })).kind).toBe('notFound');
    const relationship = store.relationships.find((r) => r.from === TABLES.call && r.to === TABLES.appeal)!;
    const expanded = store.retrieve(TABLES.call, call, `?$select=${C.topic}&$expand=${relationship.name}($select=${COLUMNS.appeal.comment})`);
    expect(expanded[relationship.name]).toEqual([expect.objectContaining({ [COLUMNS.appeal.comment]: 'текст' })]);
  });

  it('filters, orders, pages and updates', () => {
    const store = freshStore();
    for (const digit of [3, 1, 2]) store.create(TABLES.call, { [C.topic]: digit, [C.telephonyCallId]: `call-${digit}` });
    const page = store.retrieveMultiple(TABLES.call, `?$select=${C.topic}&$filter=${C.topic} ge 2 and startswith(${C.telephonyCallId},'CALL')&$orderby=${C.topic} desc`, 1);
    expect(page.value.map((r) => r[C.topic])).toEqual([3]);
    expect(page.nextSkip).toBe(1);
    const id = String(page.value[0]!.eer_callid);
    store.update(TABLES.call, `{${id.toUpperCase()}}`, { [C.comment]: 'перезвонить' });
    expect(store.retrieve(TABLES.call, id, `?$select=${C.comment}`)[C.comment]).toBe('перезвонить');
    expect(failure(() => store.update(TABLES.call, '00000000-0000-0000-0000-000000000009', {})).kind).toBe('notFound');
  });

  it('is seeded as an admin would: topics 1–8, call types, specialties, articles, announcements, settings, users', () => {
    const store = freshStore();
    const users = deskUsers(DEV_OPERATORS);
    seedStore(store, model, { functionsBaseUrl: 'http://127.0.0.1:7071/api', authClientId: 'client', authAuthority: 'https://127.0.0.1:7091/t', functionsScope: 'api://x/access_as_user' }, users);
    const topics = store.retrieveMultiple(TABLES.ivrTopic, `?$select=${COLUMNS.ivrTopic.digit},${COLUMNS.ivrTopic.greeting}&$orderby=${COLUMNS.ivrTopic.digit}`).value;
    expect(topics.map((t) => t[COLUMNS.ivrTopic.digit])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(topics.every((t) => String(t[COLUMNS.ivrTopic.greeting]).length > 20)).toBe(true);
    expect(store.all(TABLES.callType).length).toBeGreaterThanOrEqual(10);
    expect(store.all(TABLES.narrowSpecialty).length).toBe(7);
    expect(store.all(TABLES.infoArticle).some((a) => a[COLUMNS.infoArticle.topic] === 1)).toBe(true);
    expect(store.all(TABLES.announcement).length).toBeGreaterThan(0);
    // The query the controls' settings reader sends.
    const names = Object.values(ENVIRONMENT_VARIABLES).map((n) => `schemaname eq '${n}'`).join(' or ');
    const settings = store.retrieveMultiple('environmentvariabledefinition', `?$select=schemaname,defaultvalue&$filter=(${names})&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)`).value;
    const value = (name: string) => {
      const row = settings.find((s) => s.schemaname === name)!;
      const values = row.environmentvariabledefinition_environmentvariablevalue as Array<{ value: string }>;
      return values[0]?.value ?? row.defaultvalue;
    };
    expect(value(ENVIRONMENT_VARIABLES.functionsBaseUrl)).toBe('http://127.0.0.1:7071/api');
    expect(value(ENVIRONMENT_VARIABLES.callTimeThresholdSeconds)).toBe('180');
    expect(JSON.parse(String(value(ENVIRONMENT_VARIABLES.homeVisitHours)))).toHaveProperty('1');
    expect(store.retrieve('systemuser', users[0]!.id, '?$select=domainname').domainname).toBe(DEV_OPERATORS[0]!.upn);
  });
});
