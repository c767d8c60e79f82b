/**
 * A small XML tree: the generator builds it, the packer and unpacker parse files into it and render it again.
 * Rendering follows the layout of exported solution files (two-space indent, `<a x="1" />`), so a file rendered,
 * parsed and rendered again is byte-identical: that is what lets the zip unpack to the same source.
 */
import { XMLParser } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

type AttrValue = string | number | boolean | undefined | null;

/** `el('a', {x: 1}, child, …)`: undefined/null attributes are left out, booleans become 1/0 (the export's style). */
export function el(name: string, attrs: Record<string, AttrValue> = {}, ...children: (XmlNode | XmlNode[] | undefined | false)[]): XmlElement {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    clean[k] = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  }
  const flat: XmlNode[] = [];
  for (const c of children) {
    if (c === undefined || c === false) continue;
    if (Array.isArray(c)) flat.push(...c);
    else flat.push(c);
  }
  return { name, attrs: clean, children: flat };
}

/** An element holding only text: `<Name>value</Name>`. */
export function text(name: string, value: AttrValue, attrs: Record<string, AttrValue> = {}): XmlElement {
  return el(name, attrs, value === undefined || value === null ? '' : typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

function renderNode(node: XmlNode, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(indent + escapeText(node));
    return;
  }
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');
  const open = `${indent}<${node.name}${attrs}`;
  const kids = node.children.filter((c) => typeof c !== 'string' || c.length > 0);
  if (kids.length === 0) {
    out.push(`${open} />`);
  } else if (kids.every((c) => typeof c === 'string')) {
    out.push(`${open}>${(kids as string[]).map(escapeText).join('')}</${node.name}>`);
  } else {
    out.push(`${open}>`);
    for (const c of kids) renderNode(c, indent + '  ', out);
    out.push(`${indent}</${node.name}>`);
  }
}

/** The file text: declaration, the tree, a final newline. */
export function renderXml(root: XmlElement, options: { declaration?: boolean } = {}): string {
  const out: string[] = options.declaration === false ? [] : [XML_DECLARATION];
  renderNode(root, '', out);
  return out.join('\n') + '\n';
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  // Prefixed, so attributes like a manifest's `constructor` are not refused as prototype pollution.
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type Ordered = Record<string, unknown>;

function fromOrdered(items: Ordered[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    if ('#text' in item) {
      nodes.push(String(item['#text']));
      continue;
    }
    if ('#comment' in item) continue;
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name) continue;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((item[':@'] as Record<string, string> | undefined) ?? {})) {
      Object.defineProperty(attrs, k.slice(2), { value: String(v), enumerable: true, writable: true, configurable: true });
    }
    nodes.push({ name, attrs, children: fromOrdered(item[name] as Ordered[]) });
  }
  return nodes;
}

/** Parses one XML document (a UTF-8 BOM and the declaration are dropped) into its root element. */
export function parseXml(source: string): XmlElement {
  const body = source.replace(/^\uFEFF/, '');
  const roots = fromOrdered(parser.parse(body) as Ordered[]).filter((n): n is XmlElement => typeof n !== 'string');
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

/** An attribute's value; own properties only (an attribute named like an Object member stays safe). */
export function attr(node: XmlElement, name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(node.attrs, name) ? node.attrs[name] : undefined;
}

/** Child elements, optionally by name. */
export function children(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(node: XmlElement, name: string): XmlElement | undefined {
  return children(node, name)[0];
}

/** The element's text content (its direct text children). */
export function textOf(node: XmlElement | undefined): string {
  if (!node) return '';
  return node.children.filter((c): c is string => typeof c === 'string').join('');
}

/** Every element below (and including) `node`, depth first. */
export function* walk(node: XmlElement): Generator<XmlElement> {
  yield node;
  for (const c of children(node)) yield* walk(c);
}
