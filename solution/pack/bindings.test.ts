import { TABLES } from '@eer/contract';
import { pcfType } from './columnTypes';
import { product, solutionPaths } from './config';
import type { ControlInfo } from './controls';
import { mainFormId, pendingPlacements, resolvePlacement, resolvePlacements } from './form';
import { discoverProductControls, generateSource } from './generate';
import { resolvedTables } from './model';
import { PLACEMENTS, type Placement } from './placements';
import { readSolutionModelFromTree } from './readModel';
import { children, child, parseXml, textOf, walk } from './xml';

const paths = solutionPaths();
const tables = resolvedTables();
const controls = discoverProductControls(paths);
const tableOf = (p: Placement) => tables.find((t) => t.logicalName === TABLES[p.table])!;
const controlOf = (p: Placement) => controls.find((c) => c.folder === p.control)!;

describe('form placements of the controls', () => {
  it('place every control under controls/ (a new control needs a placement in solution/pack/placements.ts), once per form', () => {
    const placed = PLACEMENTS.map((p) => p.control);
    expect(controls.map((c) => c.folder).filter((c) => !placed.includes(c))).toEqual([]);
    const slots = PLACEMENTS.map((p) => `${p.control}@${p.table}:${p.form ?? 'main'}`);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it('name the control as pcf.config.json says: <prefix>_<namespace>.<constructor>', () => {
    const { publisher, controlNamespace } = product(paths.root);
    for (const c of controls) {
      expect(c.namespace).toBe(controlNamespace);
      expect(c.solutionName).toBe(`${publisher.prefix}_${controlNamespace}.${c.constructorName}`);
    }
  });

  it('bind every property to a column of the type its manifest declares', () => {
    const resolved = resolvePlacements(tables, controls);
    for (const list of resolved.values()) {
      for (const r of list) {
        const table = tableOf(r.placement);
        for (const b of r.bindings.filter((x) => !x.isStatic)) {
          const column = table.columns.find((c) => c.logicalName === b.value)!;
          const property = r.control.properties.find((p) => p.name === b.property)!;
          expect(property.types).toContain(pcfType(column.type));
        }
      }
    }
  });

  it('leave out a placement whose control is not under controls/ yet, and name it', () => {
    const withoutPanel = controls.filter((c) => c.folder !== 'CallPanel');
    expect(pendingPlacements(withoutPanel).sort()).toEqual([...pendingPlacements(controls), 'CallPanel', 'CallPanel'].sort());
    const resolved = [...resolvePlacements(tables, withoutPanel).values()].flat();
    expect(resolved.some((r) => r.control.folder === 'CallPanel')).toBe(false);
    expect(resolved.length).toBe(PLACEMENTS.filter((p) => p.control !== 'CallPanel' && controls.some((c) => c.folder === p.control)).length);
  });

  it('are still blocked only while the manifest still disagrees (remove blockedBy once the control is fixed)', () => {
    for (const p of PLACEMENTS.filter((x) => x.blockedBy)) {
      expect(() => resolvePlacement(p, controlOf(p), tableOf(p))).toThrow();
    }
  });

  const fakeControl: ControlInfo = {
    folder: 'Fake',
    namespace: 'Eer',
    constructorName: 'Fake',
    version: '1.0.0',
    solutionName: 'eer_Eer.Fake',
    outDir: '/nonexistent',
    properties: [
      { name: 'patientId', usage: 'bound', types: ['SingleLine.Text'], required: true },
      { name: 'when', usage: 'bound', types: ['DateAndTime.DateAndTime'], required: false },
      { name: 'limit', usage: 'input', types: ['Whole.None'], required: true },
    ],
  };
  const call = tables.find((t) => t.key === 'call')!;
  const callPlacement: Placement<'call'> = {
    control: 'Fake',
    table: 'call',
    tab: 'call',
    label: { ru: 'т', en: 't' },
    bind: { patientId: 'patientMisId', when: 'answeredAt' },
    inputs: { limit: 5 },
  };
  const variant = (over: Partial<Placement<'call'>>) => ({ ...callPlacement, ...over }) as unknown as Placement;
  const base = variant({});

  it('resolve a correct placement to column bindings and static values', () => {
    const r = resolvePlacement(base, fakeControl, call);
    expect(r.field.logicalName).toBe('eer_patientmisid');
    expect(r.bindings).toEqual([
      { property: 'patientId', type: 'SingleLine.Text', value: 'eer_patientmisid', isStatic: false },
      { property: 'when', type: 'DateAndTime.DateAndTime', value: 'eer_answeredat', isStatic: false },
      { property: 'limit', type: 'Whole.None', value: '5', isStatic: true },
    ]);
  });

  it('fail on a column of the wrong type, an unknown column, an unknown property or a missing required one', () => {
    expect(() => resolvePlacement(variant({ bind: { patientId: 'topic' } }), fakeControl, call)).toThrow(/SingleLine\.Text but eer_topic is Whole\.None/);
    expect(() => resolvePlacement(variant({ bind: { patientId: 'nope' as never } }), fakeControl, call)).toThrow(/not a column/);
    expect(() => resolvePlacement(variant({ bind: { ...callPlacement.bind, other: 'comment' } }), fakeControl, call)).toThrow(/no property other/);
    expect(() => resolvePlacement(variant({ inputs: {} }), fakeControl, call)).toThrow(/required property limit/);
    expect(() => resolvePlacement(variant({ bind: {} }), fakeControl, call)).toThrow(/required property patientId/);
  });
});

describe('generated forms', () => {
  const tree = generateSource({ paths });
  const model = readSolutionModelFromTree(tree);

  it('give each placed control a cell on its column and a customControl per form factor naming every bound or set property', () => {
    const resolved = [...resolvePlacements(tables, controls).values()].flat();
    for (const r of resolved) {
      const form = model.forms.find((f) => f.id === mainFormId({ logicalName: TABLES[r.placement.table] }, { key: r.placement.form ?? 'main' }))!;
      const cell = form.tabs.flatMap((t) => t.sections).flatMap((s) => s.cells).find((c) => c.control?.control === r.control.solutionName);
      expect(cell?.field).toBe(r.field.logicalName);
      expect(Object.keys(cell!.control!.parameters).sort()).toEqual(r.bindings.map((b) => b.property).sort());
    }
    // Three form factors per control, each with the same parameters.
    for (const [p, bytes] of tree) {
      if (!p.includes('/FormXml/main/')) continue;
      for (const d of [...walk(parseXml(bytes.toString('utf8')))].filter((e) => e.name === 'controlDescription')) {
        const custom = children(d, 'customControl').filter((c) => c.attrs.name);
        expect(custom.map((c) => c.attrs.formFactor).sort()).toEqual(['0', '1', '2']);
      }
    }
  });

  it('bind only columns that exist on the form’s table, with the column’s own type', () => {
    for (const form of model.forms) {
      const table = model.tables[form.table]!;
      for (const cell of form.tabs.flatMap((t) => t.sections).flatMap((s) => s.cells)) {
        expect(table.columns.map((c) => c.logicalName)).toContain(cell.field);
        for (const [name, p] of Object.entries(cell.control?.parameters ?? {})) {
          if (p.static) continue;
          const column = table.columns.find((c) => c.logicalName === p.value);
          expect({ name, column: column?.logicalName, type: column?.pcfType }).toEqual({ name, column: p.value, type: p.type });
        }
      }
    }
  });

  it('use unique control ids and unique cell ids within a form', () => {
    for (const [p, bytes] of tree) {
      if (!p.includes('/FormXml/main/')) continue;
      const all = [...walk(parseXml(bytes.toString('utf8')))];
      const controlIds = all.filter((e) => e.name === 'control').map((e) => e.attrs.id);
      const cellIds = all.filter((e) => e.name === 'cell').map((e) => e.attrs.id);
      expect(new Set(controlIds).size).toBe(controlIds.length);
      expect(new Set(cellIds).size).toBe(cellIds.length);
      const formId = textOf(child(child(parseXml(bytes.toString('utf8')), 'systemform')!, 'formid'));
      expect(p.endsWith(`${formId}.xml`)).toBe(true);
    }
  });
});
