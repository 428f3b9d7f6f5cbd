/**
 * In-browser profile of a chosen file before anything is sent: detected
 * columns and types, value counts of code columns, and sums by region and by
 * sector. papaparse and danfojs are loaded here only, through import(), so
 * they never weigh on the dashboard pages. Big files are profiled on their
 * first PREVIEW_ROWS rows (the server validates every row).
 */
import { headerLineIndex, planProfile } from './profile-columns';
import type { UploadFormat } from '@lmo/models/data';

export const PREVIEW_ROWS = 50_000;
// Enough text for PREVIEW_ROWS typical rows without reading an 80 MB file into memory.
const PREVIEW_BYTES = 8 * 1024 * 1024;

export interface FileProfile {
  fileName: string;
  bytes: number;
  /** Rows profiled (≤ PREVIEW_ROWS) and whether the file has more. */
  rows: number;
  partial: boolean;
  /** Columns shown, in file order (columns empty in every profiled row are left out). */
  columns: { name: string; type: string }[];
  /** How many columns were left out because they are empty in every profiled row. */
  hiddenEmpty: number;
  /** The first rows as written in the file (text, not parsed numbers). */
  head: Record<string, string>[];
  /** Line number in the file of each row of `head` (header = line 1, after any metadata lines). */
  firstDataLine: number;
  counts: { column: string; values: { value: string; count: number }[] }[];
  sums: { by: string; measure: string; rows: { key: string; sum: number }[] }[];
}

type Danfo = typeof import('danfojs');

function top(df: InstanceType<Danfo['DataFrame']>, column: string, n = 12) {
  const counts = df[column].valueCounts();
  const values = (counts.index as (string | number)[]).map((v, i) => ({ value: String(v), count: Number(counts.values[i]) }));
  return values.sort((a, b) => b.count - a.count).slice(0, n);
}

/**
 * A cell as a number for the profile's types and sums: plain numbers and
 * numbers with comma thousands separators (`13,800,000`, as spreadsheets
 * export them); null otherwise. The server decides what is valid.
 */
export function profileNumber(raw: string): number | null {
  const t = raw.trim();
  if (t === '') return null;
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** Profiles `file` as `format`. */
export async function profileFile(file: File, format: UploadFormat): Promise<FileProfile> {
  const [{ default: Papa }, dfd] = await Promise.all([import('papaparse'), import('danfojs')]);
  const partial = file.size > PREVIEW_BYTES;
  let text = await file.slice(0, PREVIEW_BYTES).text();
  if (partial) text = text.slice(0, text.lastIndexOf('\n') + 1); // drop the cut line
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, preview: PREVIEW_ROWS + 40 });
  const lines = parsed.data;
  const h = headerLineIndex(lines);
  const header = lines[h].map((c, i) => c.trim() || `column ${i + 1}`);
  const body = lines
    .slice(h + 1)
    .filter((l) => l.some((c) => c.trim() !== ''))
    .slice(0, PREVIEW_ROWS);
  if (body.length === 0) throw new Error('empty');
  const plan = planProfile(header, format);
  // Columns where every non-empty value is a number become numbers; the rest stay text (codes like "01" keep their zero).
  const numericCols = header.map(
    (name, i) =>
      !plan.codes.includes(name) &&
      body.some((r) => (r[i] ?? '').trim() !== '') &&
      body.every((r) => (r[i] ?? '').trim() === '' || profileNumber(r[i] ?? '') !== null),
  );
  // Empty in every profiled row (World Bank years before 1990, the trailing unnamed column): left out of the table.
  const empty = header.map((_, i) => body.every((r) => (r[i] ?? '').trim() === ''));
  const records = body.map((r) => Object.fromEntries(header.map((name, i) => [name, numericCols[i] ? (profileNumber(r[i] ?? '') ?? NaN) : (r[i] ?? '')])));
  const df = new dfd.DataFrame(records);
  const sums: FileProfile['sums'] = [];
  if (plan.measure && numericCols[header.indexOf(plan.measure)]) {
    for (const by of [plan.region, plan.sector]) {
      if (!by) continue;
      const g = df.groupby([by]).col([plan.measure]).sum();
      const rows = (dfd.toJSON(g) as Record<string, unknown>[]).map((r) => ({ key: String(r[by]), sum: Number(r[`${plan.measure}_sum`]) }));
      sums.push({ by, measure: plan.measure, rows: rows.sort((a, b) => b.sum - a.sum).slice(0, 40) });
    }
  }
  // danfojs' column order follows the records' keys, and JS puts integer-like keys ("2022") first: look types up by name.
  const dtypes = new Map((df.columns as string[]).map((name, i) => [name, String(df.dtypes[i])]));
  const shown = header.filter((_, i) => !empty[i]);
  return {
    fileName: file.name,
    bytes: file.size,
    rows: body.length,
    partial: partial || lines.length - h - 1 > PREVIEW_ROWS,
    columns: shown.map((name) => ({ name, type: dtypes.get(name) ?? 'string' })),
    hiddenEmpty: header.length - shown.length,
    // The values as written in the file: danfojs would show an empty number cell as NaN.
    head: body.slice(0, 10).map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']))),
    firstDataLine: h + 2,
    counts: plan.codes.map((column) => ({ column, values: top(df, column) })),
    sums,
  };
}
