/**
 * SMS texts, in Russian. They carry what the patient needs to come (date, time, doctor, MO, room) and nothing about
 * the patient: no name, no identifiers. Each fits SMS_MAX_LENGTH, however long the MIS's names are.
 */
import { REGION_TIME_ZONE, SMS_MAX_LENGTH, type Ticket, type VaccinationPoint, type VaccinationSlot } from '@eer/contract';
import { localParts } from '../scheduling/time';

function clip(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** `Иванова Анна Петровна` → `Иванова А. П.`: enough to find the door, shorter on a phone screen. */
export function shortPersonName(fullName: string): string {
  const [last, ...rest] = fullName.trim().split(/\s+/);
  if (!last || rest.length === 0) return fullName.trim();
  return `${last} ${rest.map((p) => `${p.charAt(0).toUpperCase()}.`).join(' ')}`;
}

/** `12.05.2026 в 09:30`, the region's wall clock. */
export function dateAndTime(iso: string, timeZone: string = REGION_TIME_ZONE): string {
  const p = localParts(new Date(iso), timeZone);
  const [y, m, d] = p.date.split('-');
  return `${d}.${m}.${y} в ${p.time}`;
}

function whoAndWhere(ticket: Ticket): string {
  const parts = [
    `${clip(ticket.specialtyName, 80)} ${clip(shortPersonName(ticket.doctorName), 80)}`,
    clip(ticket.moName, 200),
  ];
  if (ticket.room) parts.push(`каб. ${clip(ticket.room, 20)}`);
  return parts.join(', ');
}

function ensureLength(text: string): string {
  return text.length <= SMS_MAX_LENGTH ? text : clip(text, SMS_MAX_LENGTH);
}

export function bookingSmsText(ticket: Ticket): string {
  return ensureLength(`Вы записаны к врачу ${dateAndTime(ticket.start)}: ${whoAndWhere(ticket)}. Отменить запись можно по телефону 122.`);
}

export function cancellationSmsText(ticket: Ticket): string {
  return ensureLength(`Запись к врачу ${dateAndTime(ticket.start)} отменена: ${whoAndWhere(ticket)}. Записаться снова можно по телефону 122.`);
}

export function vaccinationSmsText(slot: VaccinationSlot, point: Pick<VaccinationPoint, 'name' | 'address'> | undefined): string {
  const where = point ? `: ${clip(point.name, 200)}, ${clip(point.address, 200)}` : '';
  return ensureLength(`Вы записаны на вакцинацию ${dateAndTime(slot.start)}${where}. Возьмите паспорт и СНИЛС.`);
}
