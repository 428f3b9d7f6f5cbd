/**
 * The wide-file wizard's logic, without React: read the start of a file,
 * suggest a mapping with the models' `suggestWideMapping` (region column,
 * period columns, code map, indicator, unit, status, source), and keep the
 * mapping JSON text as the one source of truth the form edits. Pure apart from
 * the lazy import, so it is tested in Node.
 */
import type { ObservationStatus, WideMappingSuggestion } from '@lmo/models/data';

/** The mapping fields the wizard edits (a `WideMappingInput` as JSON). */
export interface WizardMapping {
  regionColumn?: string;
  region?: string;
  sectorColumn?: string;
  sector?: string;
  periodColumns?: string[];
  indicator?: string;
  qualification?: string;
  unit?: 'persons' | 'percent';
  status?: ObservationStatus;
  source?: string;
  codeMap?: Record<string, string>;
  unmapped?: 'skip' | 'validate';
  scale?: number;
}

/** What the wizard knows about the file besides the mapping. */
export interface WideFileShape {
  header: string[];
  periodColumns: string[];
  /** Columns that are not periods (candidates for region or sector). */
  otherColumns: string[];
  suggestion: WideMappingSuggestion;
  /** World Bank / ILO / UN file: its figures are international estimates, not GSO's. */
  international: boolean;
}

// The suggestion reads this much of the file: World Bank downloads are ~250 KB.
const SUGGEST_BYTES = 4 * 1024 * 1024;
const INTERNATIONAL = /world development indicators|world bank|ilostat|\bilo\b|united nations|\bwpp\b/i;

/** Whether a file read as wide looks like one: at least two period columns and no `value` column. */
export function looksWide(shape: Pick<WideFileShape, 'header' | 'periodColumns'>): boolean {
  const lower = shape.header.map((h) => h.trim().toLowerCase());
  return shape.periodColumns.length >= 2 && !lower.includes('value') && !lower.includes('obs_value');
}

/**
 * Reads the start of `text` as a wide table and suggests a mapping. Null when
 * the text has no header with period columns (not a wide file).
 */
export async function suggestFromText(text: string, fileName = ''): Promise<{ shape: WideFileShape; mapping: WizardMapping } | null> {
  const { readWideTable, periodFromColumn, suggestWideMapping } = await import('@lmo/models/data');
  const read = readWideTable(text.length > SUGGEST_BYTES ? text.slice(0, text.lastIndexOf('\n', SUGGEST_BYTES) + 1) : text);
  if (!read.table) return null;
  const { header, rows, metadata } = read.table;
  const suggestion = suggestWideMapping(
    header,
    rows[0]?.cells,
    rows.map((r) => r.cells),
  );
  const meta = new Map(metadata.map((m) => [m.cells[0]?.trim().toLowerCase() ?? '', m.cells[1]?.trim() ?? '']));
  const publisher = meta.get('data source') ?? '';
  const international = suggestion.status === 'international' || INTERNATIONAL.test(publisher) || INTERNATIONAL.test(suggestion.source ?? '');
  const updated = meta.get('last updated date');
  let source = suggestion.source;
  if (!source && /world development indicators/i.test(publisher)) {
    source = `World Bank, World Development Indicators${suggestion.seriesCode ? `, ${suggestion.seriesCode}` : ''}${fileName ? ` (${fileName})` : ''}`;
  }
  if (source && updated) source += `, last updated ${updated}`;
  const mapping: WizardMapping = {
    regionColumn: suggestion.regionColumn,
    sectorColumn: suggestion.sectorColumn,
    sector: suggestion.sectorColumn ? undefined : 'TOTAL',
    indicator: suggestion.indicator,
    qualification: 'ALL',
    unit: suggestion.unit,
    status: suggestion.status ?? (international ? 'international' : undefined),
    source,
    codeMap: suggestion.codeMap,
    unmapped: 'skip',
  };
  const periodColumns = header.filter((h) => periodFromColumn(h) !== null);
  return {
    shape: { header, periodColumns, otherColumns: header.filter((h) => h !== '' && periodFromColumn(h) === null), suggestion, international },
    mapping: clean(mapping),
  };
}

/** The mapping without empty fields, so the JSON shows only what was chosen. */
export function clean(m: WizardMapping): WizardMapping {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (k === 'codeMap' && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out as WizardMapping;
}

/** Mapping JSON text as the form shows it. */
export const mappingText = (m: WizardMapping) => JSON.stringify(clean(m), null, 2);

/** The mapping in `text`, or null while it is not a JSON object (the analyst is typing). */
export function parseMapping(text: string): WizardMapping | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as WizardMapping) : null;
  } catch {
    return null;
  }
}

/** `VNM = VN` lines ↔ a code map. Lines without `=` are ignored. */
export function codeMapToLines(map: Record<string, string> | undefined): string {
  return Object.entries(map ?? {})
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n');
}

export function linesToCodeMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.lastIndexOf('=');
    if (at <= 0) continue;
    const from = line.slice(0, at).trim();
    const to = line.slice(at + 1).trim();
    if (from && to) out[from] = to;
  }
  return out;
}

/**
 * The selected period range as `periodColumns`: undefined when every period
 * column is selected (the server's default), else the columns from `from` to `to`.
 */
export function periodRange(all: readonly string[], from: string, to: string): string[] | undefined {
  const a = all.indexOf(from);
  const b = all.indexOf(to);
  if (a < 0 || b < 0) return undefined;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return lo === 0 && hi === all.length - 1 ? undefined : all.slice(lo, hi + 1);
}
