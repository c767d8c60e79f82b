import * as z from 'zod/mini';
import { LocalizedText } from './messages';

/** The key a caller pressed in the 122 menu. */
export const IvrDigit = z.int().check(z.gte(1), z.lte(8));
export type IvrDigit = z.infer<typeof IvrDigit>;

export const IvrTopicKey = z.enum([
  'covid_info',
  'volunteer_help_65_plus',
  'doctor_appointment',
  'home_visit',
  'appeal',
  'opening_hours',
  'checkups',
  'medical_staff_vaccination',
]);
export type IvrTopicKey = z.infer<typeof IvrTopicKey>;

export const IvrTopic = z.object({ digit: IvrDigit, key: IvrTopicKey, name: LocalizedText });
export type IvrTopic = z.infer<typeof IvrTopic>;

/** The 122 menu, in the order of the operator manual (§1). */
export const IVR_TOPICS = [
  {
    digit: 1,
    key: 'covid_info',
    name: { ru: 'Информация о коронавирусной инфекции', en: 'COVID-19 information' },
  },
  {
    digit: 2,
    key: 'volunteer_help_65_plus',
    name: { ru: 'Помощь волонтёров гражданам старше 65 лет', en: 'Volunteer help for citizens over 65' },
  },
  { digit: 3, key: 'doctor_appointment', name: { ru: 'Запись на приём к врачу', en: "Doctor's appointment" } },
  { digit: 4, key: 'home_visit', name: { ru: 'Вызов врача на дом', en: 'Home visit by a doctor' } },
  { digit: 5, key: 'appeal', name: { ru: 'Обращение или жалоба', en: 'Appeal or complaint' } },
  {
    digit: 6,
    key: 'opening_hours',
    name: { ru: 'Режим работы медицинских организаций', en: 'Opening hours of medical organisations' },
  },
  {
    digit: 7,
    key: 'checkups',
    name: { ru: 'Профилактические осмотры и диспансеризация', en: 'Check-ups and dispensarisation' },
  },
  {
    digit: 8,
    key: 'medical_staff_vaccination',
    name: { ru: 'Запись на вакцинацию медицинских работников', en: 'Vaccination booking for medical workers' },
  },
] as const satisfies readonly IvrTopic[];

export function ivrTopic(digit: number): IvrTopic | undefined {
  return IVR_TOPICS.find((t) => t.digit === digit);
}
