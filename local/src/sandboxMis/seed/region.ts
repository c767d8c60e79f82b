/** The fixed shape of the synthetic region: districts, localities, medical organisations (ids are stable). */
import type { AreaType } from '@eer/contract';

export interface DistrictSeed {
  id: string;
  name: string;
  okato: string;
}

export interface LocalitySeed {
  id: string;
  districtId: string;
  /** «г. Северогорск»: what Location.name holds. */
  name: string;
  /** «Северогорск»: Address.city. */
  city: string;
  postalCode: string;
  phoneCode: string;
  urban: boolean;
}

export interface MoSeed {
  id: string;
  shortName: string;
  fullName: string;
  localityId: string;
  email: string;
  /** Area type of each of the three zones (участки). */
  zoneTypes: [AreaType, AreaType, AreaType];
  saturday: boolean;
  homeVisitUntil: string;
}

export const DISTRICTS: DistrictSeed[] = [
  { id: 'district-1', name: 'Центральный район', okato: '69401000000' },
  { id: 'district-2', name: 'Заречный район', okato: '69408000000' },
  { id: 'district-3', name: 'Сосновский район', okato: '69412000000' },
];

export const LOCALITIES: LocalitySeed[] = [
  { id: 'locality-1', districtId: 'district-1', name: 'г. Северогорск', city: 'Северогорск', postalCode: '634050', phoneCode: '3822', urban: true },
  { id: 'locality-2', districtId: 'district-2', name: 'г. Заречинск', city: 'Заречинск', postalCode: '636150', phoneCode: '38241', urban: true },
  { id: 'locality-3', districtId: 'district-2', name: 'пос. Лесной', city: 'Лесной', postalCode: '636160', phoneCode: '38241', urban: false },
  { id: 'locality-4', districtId: 'district-3', name: 'с. Сосновка', city: 'Сосновка', postalCode: '636700', phoneCode: '38254', urban: false },
  { id: 'locality-5', districtId: 'district-3', name: 'д. Берёзовка', city: 'Берёзовка', postalCode: '636710', phoneCode: '38254', urban: false },
];

const T: AreaType = 'therapeutic';
const GP: AreaType = 'general_practice';

export const MEDICAL_ORGANISATIONS: MoSeed[] = [
  { id: 'mo-01', shortName: 'ГП № 1', fullName: 'ОГАУЗ «Северогорская городская поликлиника № 1»', localityId: 'locality-1', email: 'gp1@mo.eer122.test', zoneTypes: [T, T, T], saturday: true, homeVisitUntil: '16:00' },
  { id: 'mo-02', shortName: 'ГП № 2', fullName: 'ОГАУЗ «Северогорская городская поликлиника № 2»', localityId: 'locality-1', email: 'gp2@mo.eer122.test', zoneTypes: [T, T, T], saturday: true, homeVisitUntil: '16:00' },
  { id: 'mo-03', shortName: 'ГП № 3', fullName: 'ОГАУЗ «Северогорская городская поликлиника № 3»', localityId: 'locality-1', email: 'gp3@mo.eer122.test', zoneTypes: [T, T, GP], saturday: false, homeVisitUntil: '14:00' },
  { id: 'mo-04', shortName: 'ГБ № 2', fullName: 'ОГАУЗ «Северогорская городская больница № 2»', localityId: 'locality-1', email: 'gb2@mo.eer122.test', zoneTypes: [T, T, T], saturday: true, homeVisitUntil: '14:00' },
  { id: 'mo-05', shortName: 'Заречинская ЦРБ', fullName: 'ОГБУЗ «Заречинская центральная районная больница»', localityId: 'locality-2', email: 'crb@zarechinsk.eer122.test', zoneTypes: [T, T, T], saturday: true, homeVisitUntil: '15:00' },
  { id: 'mo-06', shortName: 'Заречинская ГП', fullName: 'ОГБУЗ «Заречинская городская поликлиника»', localityId: 'locality-2', email: 'gp@zarechinsk.eer122.test', zoneTypes: [T, T, GP], saturday: false, homeVisitUntil: '14:00' },
  { id: 'mo-07', shortName: 'Лесная УБ', fullName: 'ОГБУЗ «Лесная участковая больница»', localityId: 'locality-3', email: 'ub@lesnoy.eer122.test', zoneTypes: [T, GP, GP], saturday: false, homeVisitUntil: '13:00' },
  { id: 'mo-08', shortName: 'Сосновская ЦРБ', fullName: 'ОГБУЗ «Сосновская центральная районная больница»', localityId: 'locality-4', email: 'crb@sosnovka.eer122.test', zoneTypes: [T, T, GP], saturday: true, homeVisitUntil: '15:00' },
  { id: 'mo-09', shortName: 'Сосновская АВОП', fullName: 'ОГБУЗ «Амбулатория врача общей практики с. Сосновка»', localityId: 'locality-4', email: 'avop@sosnovka.eer122.test', zoneTypes: [GP, GP, GP], saturday: false, homeVisitUntil: '13:00' },
  { id: 'mo-10', shortName: 'Берёзовская УБ', fullName: 'ОГБУЗ «Берёзовская участковая больница»', localityId: 'locality-5', email: 'ub@berezovka.eer122.test', zoneTypes: [T, T, GP], saturday: false, homeVisitUntil: '13:00' },
];

/** Departments of every MO: district doctors in the first two, narrow specialists in the third. */
export const DEPARTMENTS = ['Терапевтическое отделение', 'Педиатрическое отделение', 'Консультативно-диагностическое отделение'] as const;

/** Vaccination points: in these MOs. */
export const VACCINATION_POINT_MOS = ['mo-01', 'mo-04', 'mo-05', 'mo-08'] as const;
