import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtControlFiles, discoverControls, readManifest } from './controls';

const manifest = (type: string, code = 'index.ts') => `<?xml version="1.0" encoding="utf-8" ?>
<manifest>
  <control namespace="Eer" constructor="Demo" version="1.0.0" display-name-key="N" control-type="virtual">
    <type-group name="numbers"><type>Whole.None</type><type>Decimal</type></type-group>
    <property name="value" display-name-key="V" of-type="${type}" usage="bound" required="true" />
    <property name="amount" display-name-key="A" of-type-group="numbers" usage="bound" required="false" />
    <property name="mode" display-name-key="M" of-type="Enum" usage="input" default-value="a"><value name="a">a</value><value name="b">b</value></property>
    <resources><code path="${code}" order="1" /><resx path="strings/Demo.1049.resx" version="1.0.0" /></resources>
  </control>
</manifest>`;

describe('controls under controls/', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'eer-controls-'));
    fs.mkdirSync(path.join(root, 'Demo'));
    fs.writeFileSync(path.join(root, 'Demo', 'ControlManifest.Input.xml'), manifest('SingleLine.Text'));
    fs.mkdirSync(path.join(root, 'NotAControl'));
    const out = path.join(root, 'out', 'Demo');
    fs.mkdirSync(path.join(out, 'strings'), { recursive: true });
    fs.writeFileSync(path.join(out, 'ControlManifest.xml'), manifest('SingleLine.Text', 'bundle.js'));
    fs.writeFileSync(path.join(out, 'bundle.js'), '/* built */');
    fs.writeFileSync(path.join(out, 'bundle.js.LICENSE.txt'), 'licences');
    fs.writeFileSync(path.join(out, 'strings', 'Demo.1049.resx'), '<root />');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('are the folders with a ControlManifest.Input.xml, named <prefix>_<namespace>.<constructor>', () => {
    const [demo, ...rest] = discoverControls(root, path.join(root, 'out'), 'eer');
    expect(rest).toEqual([]);
    expect(demo).toMatchObject({ folder: 'Demo', namespace: 'Eer', constructorName: 'Demo', solutionName: 'eer_Eer.Demo' });
    expect(demo!.properties).toEqual([
      { name: 'value', usage: 'bound', types: ['SingleLine.Text'], required: true, defaultValue: undefined },
      { name: 'amount', usage: 'bound', types: ['Whole.None', 'Decimal'], required: false, defaultValue: undefined },
      { name: 'mode', usage: 'input', types: ['Enum'], required: false, defaultValue: 'a', enumValues: ['a', 'b'] },
    ]);
  });

  it('ship the built manifest and the files it names, not other build leftovers', () => {
    const [demo] = discoverControls(root, path.join(root, 'out'), 'eer');
    expect(builtControlFiles(demo!)).toEqual(['ControlManifest.xml', 'bundle.js', 'strings/Demo.1049.resx']);
  });

  it('refuse a missing build, a missing built file and a build older than the manifest', () => {
    const [demo] = discoverControls(root, path.join(root, 'out'), 'eer');
    fs.rmSync(path.join(root, 'out', 'Demo', 'strings', 'Demo.1049.resx'));
    expect(() => builtControlFiles(demo!)).toThrow(/strings\/Demo\.1049\.resx missing/);
    fs.writeFileSync(path.join(root, 'out', 'Demo', 'ControlManifest.xml'), manifest('Multiple', 'bundle.js'));
    expect(() => builtControlFiles(demo!)).toThrow(/older than its manifest/);
    fs.rmSync(path.join(root, 'out'), { recursive: true });
    expect(() => builtControlFiles(demo!)).toThrow(/not built/);
  });

  it('read a manifest that is not one as an error', () => {
    expect(() => readManifest('<root />')).toThrow(/not a PCF manifest/);
  });
});
