import { createContextMock, createWebApiMock, parseODataQuery, property, seedEnvironmentVariables } from './contextMock';

const QUERY_INVALID = 0x80060888 | 0; // Dataverse's HRESULT for a query it cannot read

describe('webAPI mock (in-memory Dataverse)', () => {
  const seedCalls = () =>
    createWebApiMock({
      tables: {
        eer_call: [
          { eer_callid: 'c1', eer_name: 'A', eer_topic: 3, eer_status: 122120001, eer_offeredat: '2026-11-26T09:00:00Z' },
          { eer_callid: 'c2', eer_name: "O'Brien", eer_topic: 4, eer_status: 122120002, eer_offeredat: '2026-11-26T09:05:00Z' },
          { eer_callid: 'c3', eer_name: 'b', eer_topic: 4, eer_status: 122120001, eer_offeredat: '2026-11-26T08:55:00Z' },
        ],
      },
    });

  it('filters with eq / ne / and / or / not / parentheses / startswith, case-insensitively for text', async () => {
    const api = seedCalls();
    const ids = async (filter: string) =>
      (await api.retrieveMultipleRecords('eer_call', `?$select=eer_name&$filter=${filter}`)).entities.map((e) => e.eer_callid as string);
    expect(await ids('eer_topic eq 4 and eer_status eq 122120001')).toEqual(['c3']);
    expect(await ids("(eer_name eq 'a' or eer_name eq 'B') and not (eer_topic eq 4)")).toEqual(['c1']);
    expect(await ids("eer_name eq 'O''Brien'")).toEqual(['c2']);
    expect(await ids("startswith(eer_name,'o')")).toEqual(['c2']);
    expect(await ids('eer_topic ne 4')).toEqual(['c1']);
    expect(await ids("eer_offeredat ge '2026-11-26T09:00:00Z'")).toEqual(['c1', 'c2']);
    expect(await ids('eer_comment eq null')).toEqual(['c1', 'c2', 'c3']);
    expect(await ids(encodeURIComponent("eer_name eq 'A'"))).toEqual(['c1']);
  });

  it('filters lookups by GUID (braces and case ignored) and orders Date values as instants', async () => {
    const api = createWebApiMock({
      tables: {
        eer_appeal: [
          { eer_appealid: 'a1', _eer_callid_value: '0f8fad5b-d9cb-469f-a165-70867728950e', eer_at: new Date('2026-11-26T09:05:00Z') },
          { eer_appealid: 'a2', _eer_callid_value: '7c9e6679-7425-40de-944b-e07fc1f90ae7', eer_at: new Date('2026-11-26T09:00:00Z') },
        ],
      },
    });
    const ids = async (options: string) => (await api.retrieveMultipleRecords('eer_appeal', options)).entities.map((e) => e.eer_appealid as string);
    expect(await ids('?$filter=_eer_callid_value eq 0F8FAD5B-D9CB-469F-A165-70867728950E')).toEqual(['a1']);
    expect(await ids('?$orderby=eer_at')).toEqual(['a2', 'a1']);
  });

  it('projects $select (plus the primary key), orders, limits and pages with nextLink', async () => {
    const api = seedCalls();
    const result = await api.retrieveMultipleRecords('eer_call', '?$select=eer_name,eer_comment&$orderby=eer_offeredat desc&$top=2');
    expect(result.entities).toEqual([
      { eer_callid: 'c2', eer_name: "O'Brien", eer_comment: null, '@odata.etag': 'W/"1"' },
      { eer_callid: 'c1', eer_name: 'A', eer_comment: null, '@odata.etag': 'W/"1"' },
    ]);
    const first = await api.retrieveMultipleRecords('eer_call', '?$select=eer_name&$orderby=eer_name', 2);
    expect(first.entities.map((e) => e.eer_name)).toEqual(['A', 'b']);
    expect(first.nextLink).toContain('$skiptoken=2');
    const second = await api.retrieveMultipleRecords('eer_call', `?${first.nextLink.split('?')[1]}`, 2);
    expect(second.entities.map((e) => e.eer_name)).toEqual(["O'Brien"]);
    expect(second.nextLink).toBeUndefined();
  });

  it('creates with @odata.bind lookups, updates, retrieves and deletes; missing records reject like Dataverse', async () => {
    const api = seedCalls();
    const created = await api.createRecord('eer_appeal', { eer_name: 'Жалоба', 'eer_callid@odata.bind': '/eer_calls(c2)' });
    expect(created.entityType).toBe('eer_appeal');
    expect(api.tables.eer_appeal![0]).toMatchObject({ eer_name: 'Жалоба', _eer_callid_value: 'c2', eer_appealid: created.id });
    await api.updateRecord('eer_appeal', created.id, { eer_comment: 'ok' });
    expect(await api.retrieveRecord('eer_appeal', created.id, '?$select=eer_comment')).toEqual({
      eer_appealid: created.id,
      eer_comment: 'ok',
      '@odata.etag': 'W/"1"',
    });
    await api.deleteRecord('eer_appeal', created.id);
    await expect(api.retrieveRecord('eer_appeal', created.id)).rejects.toMatchObject({ errorCode: -2147220969 });
    expect(api.createRecord).toHaveBeenCalledTimes(1);
  });

  it('expands a one-to-many relationship with nested $select', async () => {
    const api = createWebApiMock();
    seedEnvironmentVariables(api, { eer_A: { defaultValue: 'd', value: 'v' }, eer_B: { defaultValue: 'only default' } });
    const result = await api.retrieveMultipleRecords(
      'environmentvariabledefinition',
      "?$select=schemaname,defaultvalue&$filter=schemaname eq 'eer_a'&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)",
    );
    expect(result.entities).toHaveLength(1);
    const values = result.entities[0]!.environmentvariabledefinition_environmentvariablevalue as Array<Record<string, unknown>>;
    expect(values.map((v) => v.value)).toEqual(['v']);
    expect(Object.keys(values[0]!).sort()).toEqual(['@odata.etag', 'environmentvariablevalueid', 'value']);
  });

  it('refuses what it does not understand instead of answering wrongly, and can fail on demand', async () => {
    const api = seedCalls();
    await expect(api.retrieveMultipleRecords('eer_call', '?fetchXml=<fetch/>')).rejects.toMatchObject({ errorCode: QUERY_INVALID, message: expect.stringMatching(/not supported/) });
    await expect(api.retrieveMultipleRecords('eer_call', '?$filter=eer_topic in (1,2)')).rejects.toMatchObject({ errorCode: QUERY_INVALID, message: expect.stringMatching(/operator/) });
    await expect(api.retrieveMultipleRecords('eer_call', '?$top=many')).rejects.toMatchObject({ errorCode: QUERY_INVALID });
    await expect(api.retrieveMultipleRecords('eer_call', '?$expand=nothing')).rejects.toThrow(/no relationship/);
    api.failNext('retrieveMultipleRecords');
    await expect(api.retrieveMultipleRecords('eer_call')).rejects.toMatchObject({ errorCode: -2147220960 });
    await expect(api.retrieveMultipleRecords('eer_call')).resolves.toMatchObject({ entities: expect.any(Array) });
  });

  it('parses nested expand options', () => {
    expect(parseODataQuery('?$expand=a($select=x,y;$top=1),b&$top=5')).toEqual({
      expand: [
        { name: 'a', query: { select: ['x', 'y'], top: 1 } },
        { name: 'b', query: {} },
      ],
      top: 5,
    });
  });

  it('is context.webAPI of the context mock, shared when passed in', async () => {
    const webAPI = seedCalls();
    const mock = createContextMock({ control: 'CallPanel', parameters: { status: property('x') }, webAPI });
    expect(mock.context.webAPI).toBe(webAPI);
    expect(mock.update({ disabled: true }).webAPI).toBe(webAPI);
    expect(createContextMock({ control: 'CallPanel', parameters: {} }).webAPI.tables).toEqual({});
  });
});
