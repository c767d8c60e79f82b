import { checkupPlan } from './checkups';

describe('checkupPlan (Order № 404н)', () => {
  it.each([
    // [birth year, year, age reached, dispensarisation due]
    [2008, 2026, 18, 'due'],
    [2007, 2026, 19, 'notDue'],
    [2005, 2026, 21, 'due'],
    [1990, 2026, 36, 'due'],
    [1988, 2026, 38, 'notDue'],
    [1987, 2026, 39, 'due'],
    [1986, 2026, 40, 'due'],
    [1950, 2026, 76, 'due'],
  ] as const)('born %p, in %p (age %p): dispensarisation %p', (birthYear, year, age, due) => {
    const plan = checkupPlan(birthYear, year);
    expect(plan.ageThisYear).toBe(age);
    expect(plan.dispensarisation).toBe(due);
    expect(plan.checkup).toBe('due');
  });

  it('says when dispensarisation is due next', () => {
    expect(checkupPlan(2007, 2026).nextDispensarisation).toEqual({ year: 2028, age: 21 });
    expect(checkupPlan(1988, 2026).nextDispensarisation).toEqual({ year: 2027, age: 39 });
    expect(checkupPlan(1986, 2026).nextDispensarisation).toBeNull();
  });

  it('minors are not due for the adult check-ups; the first dispensarisation is at 18', () => {
    const plan = checkupPlan(2015, 2026);
    expect(plan).toMatchObject({ adult: false, checkup: 'notDue', dispensarisation: 'notDue', nextDispensarisation: { year: 2033, age: 18 } });
  });
});
