import { formatPolicy, formatSnils, type Lang, type PatientSummary } from '@eer/contract';
import { dateMaskFromIso } from '../shared/components/masks';
import { pluralText } from '../shared/components/plural';
import type { Strings } from '../shared/pcf/strings';
import type { PatientSearchStringKey } from './strings';

type S = Strings<PatientSearchStringKey>;

/** «45 лет», «21 год», «3 года». */
export function ageText(age: number, lang: Lang, strings: S): string {
  return pluralText(age, lang, { one: strings.Age_One, few: strings.Age_Few, many: strings.Age_Many });
}

/** Dates as the region writes them: 01.02.1980. */
export const dateText = dateMaskFromIso;

/** The second line of a list row: birth date, age, SNILS or policy, attachment. */
export function summaryDetails(p: PatientSummary, lang: Lang, strings: S): string {
  const parts = [`${dateText(p.birthDate)} (${ageText(p.age, lang, strings)})`];
  if (p.snils) parts.push(`${strings.Card_Snils} ${formatSnils(p.snils)}`);
  else if (p.policy) parts.push(`${strings.Card_Policy} ${formatPolicy(p.policy)}`);
  if (p.attachmentMoName) parts.push(p.attachmentMoName);
  return parts.join(' · ');
}
