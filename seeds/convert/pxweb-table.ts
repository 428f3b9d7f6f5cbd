/**
 * Read a GSO PX-Web export into a plain table through the shared parser
 * (`@lmo/models/data/pxweb`, the one uploads use), and name the places in
 * it: GSO's English names of the country, its six regions (as defined before
 * July 2025) and the 63 former provinces.
 */
import { parsePxweb, pxwebPeriod, pxwebValue } from '@lmo/models/data';
import { FORMER_PROVINCES, foldKey } from '@lmo/models/codes';
import { readReference } from './reference';

/** A PX-Web table: header labels and data rows (cells as text). */
export interface PxTable {
  file: string;
  title: string;
  header: string[];
  rows: string[][];
}

/** Parse `gso_pxweb/<relPath>`; throws with file and line on any parse error. */
export function readPxTable(relPath: string, dir?: string): PxTable {
  const file = `gso_pxweb/${relPath}`;
  const r = parsePxweb(readReference(file, dir));
  if (r.errors.length) {
    const e = r.errors[0] as { line?: number; message?: string };
    throw new Error(`${file}:${e.line ?? '?'}: ${e.message ?? JSON.stringify(e)}`);
  }
  // Tables re-exported by the R package repeat their header as the first data row.
  const rows = r.rows.map((x) => x.cells).filter((c) => c.join('\u0000') !== r.header.join('\u0000'));
  return { file, title: r.title, header: r.header, rows };
}

/** A year (and whether GSO marked it preliminary) found in a header label or cell: `Total 2015`, `Prel. 2016`, `prel_2016`. */
export function yearOf(label: string): { year: number; preliminary: boolean } | null {
  const p = pxwebPeriod(label.trim());
  if (p && /^\d{4}$/.test(String(p.period))) return { year: Number(p.period), preliminary: p.preliminary };
  const m = /(prel[._ ]*\s*)?((?:19|20)\d{2})/i.exec(label);
  return m ? { year: Number(m[2]), preliminary: m[1] !== undefined } : null;
}

/** A published cell as a number; `..` (not available) is null. */
export function cellValue(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const v = pxwebValue(raw);
  return v === null || Number.isNaN(v) ? null : v;
}

const REGION_NAMES: [string, string][] = [
  ['wholecountry', 'VN'],
  ['total', 'VN'],
  ['redriverdelta', 'RRD'],
  ['northernmidlandsandmountainareas', 'NMM'],
  ['northerncentralareaandcentralcoastalarea', 'NCCC'],
  ['northcentralareaandcentralcoastalarea', 'NCCC'],
  ['centralhighlands', 'CH'],
  ['southeast', 'SE'],
  ['mekongriverdelta', 'MRD'],
];
const REGION_BY_KEY = new Map(REGION_NAMES);

/** GSO's names of the country and the six regions → VN / region code. */
export function regionCodeOf(name: string): string | undefined {
  return REGION_BY_KEY.get(foldKey(name));
}

const FORMER_BY_KEY = new Map<string, string>();
for (const f of FORMER_PROVINCES) for (const n of [f.en, f.ascii, f.vi]) FORMER_BY_KEY.set(foldKey(n), f.code);
FORMER_BY_KEY.set('hochiminhcity', '79');
FORMER_BY_KEY.set('thuathienhue', '46');
FORMER_BY_KEY.set('bariavungtau', '77');

/**
 * GSO's English name of a former province (`Thai  Nguyen`, `Ba Ria - Vung Tau`) → its former code.
 * `Ha Tay` (merged into Ha Noi in 2008) and unknown names → undefined.
 */
export function formerCodeOf(name: string): string | undefined {
  return FORMER_BY_KEY.get(foldKey(name));
}
