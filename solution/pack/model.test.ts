import {
  ANNOUNCEMENT_SEVERITY_VALUES,
  APPEAL_KIND_VALUES,
  APPEAL_TOPIC_VALUES,
  CALL_STATUS_VALUES,
  CHOICES,
  COLUMNS,
  DELIVERY_STATUS_VALUES,
  DOSE_VALUES,
  ENVIRONMENT_VARIABLES,
  IVR_TOPICS,
  TABLES,
  VACCINE_VALUES,
  WeeklyHours,
} from '@eer/contract';
import * as z from 'zod/mini';
import { ENVIRONMENT_VARIABLE_DEFINITIONS as CONTROLS_ENVIRONMENT_VARIABLES } from '../../controls/shared/settings/names';
import { checkSeedData, readSeedData, seedCsv } from './data';
import { generateSource } from './generate';
import { readSolutionModel, readSolutionModelFromTree } from './readModel';

const model = readSolutionModel();

describe('readSolutionModel()', () => {
  it('has exactly the contract tables, each with every contract column and the platform columns', () => {
    expect(Object.keys(model.tables).sort()).toEqual(Object.values(TABLES).sort());
    for (const [key, logical] of Object.entries(TABLES)) {
      const table = model.tables[logical]!;
      const custom = table.columns.filter((c) => c.custom).map((c) => c.logicalName);
      expect(custom.sort()).toEqual(Object.values(COLUMNS[key as keyof typeof COLUMNS]).sort());
      const names = table.columns.map((c) => c.logicalName);
      for (const sys of ['createdon', 'modifiedon', 'ownerid', 'statecode', 'statuscode', `${logical}id`]) expect(names).toContain(sys);
      expect(table.primaryIdAttribute).toBe(`${logical}id`);
      expect(table.primaryNameAttribute).toBe('eer_name');
      expect(table.entitySetName.startsWith(logical.replace(/y$/, ''))).toBe(true);
      expect(table.displayName.ru).not.toBe('');
      expect(table.displayName.en).not.toBe('');
    }
    expect(model.tables.eer_narrowspecialty!.entitySetName).toBe('eer_narrowspecialties');
  });

  it('types the columns the controls and the desk rely on', () => {
    const col = (table: string, column: string) => model.tables[table]!.columns.find((c) => c.logicalName === column)!;
    expect(col('eer_call', 'eer_status')).toMatchObject({ type: 'picklist', choice: CHOICES.callStatus, pcfType: 'OptionSet' });
    expect(col('eer_call', 'eer_topic')).toMatchObject({ type: 'int', min: 1, max: 8, pcfType: 'Whole.None' });
    expect(col('eer_call', 'eer_answeredat')).toMatchObject({ type: 'datetime', dateOnly: false, pcfType: 'DateAndTime.DateAndTime' });
    expect(col('eer_call', 'eer_callernumber')).toMatchObject({ type: 'nvarchar', format: 'phone', pcfType: 'SingleLine.Phone', secured: true });
    expect(col('eer_call', 'eer_appointmentids')).toMatchObject({ type: 'ntext', maxLength: 4000, pcfType: 'Multiple' });
    expect(col('eer_call', 'eer_homevisitids')).toMatchObject({ type: 'nvarchar', maxLength: 4000, pcfType: 'SingleLine.Text' });
    expect(col('eer_call', 'eer_name').autoNumber).toMatch(/SEQNUM/);
    expect(col('eer_appeal', 'eer_reviewcertificate')).toMatchObject({ type: 'bit', defaultValue: 0, pcfType: 'TwoOptions' });
    expect(col('eer_appeal', 'eer_callid')).toMatchObject({ type: 'lookup', target: 'eer_call', pcfType: 'Lookup.Simple' });
    expect(col('eer_homevisit', 'eer_temperature')).toMatchObject({ type: 'decimal', min: 34, max: 43, precision: 1, pcfType: 'Decimal' });
    expect(col('eer_homevisit', 'eer_callid').target).toBe('eer_call');
    expect(col('eer_vaccination', 'eer_callid').target).toBe('eer_call');
    expect(col('eer_ivrtopic', 'eer_isactive')).toMatchObject({ type: 'bit', defaultValue: 1 });
    expect(col('eer_call', 'statecode').options?.map((o) => o.value)).toEqual([0, 1]);
  });

  it('has the contract choice values with labels in both languages', () => {
    const expected: Record<string, Record<string, number>> = {
      [CHOICES.callStatus]: CALL_STATUS_VALUES,
      [CHOICES.deliveryStatus]: DELIVERY_STATUS_VALUES,
      [CHOICES.appealKind]: APPEAL_KIND_VALUES,
      [CHOICES.appealTopic]: APPEAL_TOPIC_VALUES,
      [CHOICES.announcementSeverity]: ANNOUNCEMENT_SEVERITY_VALUES,
      [CHOICES.vaccine]: VACCINE_VALUES,
      [CHOICES.dose]: DOSE_VALUES,
    };
    expect(Object.keys(model.choices).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, values] of Object.entries(expected)) {
      const options = model.choices[name]!.options;
      expect(Object.fromEntries(options.map((o) => [o.key, o.value]))).toEqual(values);
      for (const o of options) expect(o.label.ru && o.label.en).toBeTruthy();
    }
  });

  it('defines the contract environment variables; the call threshold and home-visit hours have valid defaults', () => {
    expect(Object.keys(model.environmentVariables).sort()).toEqual(Object.values(ENVIRONMENT_VARIABLES).sort());
    const threshold = model.environmentVariables[ENVIRONMENT_VARIABLES.callTimeThresholdSeconds]!;
    expect(threshold).toMatchObject({ type: 'number', defaultValue: '180', required: false });
    const hours = model.environmentVariables[ENVIRONMENT_VARIABLES.homeVisitHours]!;
    expect(hours.type).toBe('json');
    expect(z.safeParse(WeeklyHours, JSON.parse(hours.defaultValue!)).success).toBe(true);
    for (const key of ['functionsBaseUrl', 'authClientId', 'authAuthority', 'functionsScope'] as const) {
      expect(model.environmentVariables[ENVIRONMENT_VARIABLES[key]]).toMatchObject({ type: 'string', required: true });
    }
  });

  it('defines the environment variables exactly as the controls’ settings reader expects them', () => {
    for (const d of Object.values(CONTROLS_ENVIRONMENT_VARIABLES)) {
      const v = model.environmentVariables[d.schemaName]!;
      expect({ type: v.type, defaultValue: v.defaultValue ?? null, required: v.required, displayName: v.displayName, description: v.description }).toEqual({
        type: d.type.toLowerCase(),
        defaultValue: d.defaultValue,
        required: d.isRequired,
        displayName: d.displayName,
        description: d.description,
      });
    }
  });

  it('lists views per table, with a default "today" view for the operator records', () => {
    for (const logical of Object.values(TABLES)) {
      const views = model.views.filter((v) => v.table === logical);
      expect(views.filter((v) => v.queryType === 0 && v.isDefault)).toHaveLength(1);
      for (const q of [1, 2, 4, 64]) expect(views.filter((v) => v.queryType === q)).toHaveLength(1);
      for (const v of views) for (const c of v.columns) expect(model.tables[logical]!.columns.map((x) => x.logicalName)).toContain(c);
    }
    const today = model.views.find((v) => v.table === 'eer_call' && v.isDefault && v.queryType === 0)!;
    expect(today.fetchXml).toContain('operator="today"');
    expect(today.name.ru).toBe('Звонки за сегодня');
  });

  it('has the call form (default) and the start window form on eer_call, each with the call panel', () => {
    const forms = model.forms.filter((f) => f.table === 'eer_call');
    expect(forms.map((f) => f.name.en).sort()).toEqual(['Call', 'Start window']);
    for (const f of forms) {
      const panel = f.tabs.flatMap((t) => t.sections).flatMap((s) => s.cells).find((c) => c.control?.control === 'eer_Eer.CallPanel');
      expect(panel?.field).toBe('eer_status');
      expect(panel?.control?.parameters.surface?.value).toBe(f.name.en === 'Call' ? 'callForm' : 'workspace');
      expect(forms.map((x) => x.id)).toContain(panel?.control?.parameters.callFormId?.value);
      expect(forms.map((x) => x.id)).toContain(panel?.control?.parameters.workspaceFormId?.value);
    }
  });

  it('is the same read from the committed source and from a freshly generated one', () => {
    expect(readSolutionModelFromTree(generateSource())).toEqual(model);
  });
});

