import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { contentDisposition, scheduleFile } from '../scheduling/export';
import { dayRange } from '../scheduling/time';

/**
 * The schedule of a department, an MO or a locality for a period as a CSV or XLSX file, for when the wanted
 * schedule is not bookable (manual §4.1–4.2).
 */
export const exportSchedule = defineRoute('exportSchedule', async ({ query }, scope) => {
  const { fromIso, toIso } = dayRange(query.from, query.to);
  const rows = await mis().scheduleForExport({ by: query.by, id: query.id, fromIso, toIso });
  const file = await scheduleFile(rows, query);
  scope.context.log(`schedule export by=${query.by} rows=${rows.length} format=${query.format}`);
  return {
    status: 200,
    body: file.body,
    headers: {
      'content-type': file.contentType,
      'content-disposition': contentDisposition(file.fileName),
      'x-correlation-id': scope.correlationId,
      'cache-control': 'no-store',
    },
  };
});
