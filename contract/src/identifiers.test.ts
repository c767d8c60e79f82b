import fc from 'fast-check';
import {
  ageOn,
  BirthDate,
  CallerNumber,
  daysBetween,
  districtDoctorKind,
  Enp,
  enpCheckDigit,
  formatPassport,
  formatPhone,
  formatPolicy,
  formatSnils,
  FullNameQuery,
  isMobilePhone,
  IsoDate,
  IsoDateTime,
  isValidEnp,
  isValidSnils,
  localDate,
  MobilePhone,
  normalizePassport,
  normalizePhone,
  normalizeSnils,
  OmsPolicy,
  Passport,
  Phone,
  policyFromText,
  REGION_TIME_ZONE,
  Snils,
  snilsCheckDigits,
  StoredSnils,
} from './identifiers';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('SNILS (mis-reference §3)', () => {
  it('accepts the documented valid number and rejects the invalid one', () => {
    expect(isValidSnils('112-233-445 95')).toBe(true);
    expect(isValidSnils('112-233-445 96')).toBe(false);
    expect(snilsCheckDigits('112233445')).toBe('95');
  });

  it('computes the check for each branch of the rule', () => {
    // S < 100 → S
    expect(snilsCheckDigits('000000001')).toBe('01');
    // S = 100 and S = 101 → 00: 9·9 + 8·2 + 7·0 + … + 1·3 = 100; … + 1·4 = 101
    expect(snilsCheckDigits('920000003')).toBe('00');
    expect(snilsCheckDigits('920000004')).toBe('00');
    // S > 101 → S mod 101: 999999999 gives 9·45 = 405, 405 mod 101 = 1
    expect(snilsCheckDigits('999999999')).toBe('01');
    // S mod 101 = 100 → 00: S = 302 (9·9+8·9+7·9+6·9+5·6 + 2 = 302)
    expect(snilsCheckDigits('999960002')).toBe('00');
  });

  it('does not check the checksum up to 001-001-998', () => {
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('001-001-999 00')).toBe(false);
    expect(isValidSnils('001-001-999 ' + snilsCheckDigits('001001999'))).toBe(true);
  });

  it('needs 11 digits', () => {
    expect(isValidSnils('112-233-445 9')).toBe(false);
    expect(isValidSnils('112-233-445 955')).toBe(false);
    expect(isValidSnils('11a-233-445 95')).toBe(false);
    expect(() => snilsCheckDigits('12345')).toThrow(RangeError);
  });

  it('normalises and formats', () => {
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(formatSnils('not a snils')).toBe('not a snils');
  });

  it('property: a generated SNILS with its computed check is valid; any change of one check digit is not', () => {
    const body = digits(9).filter((b) => Number(b) > 1001998);
    fc.assert(
      fc.property(
        body,
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 9 }),
        (b, pos, shift) => {
          const check = snilsCheckDigits(b);
          const snils = b + check;
          expect(isValidSnils(snils)).toBe(true);
          expect(isValidSnils(formatSnils(snils))).toBe(true);
          const changed = check.split('');
          changed[pos] = String((Number(changed[pos]) + shift) % 10);
          expect(isValidSnils(b + changed.join(''))).toBe(false);
        },
      ),
    );
  });

  it('schema outputs 11 digits and names the failure', () => {
    expect(Snils.parse('112-233-445 95')).toBe('11223344595');
    expect(Snils.safeParse('112-233-445 96').error?.issues.map((i) => i.message)).toEqual(['snils.checksum']);
    expect(Snils.safeParse('112-233-445').error?.issues.map((i) => i.message)).toEqual(['snils.length']);
    // the MIS's own records are checked for format only
    expect(StoredSnils.parse('112-233-445 96')).toBe('11223344596');
    expect(StoredSnils.safeParse('1122').success).toBe(false);
  });
});

