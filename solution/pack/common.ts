/** Small pieces every generator uses: stable GUIDs and bilingual label elements. */
import { createHash } from 'node:crypto';
import { LANGUAGES, type Label } from './config';
import { el, type XmlElement } from './xml';

/**
 * A GUID derived from a name (UUID v5 layout over SHA-1), so regenerating the source gives the same form, view and
 * role ids: Dataverse matches components on import by these ids.
 */
export function stableGuid(...name: string[]): string {
  const h = createHash('sha1').update(`eer122:${name.join(':')}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
export const braced = (guid: string) => `{${guid}}`;

/** Id of a main form: `main` is a table's only (or default) form; other keys name further main forms. */
export function formGuid(tableLogicalName: string, formKey = 'main'): string {
  return stableGuid('form', tableLogicalName, formKey);
}

/** `<tag description="…" languagecode="1049" />` for each language. */
export function labelEls(tag: string, label: Label, attr = 'description'): XmlElement[] {
  return LANGUAGES.map(({ lcid, key }) => el(tag, { [attr]: label[key], languagecode: lcid }));
}

/** `<wrapper><tag description languagecode/>…</wrapper>`. */
export function labelList(wrapper: string, tag: string, label: Label): XmlElement {
  return el(wrapper, {}, labelEls(tag, label));
}

/** Site map / form navigation titles: `<Titles><Title LCID Title/></Titles>`. */
export function titles(label: Label, attr = 'Title'): XmlElement {
  return el(
    'Titles',
    {},
    LANGUAGES.map(({ lcid, key }) => el('Title', { LCID: lcid, [attr]: label[key] })),
  );
}

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const INTRODUCED_VERSION = '1.0.0.0';
