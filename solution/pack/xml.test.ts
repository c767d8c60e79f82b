import { el, parseXml, renderXml, text, attr } from './xml';

describe('xml', () => {
  it('renders like an export and parses back to the same text', () => {
    const doc = el(
      'root',
      { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', a: 'x < "y" & z' },
      text('Name', 'Звонок & <тест>'),
      el('empty'),
      el('list', {}, el('item', { value: 1, flag: true }), el('item', { value: 2, flag: false })),
    );
    const xml = renderXml(doc);
    expect(xml).toContain('<empty />');
    expect(xml).toContain('<item value="1" flag="1" />');
    expect(xml).toContain('<Name>Звонок &amp; &lt;тест&gt;</Name>');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(renderXml(parseXml(xml))).toBe(xml);
  });

  it('reads attributes named like Object members (a PCF manifest has `constructor`)', () => {
    const root = parseXml('<manifest><control namespace="Eer" constructor="CallPanel" /></manifest>');
    const control = root.children[0]!;
    expect(typeof control !== 'string' && attr(control, 'constructor')).toBe('CallPanel');
    expect(typeof control !== 'string' && attr(control, 'toString')).toBeUndefined();
  });

  it('drops a BOM and the declaration, and refuses a file that is not one document', () => {
    expect(parseXml('\uFEFF<?xml version="1.0" encoding="utf-8"?><a>1</a>').name).toBe('a');
    expect(() => parseXml('<a></a><b></b>')).toThrow(/one root/);
  });
});