describe('ЕНП (mis-reference §3)', () => {
  it('accepts the documented numbers', () => {
    expect(isValidEnp('7788899730000765')).toBe(true);
    expect(isValidEnp('5494499745000410')).toBe(true);
    expect(enpCheckDigit('778889973000076')).toBe(5);
    expect(enpCheckDigit('549449974500041')).toBe(0);
  });

  it('rejects a wrong check digit or length', () => {
    expect(isValidEnp('7788899730000766')).toBe(false);
    expect(isValidEnp('778889973000076')).toBe(false);
    expect(() => enpCheckDigit('123')).toThrow(RangeError);
  });

  it('property: generated ЕНП is valid; a changed check digit or any single changed digit is not', () => {
    fc.assert(
      fc.property(digits(15), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (body, pos, shift) => {
        const enp = body + String(enpCheckDigit(body));
        expect(isValidEnp(enp)).toBe(true);
        const changed = enp.split('');
        changed[pos] = String((Number(changed[pos]) + shift) % 10);
        expect(isValidEnp(changed.join(''))).toBe(false);
      }),
    );
  });

  it('schema: ЕНП string or an old policy {series, number}', () => {
    expect(Enp.parse('7788 8997 3000 0765')).toBe('7788899730000765');
    expect(OmsPolicy.parse('7788899730000765')).toBe('7788899730000765');
    expect(OmsPolicy.parse({ series: 'ЯМ', number: '1234567' })).toEqual({ series: 'ЯМ', number: '1234567' });
    expect(OmsPolicy.safeParse('7788899730000766').error?.issues.map((i) => i.message)).toEqual(['enp.checkDigit']);
    expect(OmsPolicy.safeParse({ series: 'ABCDEFGHIJK', number: '1' }).error?.issues.map((i) => i.message)).toEqual([
      'policy.series',
    ]);
    expect(OmsPolicy.safeParse({ series: 'AB', number: '12a' }).error?.issues.map((i) => i.message)).toEqual([
      'policy.number',
    ]);
  });

  it('reads a policy typed in one field', () => {
    expect(policyFromText(' 7788 8997 3000 0765 ')).toBe('7788899730000765');
    expect(policyFromText('ЯМ 1234567')).toEqual({ series: 'ЯМ', number: '1234567' });
    expect(policyFromText('7701 № 12345678')).toEqual({ series: '7701', number: '12345678' });
    expect(policyFromText('полис')).toBeNull();
    expect(formatPolicy({ series: 'ЯМ', number: '1234567' })).toBe('ЯМ 1234567');
  });
});

describe('passport', () => {
  it.each(['45 06 123456', '4506123456', '4506 123456'])('reads %s', (spelling) => {
    expect(normalizePassport(spelling)).toEqual({ series: '4506', number: '123456' });
    expect(formatPassport(spelling)).toBe('45 06 123456');
    expect(Passport.parse(spelling)).toBe('4506123456');
  });

  it.each(['45 06 12345', '450612345678', '45-06-123456', 'АБ 06 123456'])('rejects %s', (bad) => {
    expect(normalizePassport(bad)).toBeNull();
    expect(Passport.safeParse(bad).error?.issues.map((i) => i.message)).toEqual(['passport.format']);
  });

  it('property: format and normalise round-trip', () => {
    fc.assert(
      fc.property(digits(4), digits(6), (series, number) => {
        const shown = formatPassport({ series, number });
        expect(shown).toMatch(/^\d{2} \d{2} \d{6}$/);
        expect(normalizePassport(shown)).toEqual({ series, number });
        expect(formatPassport(Passport.parse(shown))).toBe(shown);
      }),
    );
  });
});

