/**
 * Reference articles the operator reads to callers (table eer_infoarticle, kept by analysts in the CRM): COVID-19
 * (IVR topic 1) and check-ups (topic 7, with the ages each applies to). Read over the host's `context.webAPI`.
 */
import { COLUMNS, TABLES } from '@eer/contract';

const C = COLUMNS.infoArticle;

export interface InfoArticle {
  id: string;
  title: string;
  text: string;
  minAge: number | null;
  maxAge: number | null;
}

export interface InfoArticles {
  /** Active articles of an IVR topic, by title; with `age`, only those whose age range holds it. */
  list(topic: number, age: number | null): Promise<InfoArticle[]>;
}

export type ArticlesWebApi = Pick<ComponentFramework.WebApi, 'retrieveMultipleRecords'>;

/** The OData query of `list`: the age bounds are open when empty. */
export function articlesQuery(topic: number, age: number | null): string {
  const filters = [`${C.topic} eq ${Math.trunc(topic)}`, `${C.isActive} eq true`];
  if (age !== null) {
    const a = Math.trunc(age);
    filters.push(`(${C.minAge} eq null or ${C.minAge} le ${a})`, `(${C.maxAge} eq null or ${C.maxAge} ge ${a})`);
  }
  return `?$select=${C.name},${C.text},${C.minAge},${C.maxAge}&$filter=${filters.join(' and ')}&$orderby=${C.name} asc`;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);

export function infoArticles(webAPI: ArticlesWebApi): InfoArticles {
  return {
    async list(topic, age) {
      const result = await webAPI.retrieveMultipleRecords(TABLES.infoArticle, articlesQuery(topic, age));
      return result.entities.map((e) => ({
        id: String(e[`${TABLES.infoArticle}id`] ?? ''),
        title: typeof e[C.name] === 'string' ? (e[C.name] as string) : '',
        text: typeof e[C.text] === 'string' ? (e[C.text] as string) : '',
        minAge: num(e[C.minAge]),
        maxAge: num(e[C.maxAge]),
      }));
    },
  };
}
