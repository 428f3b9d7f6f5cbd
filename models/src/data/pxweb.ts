/**
 * GSO PX-Web CSV exports (the online statistical database): UTF-8 with BOM,
 * a quoted title line, a blank line, then a header; `;`-separated, labels in
 * double quotes, `.` decimals, `..` for "not available", `Prel. 2016` for a
 * preliminary year, labels sometimes with doubled spaces. Tables are either
 * wide (years as columns, possibly prefixed: `Male 2015`) or long (a `Year`
 * column). Pure: text in, table out; `pxwebToLong` maps it to observations.
 */
import Papa from 'papaparse';
import type { LongIssue } from './csv-sniff';
import { cleanLabel } from './pxweb-values';

export { cleanLabel, pxwebPeriod, pxwebValue, splitPeriodLabel } from './pxweb-values';
export { historicalRegion, pxwebToLong, type PxwebMapping, type PxwebOptions, type PxwebRole } from './pxweb-long';

export interface PxwebTable {
  title: string;
  header: string[];
  /** Data rows, labels cleaned; `line` is the 1-based physical line in the file. */
  rows: { cells: string[]; line: number }[];
  errors: LongIssue[];
}

export function parsePxweb(text: string): PxwebTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: LongIssue[] = [];
  const parsed = Papa.parse<string[]>(body, { delimiter: ';', quoteChar: '"', skipEmptyLines: false });
  const recs: { cells: string[]; line: number }[] = [];
  let line = 1;
  for (const r of parsed.data) {
    recs.push({ cells: r.map(cleanLabel), line });
    line += 1 + r.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  }
  for (const e of parsed.errors) {
    const at = e.row !== undefined && e.row < recs.length ? recs[e.row].line : 1;
    errors.push({ line: at, column: null, value: '', code: 'CSV_SYNTAX', message: `CSV syntax: ${e.message}.`, messageVi: `Lỗi cú pháp CSV: ${e.message}.` });
  }
  const blank = (r: { cells: string[] }) => r.cells.every((c) => c === '');
  const filled = recs.filter((r) => !blank(r));
  if (filled.length === 0) {
    return {
      title: '',
      header: [],
      rows: [],
      errors: [{ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: 'The file is empty.', messageVi: 'Tệp rỗng.' }],
    };
  }
  // A one-cell first line followed by a blank line is the title.
  let i = recs.indexOf(filled[0]);
  let title = '';
  if (filled[0].cells.length === 1 && recs[i + 1] && blank(recs[i + 1])) {
    title = filled[0].cells[0];
    i++;
    while (i < recs.length && blank(recs[i])) i++;
  }
  const headerRec = recs[i];
  if (!headerRec) {
    errors.push({
      line: recs[recs.length - 1].line,
      column: null,
      value: '',
      code: 'EMPTY_FILE',
      message: 'The file has a title but no table.',
      messageVi: 'Tệp có tiêu đề nhưng không có bảng.',
    });
    return { title, header: [], rows: [], errors };
  }
  const header = headerRec.cells;
  const rows: PxwebTable['rows'] = [];
  for (const r of recs.slice(i + 1)) {
    if (blank(r)) continue;
    if (r.cells.length !== header.length) {
      errors.push({
        line: r.line,
        column: null,
        value: r.cells.join(';'),
        code: 'FIELD_COUNT',
        message: `Line has ${r.cells.length} fields but the header has ${header.length}.`,
        messageVi: `Dòng có ${r.cells.length} trường nhưng tiêu đề có ${header.length}.`,
      });
      continue;
    }
    rows.push(r);
  }
  return { title, header, rows, errors };
}