describe('phone', () => {
  it.each([
    ['+7 (916) 123-45-67', '+79161234567'],
    ['8 916 123 45 67', '+79161234567'],
    ['7-916-123-45-67', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['(3452) 12-34-56', '+73452123456'],
    ['8 800 555 35 35', '+78005553535'],
  ])('normalises %s', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each(['', '123', '+8 916 123 45 67', '+1 212 555 0100', '9 916 123 45 67', '8916123456789', '8916abc4567'])(
    'gives null for %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it('property: every accepted spelling of one number gives the same E.164', () => {
    const spellings = (d: string) => {
      const [a, b, c, e, f] = [d.slice(0, 3), d.slice(3, 6), d.slice(6, 8), d.slice(8), ''];
      return [
        `+7${d}`,
        `8${d}`,
        `7${d}`,
        d,
        `+7 (${a}) ${b}-${c}-${e}`,
        `8 (${a}) ${b}-${c}-${e}${f}`,
        `7 ${a} ${b} ${c} ${e}`,
        ` 8-${a}-${b}-${c}-${e} `,
        `(${a}) ${b}${c}${e}`,
      ];
    };
    fc.assert(
      fc.property(digits(10), (d) => {
        for (const s of spellings(d)) {
          expect(normalizePhone(s)).toBe(`+7${d}`);
          expect(Phone.parse(s)).toBe(`+7${d}`);
        }
        expect(normalizePhone(formatPhone(`8${d}`))).toBe(`+7${d}`);
      }),
    );
  });

  it('knows mobile numbers and formats for display', () => {
    expect(isMobilePhone('8 (916) 123-45-67')).toBe(true);
    expect(isMobilePhone('+7 3452 12-34-56')).toBe(false);
    expect(isMobilePhone('garbage')).toBe(false);
    expect(formatPhone('89161234567')).toBe('+7 (916) 123-45-67');
    expect(formatPhone('no phone')).toBe('no phone');
  });

  it('schemas: Phone outputs E.164 and parses its own output; MobilePhone wants +79', () => {
    const once = Phone.parse('8 (916) 123-45-67');
    expect(Phone.parse(once)).toBe(once);
    expect(Phone.safeParse('12345').error?.issues.map((i) => i.message)).toEqual(['phone.format']);
    expect(MobilePhone.parse('89161234567')).toBe('+79161234567');
    expect(MobilePhone.safeParse('83452123456').error?.issues.map((i) => i.message)).toEqual(['phone.notMobile']);
  });

  it('caller number: withheld or foreign numbers become null instead of failing', () => {
    expect(CallerNumber.parse('8 916 123 45 67')).toBe('+79161234567');
    expect(CallerNumber.parse(null)).toBeNull();
    expect(CallerNumber.parse('+375 29 123 45 67')).toBeNull();
    expect(CallerNumber.safeParse(42).success).toBe(false);
  });
});

describe('dates and age', () => {
  it('takes the date in the region: 20:59Z and 21:01Z are different days in Moscow', () => {
    expect(REGION_TIME_ZONE).toBe('Europe/Moscow');
    expect(localDate(new Date('2024-03-15T20:59:00Z'))).toBe('2024-03-15');
    expect(localDate(new Date('2024-03-15T21:01:00Z'))).toBe('2024-03-16');
    expect(localDate(new Date('2024-03-15T21:01:00Z'), 'UTC')).toBe('2024-03-15');
    expect(localDate(new Date('2024-03-15T14:30:00Z'), 'Asia/Vladivostok')).toBe('2024-03-16');
  });

  it('counts full years in the given zone', () => {
    const now = new Date('2024-03-15T21:30:00Z'); // 16 March 00:30 in Moscow
    expect(ageOn('2000-03-16', now)).toBe(24);
    expect(ageOn('2000-03-16', now, 'UTC')).toBe(23);
    expect(ageOn('2000-03-17', now)).toBe(23);
    expect(ageOn('2024-03-16', now)).toBe(0);
  });

  it('29 February: the birthday is 28 February in common years, 29 in leap years', () => {
    const at = (iso: string) => new Date(`${iso}T12:00:00+03:00`);
    expect(ageOn('2004-02-29', at('2023-02-27'))).toBe(18);
    expect(ageOn('2004-02-29', at('2023-02-28'))).toBe(19);
    expect(ageOn('2004-02-29', at('2024-02-28'))).toBe(19);
    expect(ageOn('2004-02-29', at('2024-02-29'))).toBe(20);
  });

  it('refuses malformed and future birth dates', () => {
    const now = new Date('2024-03-15T12:00:00Z');
    expect(() => ageOn('2023-02-29', now)).toThrow(RangeError);
    expect(() => ageOn('15.03.2000', now)).toThrow(RangeError);
    expect(() => ageOn('2024-03-16', now)).toThrow(RangeError);
  });

  const birth = fc
    .record({
      y: fc.integer({ min: 1900, max: 2099 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ y, m, d }) => new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d)
    .map(({ y, m, d }) => ({ y, m, d, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }));
  const instant = fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it('property: never negative; a birth date after the local today is refused', () => {
    fc.assert(
      fc.property(birth, instant, (b, now) => {
        if (b.iso > localDate(now)) {
          expect(() => ageOn(b.iso, now)).toThrow(RangeError);
        } else {
          const age = ageOn(b.iso, now);
          expect(Number.isInteger(age)).toBe(true);
          expect(age).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('property: 0 on the day of birth, in any zone', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom('Europe/Moscow', 'Europe/Kaliningrad', 'Asia/Kamchatka', 'UTC'), (now, tz) => {
        expect(ageOn(localDate(now, tz), now, tz)).toBe(0);
      }),
    );
  });

  it('property: goes up by exactly one at local midnight of the birthday in Moscow (UTC+3)', () => {
    const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    fc.assert(
      fc.property(birth, fc.integer({ min: 2015, max: 2060 }), (b, year) => {
        fc.pre(b.y < year);
        const day = b.m === 2 && b.d === 29 && !isLeap(year) ? 28 : b.d;
        const midnightUtc = Date.UTC(year, b.m - 1, day) - 3 * 3600_000; // 00:00 Moscow = 21:00Z the day before
        const before = ageOn(b.iso, new Date(midnightUtc - 60_000));
        const after = ageOn(b.iso, new Date(midnightUtc + 60_000));
        expect(after).toBe(year - b.y);
        expect(after - before).toBe(1);
      }),
    );
  });

  it('schemas: IsoDate is a real date; BirthDate not in the future nor before 1900; IsoDateTime has a zone', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2023-02-29').error?.issues.map((i) => i.message)).toEqual(['date.format']);
    expect(IsoDate.safeParse('2024-2-1').success).toBe(false);
    const tomorrow = localDate(new Date(Date.now() + 86_400_000));
    expect(BirthDate.safeParse(tomorrow).error?.issues.map((i) => i.message)).toEqual(['birthDate.future']);
    expect(BirthDate.safeParse('1899-12-31').error?.issues.map((i) => i.message)).toEqual(['birthDate.tooOld']);
    expect(BirthDate.safeParse(localDate(new Date())).success).toBe(true);
    expect(IsoDateTime.safeParse('2024-03-15T10:00:00+03:00').success).toBe(true);
    expect(IsoDateTime.safeParse('2024-03-15T10:00:00Z').success).toBe(true);
    expect(IsoDateTime.safeParse('2024-03-15T10:00:00').error?.issues.map((i) => i.message)).toEqual([
      'dateTime.format',
    ]);
  });

  it('days between dates', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2023-12-31', '2024-12-31')).toBe(366);
  });
});

describe('district doctor', () => {
  it('pediatrician under 18, therapist from 18, GP where the zone has one', () => {
    expect(districtDoctorKind(0)).toBe('pediatrician');
    expect(districtDoctorKind(17)).toBe('pediatrician');
    expect(districtDoctorKind(17, true)).toBe('pediatrician');
    expect(districtDoctorKind(18)).toBe('therapist');
    expect(districtDoctorKind(90)).toBe('therapist');
    expect(districtDoctorKind(18, true)).toBe('general_practitioner');
  });

  it('follows the age on the birthday', () => {
    const eve = new Date('2024-05-09T20:59:00Z');
    const day = new Date('2024-05-09T21:01:00Z');
    expect(districtDoctorKind(ageOn('2006-05-10', eve))).toBe('pediatrician');
    expect(districtDoctorKind(ageOn('2006-05-10', day))).toBe('therapist');
  });
});

describe('names', () => {
  it.each(['Иванов', "O'Brien", 'Салтыков-Щедрин Михаил', 'Ёлкин', 'ив'])('accepts %s', (name) => {
    expect(FullNameQuery.safeParse(name).success).toBe(true);
  });

  it('trims and names the failure', () => {
    expect(FullNameQuery.parse('  Иванов Иван ')).toBe('Иванов Иван');
    expect(FullNameQuery.safeParse('Иванов И.И.').error?.issues.map((i) => i.message)).toEqual(['name.format']);
    expect(FullNameQuery.safeParse('Иванов2').error?.issues.map((i) => i.message)).toEqual(['name.format']);
    expect(FullNameQuery.safeParse('И').error?.issues.map((i) => i.message)).toEqual(['name.tooShort']);
    expect(FullNameQuery.safeParse('').error?.issues.map((i) => i.message)).toEqual(['name.tooShort']);
  });
});
