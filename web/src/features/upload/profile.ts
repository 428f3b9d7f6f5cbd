/**
 * In-browser profile of a chosen file before anything is sent: detected
 * columns and types, value counts of code columns, and sums by region and by
 * sector. papaparse and danfojs are loaded here only, through import(), so
 * they never weigh on the dashboard pages. Big files are profiled on their
 * first PREVIEW_ROWS rows (the server validates every row).
 */
import { headerLineIndex, planProfile } from './profile-columns';
import type { UploadFormat } from './upload-request';

export const PREVIEW_ROWS = 50_000;
// Enough text for PREVIEW_ROWS typical rows without reading an 80 MB file into memory.
const PREVIEW_BYTES = 8 * 1024 * 1024;

export interface FileProfile {
  fileName: string;
  bytes: number;
  /** Rows profiled (≤ PREVIEW_ROWS) and whether the file has more. */
  rows: number;
  partial: boolean;
  columns: { name: string; type: string }[];
  head: Record<string, unknown>[];
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
  const body = lines.slice(h + 1).filter((l) => l.some((c) => c.trim() !== '')).slice(0, PREVIEW_ROWS);
  if (body.length === 0) throw new Error('empty');
  const plan = planProfile(header, format);
  const numeric = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
  // Columns where every non-empty value is a number become numbers; the rest stay text (codes like "01" keep their zero).
  const numericCols = header.map((name, i) => !plan.codes.includes(name) && body.every((r) => (r[i] ?? '').trim() === '' || numeric(r[i] ?? '')));
  const records = body.map((r) => Object.fromEntries(header.map((name, i) => [name, numericCols[i] ? (r[i]?.trim() ? Number(r[i]) : NaN) : r[i] ?? ''])));
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
  return {
    fileName: file.name,
    bytes: file.size,
    rows: body.length,
    partial: partial || lines.length - h - 1 > PREVIEW_ROWS,
    columns: (df.columns as string[]).map((name, i) => ({ name, type: String(df.dtypes[i]) })),
    head: dfd.toJSON(df.head(10)) as Record<string, unknown>[],
    firstDataLine: h + 2,
    counts: plan.codes.map((column) => ({ column, values: top(df, column) })),
    sums,
  };
}
