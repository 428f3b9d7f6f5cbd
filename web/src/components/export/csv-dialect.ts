/**
 * CSV in two dialects. Excel opens a CSV with the list separator and decimal mark of the
 * computer's regional settings: Vietnamese Windows uses `;` and a decimal comma, so the `vi`
 * dialect writes `1234,5` separated by `;`; `intl` is plain RFC 4180 (`,` and `.`). Both start with
 * a UTF-8 BOM so Excel reads Vietnamese diacritics, and neither groups thousands.
 */
import type { ExportTable } from './table';

export type CsvDialect = 'vi' | 'intl';

/** List separator and decimal mark of each dialect. */
export const CSV_DIALECTS: Record<CsvDialect, { separator: string; decimal: string }> = {
  vi: { separator: ';', decimal: ',' },
  intl: { separator: ',', decimal: '.' },
};

/** A number with a fixed count of decimals and the dialect's decimal mark (no grouping). */
export function csvNumber(value: number, digits: number, dialect: CsvDialect): string {
  const text = value.toFixed(digits);
  return CSV_DIALECTS[dialect].decimal === '.' ? text : text.replace('.', CSV_DIALECTS[dialect].decimal);
}

/**
 * A text cell: a leading apostrophe on text a spreadsheet would run as a formula (OWASP CSV
 * injection), and quotes around text holding either separator, a quote or a line break.
 */
export function csvText(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, header, rows, then a blank line and the footer lines (source, data version). */
export function tableToCsv(table: ExportTable, dialect: CsvDialect, footer: string[] = []): string {
  const sep = CSV_DIALECTS[dialect].separator;
  const lines = [table.headers.map(csvText).join(sep)];
  for (const row of table.rows) {
    lines.push(row.map((v, j) => (v === null ? '' : typeof v === 'number' ? csvNumber(v, table.digits[j] ?? 0, dialect) : csvText(v))).join(sep));
  }
  if (footer.length) lines.push('', ...footer.map(csvText));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
