/**
 * Who is due for what this year (IVR topic 7). Source: Order of the Ministry of Health of Russia of 27.04.2021
 * № 404н «Об утверждении Порядка проведения профилактического медицинского осмотра и диспансеризации определенных
 * групп взрослого населения» (periodicity): the preventive check-up (профилактический медицинский осмотр) is yearly
 * from 18; dispensarisation (диспансеризация) is once every three years from 18 to 39 inclusive and yearly from 40.
 * The year of an examination is the calendar year in which the person reaches the age, so a patient born in 1987 is
 * due in 2026 (39) whatever the birthday. Minors are examined under Order № 514н, by the paediatrician.
 */
export type Due = 'due' | 'notDue';

export interface CheckupPlan {
  /** The age reached in `year`. */
  ageThisYear: number;
  year: number;
  adult: boolean;
  /** Yearly from 18. */
  checkup: Due;
  /** Every 3 years 18–39 (18, 21, …, 39), yearly from 40. */
  dispensarisation: Due;
  /** When not due this year: the next year it is, and the age then. */
  nextDispensarisation: { year: number; age: number } | null;
}

function dispensarisationDue(age: number): boolean {
  if (age >= 40) return true;
  return age >= 18 && (age - 18) % 3 === 0;
}

/** The plan for a patient born in `birthYear`, in calendar `year` (the region's current year). */
export function checkupPlan(birthYear: number, year: number): CheckupPlan {
  const age = year - birthYear;
  const adult = age >= 18;
  const due = dispensarisationDue(age);
  let next: { year: number; age: number } | null = null;
  if (!due) {
    for (let later = age + 1; later <= 40; later++) {
      if (dispensarisationDue(later)) {
        next = { year: year + (later - age), age: later };
        break;
      }
    }
  }
  return { ageThisYear: age, year, adult, checkup: adult ? 'due' : 'notDue', dispensarisation: due ? 'due' : 'notDue', nextDispensarisation: next };
}
