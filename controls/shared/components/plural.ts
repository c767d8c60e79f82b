import type { Lang } from '@eer/contract';

/** The plural form a count takes: Russian has three (1 год, 2 года, 5 лет), English two (one and the rest → many). */
export type PluralForm = 'one' | 'few' | 'many';

const rules = new Map<Lang, Intl.PluralRules>();

export function pluralForm(count: number, lang: Lang): PluralForm {
  let r = rules.get(lang);
  if (!r) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  const form = r.select(count);
  return form === 'one' || form === 'few' ? form : 'many';
}

/** The resx template for the count's form with the count put in: `{0} лет` → «5 лет». */
export function pluralText(count: number, lang: Lang, templates: Record<PluralForm, string>): string {
  return templates[pluralForm(count, lang)].replace('{0}', String(count));
}
