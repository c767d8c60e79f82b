/** Case- and ё-insensitive text for searching Russian names and articles. */
export function folded(text: string): string {
  return text.toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
}
