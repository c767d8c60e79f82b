import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const root = path.join(__dirname, '..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'pcf.config.json'), 'utf8')) as {
  controlNamespace: string;
  languages: number[];
  platformLibraries: Record<string, string>;
};
const controlsDir = path.join(root, 'controls');
const controls = fs.readdirSync(controlsDir).filter((d) => fs.existsSync(path.join(controlsDir, d, 'ControlManifest.Input.xml')));
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function resxKeys(control: string, lcid: number): Map<string, string> {
  const xml = parser.parse(fs.readFileSync(path.join(controlsDir, control, 'strings', `${control}.${lcid}.resx`), 'utf8')) as {
    root: { data: Array<{ '@_name': string; value: unknown }> };
  };
  return new Map(asArray(xml.root.data).map((d) => [d['@_name'], String(d.value)]));
}

describe('control manifests', () => {
  it('there is at least one control', () => expect(controls.length).toBeGreaterThan(0));

  describe.each(controls)('%s', (control) => {
    const manifest = parser.parse(fs.readFileSync(path.join(controlsDir, control, 'ControlManifest.Input.xml'), 'utf8')) as {
      manifest: { control: Record<string, unknown> & { property?: unknown; resources: { 'platform-library'?: unknown; resx?: unknown } } };
    };
    const c = manifest.manifest.control;

    it('uses the namespace from pcf.config.json, is virtual, and its constructor is its folder', () => {
      expect(c['@_namespace']).toBe(config.controlNamespace);
      expect(c['@_control-type']).toBe('virtual');
      expect(c['@_constructor']).toBe(control);
    });

    it('declares the React and Fluent platform libraries at the pinned versions', () => {
      const libs = asArray(c.resources['platform-library'] as { '@_name': string; '@_version': string }[]);
      expect(Object.fromEntries(libs.map((l) => [l['@_name'], l['@_version']]))).toEqual(config.platformLibraries);
    });

    it('lists resx in every product language, Russian first, with the same keys', () => {
      const resx = asArray(c.resources.resx as { '@_path': string }[]).map((r) => r['@_path']);
      expect(resx).toEqual(config.languages.map((lcid) => `strings/${control}.${lcid}.resx`));
      const [first, ...rest] = config.languages.map((lcid) => [...resxKeys(control, lcid).keys()].sort());
      for (const keys of rest) expect(keys).toEqual(first);
    });

    it('has a display name and description for the control and every property in both languages', () => {
      const keys = [c['@_display-name-key'], c['@_description-key']];
      for (const p of asArray(c.property as Record<string, string>[])) keys.push(p['@_display-name-key'], p['@_description-key']);
      for (const lcid of config.languages) {
        const strings = resxKeys(control, lcid);
        for (const key of keys) expect([lcid, key, (strings.get(String(key)) ?? '').length > 0]).toEqual([lcid, key, true]);
      }
    });
  });
});
