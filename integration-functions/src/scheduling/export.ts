/**
 * The schedule file an operator downloads when the wanted schedule is not bookable (manual §4.1–4.2): CSV for any
 * tool, XLSX for Excel. Columns and headers are the same in both; times are the region's wall clock.
 */
import {
  REGION_TIME_ZONE,
  SCHEDULE_EXPORT_CONTENT_TYPES,
  type ScheduleExportFormat,
  type ScheduleExportQuery,
  type ScheduleExportRow,
} from '@eer/contract';
import ExcelJS from 'exceljs';
import { localParts } from './time';

const STATUS_TEXT = { free: 'свободно', busy: 'занято' } as const;

export const EXPORT_HEADERS = ['Дата', 'Начало', 'Окончание', 'МО', 'Отделение', 'Врач', 'Специальность', 'Кабинет', 'Статус'] as const;

/** One row as the cells of the file, in EXPORT_HEADERS order; date as `ДД.ММ.ГГГГ`. */
export function exportCells(row: ScheduleExportRow, timeZone: string = REGION_TIME_ZONE): string[] {
  const [y, m, d] = row.date.split('-');
  return [
    `${d}.${m}.${y}`,
    localParts(new Date(row.start), timeZone).time,
    localParts(new Date(row.end), timeZone).time,
    row.moName,
    row.departmentName ?? '',
    row.doctorName,
    row.specialtyName,
    row.room ?? '',
    STATUS_TEXT[row.status],
  ];
}

function sortRows(rows: readonly ScheduleExportRow[]): ScheduleExportRow[] {
  return [...rows].sort(
    (a, b) =>
      a.moName.localeCompare(b.moName, 'ru') ||
      (a.departmentName ?? '').localeCompare(b.departmentName ?? '', 'ru') ||
      a.doctorName.localeCompare(b.doctorName, 'ru') ||
      Date.parse(a.start) - Date.parse(b.start),
  );
}

/**
 * A cell quoted per RFC 4180 when it needs it; a leading `= + - @` is prefixed with `'` so a spreadsheet does not run
 * MIS text as a formula (CSV injection).
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * UTF-8 with a byte-order mark and `;` between cells, CRLF line ends: what Excel in a Russian locale opens
 * correctly by double click (it takes `,` as the decimal separator there).
 */
export function scheduleCsv(rows: readonly ScheduleExportRow[]): Buffer {
  const lines = [EXPORT_HEADERS.join(';'), ...sortRows(rows).map((r) => exportCells(r).map(csvCell).join(';'))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function scheduleXlsx(rows: readonly ScheduleExportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'EER 122';
  const sheet = workbook.addWorksheet('Расписание', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({ header, key: `c${i}`, width: [12, 8, 10, 40, 30, 30, 25, 9, 10][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of sortRows(rows)) sheet.addRow(exportCells(row));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADERS.length } };
  workbook.title = title;
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

/** `schedule_department_D-1_2026-05-01_2026-05-14.xlsx`: ASCII only, the id reduced to safe characters. */
export function exportFileName(query: Pick<ScheduleExportQuery, 'by' | 'id' | 'from' | 'to'>, format: ScheduleExportFormat): string {
  const id = query.id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return `schedule_${query.by}_${id}_${query.from}_${query.to}.${format}`;
}

/** `attachment` with both `filename` (ASCII) and `filename*` (RFC 6266/5987), as browsers and Power Automate read. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function scheduleFile(
  rows: readonly ScheduleExportRow[],
  query: Pick<ScheduleExportQuery, 'by' | 'id' | 'from' | 'to' | 'format'>,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const fileName = exportFileName(query, query.format);
  const body = query.format === 'csv' ? scheduleCsv(rows) : await scheduleXlsx(rows, `Расписание ${query.from} — ${query.to}`);
  return { body, contentType: SCHEDULE_EXPORT_CONTENT_TYPES[query.format], fileName };
}
