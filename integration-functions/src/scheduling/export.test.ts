import type { ScheduleExportRow } from '@eer/contract';
import ExcelJS from 'exceljs';
import { contentDisposition, EXPORT_HEADERS, exportFileName, scheduleCsv, scheduleFile, scheduleXlsx } from './export';

const rows: ScheduleExportRow[] = [
  {
    date: '2026-05-13',
    start: '2026-05-13T06:00:00Z',
    end: '2026-05-13T06:15:00Z',
    moName: 'ГБУЗ «Поликлиника №1»',
    departmentName: 'Терапевтическое отделение',
    doctorName: 'Иванова Анна Петровна',
    specialtyName: 'терапевт участковый',
    room: '12',
    status: 'free',
  },
  {
    date: '2026-05-12',
    start: '2026-05-12T07:00:00Z',
    end: '2026-05-12T07:15:00Z',
    moName: 'ГБУЗ «Поликлиника №1»',
    doctorName: '=HYPERLINK("x";"y")',
    specialtyName: 'хирург; детский',
    status: 'busy',
  },
];

/** Minimal RFC 4180 reader with `;` (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return out;
}

describe('schedule export files', () => {
  it('CSV: BOM, headers, rows by doctor and time, local times, quoting and no formulas', () => {
    const bytes = scheduleCsv(rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parseCsv(bytes.toString('utf8').slice(1));
    expect(table[0]).toEqual([...EXPORT_HEADERS]);
    expect(table.slice(1)).toEqual([
      ['12.05.2026', '10:00', '10:15', 'ГБУЗ «Поликлиника №1»', '', `'=HYPERLINK("x";"y")`, 'хирург; детский', '', 'занято'],
      ['13.05.2026', '09:00', '09:15', 'ГБУЗ «Поликлиника №1»', 'Терапевтическое отделение', 'Иванова Анна Петровна', 'терапевт участковый', '12', 'свободно'],
    ]);
  });

  it('XLSX: exceljs reads back the same cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await scheduleXlsx(rows, 'Расписание')).buffer);
    const sheet = workbook.getWorksheet('Расписание')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...EXPORT_HEADERS]);
    expect(values(3)).toEqual(['13.05.2026', '09:00', '09:15', 'ГБУЗ «Поликлиника №1»', 'Терапевтическое отделение', 'Иванова Анна Петровна', 'терапевт участковый', '12', 'свободно']);
    expect(sheet.rowCount).toBe(3);
  });

  it('names the file in ASCII and gives both filename forms', async () => {
    const query = { by: 'department' as const, id: 'Dep/1 ä', from: '2026-05-01', to: '2026-05-14' };
    expect(exportFileName(query, 'xlsx')).toBe('schedule_department_Dep_1___2026-05-01_2026-05-14.xlsx');
    expect(contentDisposition('расписание.csv')).toBe(
      `attachment; filename="__________.csv"; filename*=UTF-8''%D1%80%D0%B0%D1%81%D0%BF%D0%B8%D1%81%D0%B0%D0%BD%D0%B8%D0%B5.csv`,
    );
    const file = await scheduleFile([], { ...query, format: 'csv' });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.body.toString('utf8')).toBe(`\uFEFF${EXPORT_HEADERS.join(';')}\r\n`);
  });
});
