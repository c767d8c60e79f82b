/** Talking to the function app over real HTTP the way the controls do: bearer token, JSON, contract routes. */
import { API_ROUTES, localDate, routePath, type ApiRouteName } from '@eer/contract';
import { startStack, type Stack } from '@eer/local';
import axios, { type AxiosResponse } from 'axios';

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** A token, `null` for none; default: op-1's. */
  token?: string | null;
  lang?: 'ru' | 'en';
  responseType?: 'json' | 'arraybuffer';
}

export interface Api {
  stack: Stack;
  /** Calls a contract route by its name; never throws on a status. */
  call<T = unknown>(name: ApiRouteName, options?: CallOptions): Promise<AxiosResponse<T>>;
  get<T = unknown>(path: string, options?: { token?: string | null }): Promise<AxiosResponse<T>>;
  /** Every line the function host and the functions logged. */
  logs: string[];
  close(): Promise<void>;
}

export async function startApi(): Promise<Api> {
  const logs: string[] = [];
  const stack = await startStack({ log: (line) => logs.push(line) });
  const token = await stack.operatorToken('op-1', 'Оператор Один');
  const http = axios.create({ baseURL: `${stack.functionsUrl}/`, validateStatus: () => true, timeout: 30_000 });
  const auth = (t: string | null | undefined) => {
    const value = t === undefined ? token : t;
    return value === null ? {} : { authorization: `Bearer ${value}` };
  };
  return {
    stack,
    logs,
    call: (name, options = {}) => {
      const def = API_ROUTES[name];
      return http.request({
        method: def.method,
        url: routePath(name, options.params),
        params: options.query,
        data: options.body,
        responseType: options.responseType ?? 'json',
        headers: { ...auth(options.token), ...(options.lang ? { 'accept-language': options.lang } : {}) },
      });
    },
    get: (path, options = {}) => http.get(path, { headers: auth(options.token) }),
    close: () => stack.close(),
  };
}

/** Personal data of the fixtures that must never show up in a log line. */
export function personalDataOf(fixtures: Record<string, { lastName: string; snils: string; phone: string; policy: unknown; passport?: string }>): string[] {
  return Object.values(fixtures).flatMap((f) => [f.lastName, f.snils, f.phone, f.phone.slice(2), ...(typeof f.policy === 'string' ? [f.policy] : []), ...(f.passport ? [f.passport] : [])]);
}

/** A client key unique to this run (8–64 of A-Za-z0-9_-). */
export function clientKey(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Today in the region and the next date (from tomorrow on) with the given ISO weekday (1 Monday … 7 Sunday). */
export function regionToday(): string {
  return localDate(new Date());
}

export function nextWeekday(weekday: number, from: string = regionToday()): string {
  for (let i = 1; i <= 7; i++) {
    const date = addDays(from, i);
    if (isoWeekdayOf(date) === weekday) return date;
  }
  throw new RangeError('weekday must be 1..7');
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
