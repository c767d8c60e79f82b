/**
 * The OData query options the desk's Web API answers, as Dataverse reads them: `$select`, `$filter` (comparisons,
 * `and`/`or`/`not`, parentheses, `contains`/`startswith`/`endswith`), `$orderby`, `$top`, `$expand` (collection
 * navigation with nested options) and the desk's own `$skiptoken`. Anything else is refused, so a control never
 * passes here on a query Dataverse would treat differently. Column names are checked by the store, not here.
 *
 * The one OData implementation of the repository: the desk's store and the controls' test double of `webAPI`
 * (controls/shared/test/contextMock.ts) both use it, so it imports nothing but errors.ts (no Node modules).
 */
import { DataverseError } from './errors';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; column: string; value: unknown }
  | { kind: 'call'; fn: 'contains' | 'startswith' | 'endswith'; column: string; value: string };

export interface ODataQuery {
  select?: string[];
  filter?: FilterNode;
  expand?: Array<{ name: string; query: ODataQuery }>;
  top?: number;
  orderby?: Array<{ column: string; desc: boolean }>;
  skiptoken?: number;
}

const badQuery = (message: string) => new DataverseError('queryInvalid', message);

/** Splits on `separator` outside parentheses and quotes. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Parses `?$select=…&$filter=…` (or, inside `$expand(…)`, the same options separated by `;`). */
export function parseODataQuery(options: string | undefined, separator = '&'): ODataQuery {
  const query: ODataQuery = {};
  const text = (options ?? '').trim().replace(/^\?/, '');
  for (const part of splitTop(text, separator)) {
    const eq = part.indexOf('=');
    if (eq < 0) throw badQuery(`The query parameter '${part}' is not supported`);
    const key = decode(part.slice(0, eq)).trim().toLowerCase();
    const value = decode(part.slice(eq + 1)).trim();
    switch (key) {
      case '$select':
        query.select = value.split(',').map((c) => c.trim());
        break;
      case '$filter':
        query.filter = parseFilter(value);
        break;
      case '$top':
        if (!/^\d+$/.test(value)) throw badQuery(`Invalid value '${value}' for $top query option`);
        query.top = Number(value);
        break;
      case '$skiptoken':
        query.skiptoken = Number(value) || 0;
        break;
      case '$orderby':
        query.orderby = value.split(',').map((item) => {
          const [column, direction, extra] = item.trim().split(/\s+/);
          if (extra !== undefined || (direction !== undefined && !/^(asc|desc)$/i.test(direction))) throw badQuery(`Invalid $orderby '${item}'`);
          return { column: column!, desc: direction?.toLowerCase() === 'desc' };
        });
        break;
      case '$expand':
        query.expand = splitTop(value, ',').map((item) => {
          const open = item.indexOf('(');
          if (open < 0) return { name: item.trim(), query: {} };
          return { name: item.slice(0, open).trim(), query: parseODataQuery(item.slice(open + 1, item.lastIndexOf(')')), ';') };
        });
        break;
      default:
        throw badQuery(`The query parameter ${key || part} is not supported`);
    }
  }
  return query;
}

const TOKEN =
  /\s*(\(|\)|,|'(?:[^']|'')*'|\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d{4}-\d{2}-\d{2}|-?\d+(?:\.\d+)?|[A-Za-z_][\w./]*)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) throw badQuery(`Syntax error in $filter near '${text.slice(TOKEN.lastIndex, TOKEN.lastIndex + 20)}'`);
    tokens.push(m[1]!);
  }
  return tokens;
}

function literal(token: string): unknown {
  if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
  if (token === 'null') return null;
  if (token === 'true' || token === 'false') return token === 'true';
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  if (/^\d{4}-\d{2}-\d{2}/.test(token)) return token;
  if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(token)) return token.toLowerCase();
  throw badQuery(`Unsupported value '${token}' in $filter`);
}

const OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
const FUNCTIONS = ['contains', 'startswith', 'endswith'] as const;

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let i = 0;
  const expect = (t: string) => {
    if (tokens[i++] !== t) throw badQuery(`Syntax error in $filter '${text}': expected '${t}'`);
  };
  const or = (): FilterNode => {
    let left = and();
    while (tokens[i] === 'or') {
      i++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): FilterNode => {
    let left = unary();
    while (tokens[i] === 'and') {
      i++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): FilterNode => {
    if (tokens[i] === 'not') {
      i++;
      return { kind: 'not', operand: unary() };
    }
    if (tokens[i] === '(') {
      i++;
      const inner = or();
      expect(')');
      return inner;
    }
    const first = tokens[i++];
    if (first === undefined) throw badQuery(`Incomplete $filter '${text}'`);
    const fn = FUNCTIONS.find((f) => f === first.toLowerCase());
    if (fn) {
      expect('(');
      const column = tokens[i++]!;
      expect(',');
      const value = literal(tokens[i++] ?? '');
      expect(')');
      return { kind: 'call', fn, column, value: String(value) };
    }
    const op = OPERATORS.find((o) => o === tokens[i]);
    if (!op) throw badQuery(`Unsupported $filter operator '${tokens[i] ?? ''}' in '${text}'`);
    i++;
    return { kind: 'compare', op, column: first, value: literal(tokens[i++] ?? '') };
  };
  const node = or();
  if (i !== tokens.length) throw badQuery(`Syntax error in $filter '${text}' at '${tokens[i]}'`);
  return node;
}

/** Every column a filter names, to check them against the table. */
export function filterColumns(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterColumns(node.left), ...filterColumns(node.right)];
    case 'not':
      return filterColumns(node.operand);
    default:
      return [node.column];
  }
}

/** Dataverse compares text case-insensitively; GUIDs without braces; dates as instants. */
function normal(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return value;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  return value.replace(/^\{(.*)\}$/, '$1').toLowerCase();
}

export function compareValues(a: unknown, b: unknown): number {
  const x = normal(a);
  const y = normal(b);
  if (x === y) return 0;
  if (x === null || x === undefined) return -1;
  if (y === null || y === undefined) return 1;
  return (x as number | string) < (y as number | string) ? -1 : 1;
}

export function matches(node: FilterNode, row: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, row) && matches(node.right, row);
    case 'or':
      return matches(node.left, row) || matches(node.right, row);
    case 'not':
      return !matches(node.operand, row);
    case 'call': {
      const value = String(normal(row[node.column]) ?? '');
      const needle = String(normal(node.value));
      return node.fn === 'contains' ? value.includes(needle) : node.fn === 'startswith' ? value.startsWith(needle) : value.endsWith(needle);
    }
    case 'compare': {
      const value = row[node.column] ?? null;
      if (node.value === null || value === null) {
        const same = node.value === null && value === null;
        return node.op === 'eq' ? same : node.op === 'ne' ? !same : false;
      }
      const c = compareValues(value, node.value);
      return { eq: c === 0, ne: c !== 0, gt: c > 0, ge: c >= 0, lt: c < 0, le: c <= 0 }[node.op];
    }
  }
}

/** `$filter`, then `$orderby`, then `$top` over in-memory rows (`$select`/`$expand` shape rows; the caller's job). */
export function runQuery<R extends Record<string, unknown>>(rows: R[], query: ODataQuery): R[] {
  let out = query.filter ? rows.filter((row) => matches(query.filter!, row)) : [...rows];
  if (query.orderby) {
    const order = query.orderby;
    out.sort((a, b) => {
      for (const { column, desc } of order) {
        const c = compareValues(a[column], b[column]);
        if (c !== 0) return desc ? -c : c;
      }
      return 0;
    });
  }
  if (query.top !== undefined) out = out.slice(0, query.top);
  return out;
}
