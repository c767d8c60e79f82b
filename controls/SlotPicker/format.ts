/** Names as the operator reads them in the time cells, the notice and the tickets. */

/** «Петров П. П.» from «Петров Пётр Петрович». */
export function shortName(fullName: string): string {
  const [last, ...rest] = fullName.trim().split(/\s+/);
  return [last, ...rest.map((p) => `${p.charAt(0)}.`)].join(' ');
}

/**
 * A room as the operator reads it: the MIS gives either a bare number («210», then «каб. 210» from `template`) or
 * its own text («каб. 210», «кабинет флюорографии»), which is kept as is.
 */
export function roomText(room: string, template: string): string {
  return /^\d/.test(room) ? template.replace('{0}', room) : room;
}