describe('reference data for the admin to load', () => {
  const seed = readSeedData();

  it('fits the model: known tables and columns, values of the right type and range, required columns set', () => {
    expect(seed.map((s) => s.table).sort()).toEqual(['eer_calltype', 'eer_infoarticle', 'eer_ivrtopic', 'eer_narrowspecialty']);
    expect(checkSeedData(seed, model)).toEqual([]);
  });

  it('reports rows that do not fit', () => {
    const bad = [{ table: 'eer_ivrtopic', description: '', rows: [{ eer_digit: 9, eer_greeting: 5, eer_nope: 'x' }] }];
    expect(checkSeedData(bad, model)).toEqual([
      'eer_ivrtopic[0].eer_digit: out of range',
      'eer_ivrtopic[0].eer_greeting: not text',
      'eer_ivrtopic[0].eer_nope: no such column',
      'eer_ivrtopic[0].eer_name: required',
    ]);
  });

  it('has the eight menu topics of the contract, each with a greeting script', () => {
    const topics = seed.find((s) => s.table === 'eer_ivrtopic')!.rows;
    expect(topics.map((r) => [r.eer_digit, r.eer_name])).toEqual(IVR_TOPICS.map((t) => [t.digit, t.name.ru]));
    for (const t of topics) expect(String(t.eer_greeting).length).toBeGreaterThan(50);
  });

  it('writes CSV with Russian column headers for the import wizard', () => {
    const csv = seedCsv(seed.find((s) => s.table === 'eer_calltype')!, model);
    const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Ключ,Название,Порядок,Активна');
    expect(first).toBe('appointment_booked,Запись на приём,10,1');
  });
});
