import { SMS_MAX_LENGTH, type Ticket } from '@eer/contract';
import { bookingSmsText, cancellationSmsText, shortPersonName, vaccinationSmsText } from './smsTexts';

const ticket: Ticket = {
  id: 'T1',
  patientId: 'P1',
  slotId: 'S1',
  doctorId: 'D1',
  doctorName: 'Иванова Анна Петровна',
  specialtyName: 'терапевт участковый',
  moId: 'MO1',
  moName: 'ГБУЗ «Поликлиника №1»',
  start: '2026-05-13T06:30:00Z',
  end: '2026-05-13T06:45:00Z',
  room: '12',
  status: 'booked',
  source: 'call_centre',
};

describe('SMS texts', () => {
  it('booking: date, time, doctor, MO, room — in Russian', () => {
    expect(bookingSmsText(ticket)).toBe(
      'Вы записаны к врачу 13.05.2026 в 09:30: терапевт участковый Иванова А. П., ГБУЗ «Поликлиника №1», каб. 12. Отменить запись можно по телефону 122.',
    );
  });

  it('cancellation names the cancelled visit', () => {
    expect(cancellationSmsText({ ...ticket, room: undefined, status: 'cancelled' })).toBe(
      'Запись к врачу 13.05.2026 в 09:30 отменена: терапевт участковый Иванова А. П., ГБУЗ «Поликлиника №1». Записаться снова можно по телефону 122.',
    );
  });

  it('stays within SMS_MAX_LENGTH whatever the MIS names are', () => {
    const long = { ...ticket, moName: 'М'.repeat(500), doctorName: `${'Д'.repeat(200)} И О`, specialtyName: 'С'.repeat(200), room: 'К'.repeat(50) };
    expect(bookingSmsText(long).length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(cancellationSmsText(long).length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    const slot = { id: 'V1', pointId: 'VP1', start: '2026-05-13T07:00:00Z', end: '2026-05-13T07:10:00Z', free: 1 };
    expect(vaccinationSmsText(slot, { name: 'П'.repeat(500), address: 'А'.repeat(500) }).length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(vaccinationSmsText(slot, { name: 'Пункт №1', address: 'ул. Ленина, 1' })).toBe(
      'Вы записаны на вакцинацию 13.05.2026 в 10:00: Пункт №1, ул. Ленина, 1. Возьмите паспорт и СНИЛС.',
    );
  });

  it('shortens a doctor’s name to initials', () => {
    expect(shortPersonName('Петров Пётр')).toBe('Петров П.');
    expect(shortPersonName('Петров')).toBe('Петров');
  });
});
