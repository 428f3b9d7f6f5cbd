/**
 * Wide files: periods as columns, like a World Bank download
 * (`Country Name,Country Code,Indicator Name,Indicator Code,1960,…,2022,`).
 *
 * Reading (wide-table.ts) finds the header under any metadata lines, strips a
 * BOM and the trailing empty column. A `WideMapping` then says which column
 * holds the region (or sector), which columns are periods, and the fixed
 * indicator/sector/qualification/unit/source/status of the file, plus a code
 * map (`VNM` → `VN`). Each non-empty cell becomes one long-format record that
 * goes through the long-format validator (one implementation of the rules:
 * codes, former provinces, duplicates, future periods, percentages).
 *
 * Missing cells (`""`, `..`, `-`) are skipped, not errors. Issues carry the
 * 1-based physical line and, for wide files, the column NAME as written in
 * the file's header (`2019`, `Country Code`); problems with the mapping
 * itself use `mapping.<field>`.
 */
import { z } from 'zod';
import { getIndicator, suggestIndicator } from '../codes/indicators';
import { resolveQualification } from '../codes/qualifications';
import { resolveRegion } from '../codes/regions';
import { resolveSector } from '../codes/sectors';
import { decodeCsvBytes, type LongIssue } from './csv-sniff';
import { createLongValidator, type LongOptions, type LongResult, type LongValidator } from './long-format';
import { LONG_COLUMNS, OBSERVATION_STATUSES, type Observation } from './observation';
import { controlCharAt, MAX_LABEL_CHARS, MAX_SOURCE_CHARS } from './plausibility';
import { cellScaler, locateColumns, wideIssueRelabeller, type WideColumns } from './wide-columns';
import { readWideTable, type WideTable } from './wide-table';

export * from './wide-table';
export * from './wide-suggest';

/** Cell values that mean "no data" in wide downloads (World Bank uses "" and ".."). */
const MISSING = new Set(['', '..', '...', '-', '–', 'n/a', 'NA', ':']);

/** How a wide file becomes observations. Parse untrusted JSON with `wideMappingSchema`. */
export const wideMappingSchema = z
  .object({
    /** Column whose values are regions (codes or names, mapped through `codeMap`). */
    regionColumn: z.string().trim().min(1).optional(),
    /** Column whose values are sectors (alternatively or in addition to regions). */
    sectorColumn: z.string().trim().min(1).optional(),
    /** Period columns to read; default: every column named like a period (`2023`, `2023-Q4`, `2023 [YR2023]`). */
    periodColumns: z.array(z.string().trim().min(1)).min(1).optional(),
    indicator: z.string().trim().min(1),
    /** Fixed region when there is no region column. */
    region: z.string().trim().min(1).optional(),
    /** Fixed sector when there is no sector column; default TOTAL. */
    sector: z.string().trim().min(1).optional(),
    qualification: z.string().trim().min(1).default('ALL'),
    /** Default: the indicator's unit. */
    unit: z.enum(['persons', 'percent']).optional(),
    source: z
      .string()
      .trim()
      .min(1, 'a source a person can follow is required')
      .max(MAX_SOURCE_CHARS, `at most ${MAX_SOURCE_CHARS} characters`)
      .refine((t) => controlCharAt(t) < 0, 'contains a control character'),
    status: z.enum(OBSERVATION_STATUSES),
    /** File value → LMO code, for region/sector column values (`{ "VNM": "VN" }`). */
    codeMap: z.record(z.string().max(MAX_LABEL_CHARS), z.string().max(MAX_LABEL_CHARS)).default({}),
    /** Rows whose key is not in a non-empty `codeMap`: skipped (default) or validated as they are. */
    unmapped: z.enum(['skip', 'validate']).default('skip'),
    /** Multiply every value (e.g. 1000 for a file in thousands of persons). */
    scale: z.number().positive().default(1),
  })
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!m.regionColumn && !m.region) issue('region', 'give regionColumn (the column holding regions) or a fixed region such as "VN"');
    if (m.regionColumn && m.region) issue('region', 'give regionColumn or region, not both');
    if (m.sectorColumn && m.sector) issue('sector', 'give sectorColumn or sector, not both');
    const ind = getIndicator(m.indicator);
    if (!ind) {
      const s = suggestIndicator(m.indicator);
      issue('indicator', `unknown indicator "${m.indicator}"${s ? ` — did you mean "${s}"?` : ''}`);
    } else if (m.unit && m.unit !== ind.unit) {
      issue('unit', `${ind.code} is measured in ${ind.unit}, not ${m.unit}`);
    }
    if (m.region && !resolveRegion(m.region)) issue('region', `unknown region "${m.region}"`);
    if (m.sector && !resolveSector(m.sector)) issue('sector', `unknown sector "${m.sector}"`);
    if (!resolveQualification(m.qualification)) issue('qualification', `unknown qualification "${m.qualification}"`);
    for (const [from, to] of Object.entries(m.codeMap)) {
      const ok = (m.regionColumn && resolveRegion(to)) || (m.sectorColumn && resolveSector(to));
      if (!ok) issue('codeMap', `"${from}" maps to "${to}", which is not a known ${m.regionColumn ? 'region' : 'sector'} code`);
    }
  });
export type WideMapping = z.output<typeof wideMappingSchema>;
export type WideMappingInput = z.input<typeof wideMappingSchema>;

export interface WideResult {
  ok: boolean;
  observations: Observation[];
  /** Where each observation came from: physical line and period column name as in the header. */
  origins?: { line: number; column: string }[];
  errors: LongIssue[];
  warnings: LongIssue[];
  stats: {
    /** Data rows under the header. */
    rows: number;
    /** Rows skipped because their key is not in the code map. */
    skippedRows: number;
    /** Cells left out as missing ("" or ".."). */
    missingCells: number;
    headerLine: number;
    /** Lines above the header (metadata). */
    metadataLines: number;
    long: LongResult['stats'] | null;
  };
}

const fail = (issue: LongIssue): WideResult => ({
  ok: false,
  observations: [],
  errors: [issue],
  warnings: [],
  stats: { rows: 0, skippedRows: 0, missingCells: 0, headerLine: 0, metadataLines: 0, long: null },
});

/** What reading the rows counted, for the stats and the UNMAPPED_ROWS warning. */
interface RowTally {
  skippedRows: number;
  missingCells: number;
  /** The first few skipped keys, so the warning shows which codes the code map lacks. */
  skippedExamples: string[];
  pushed: number;
}

/**
 * Turns a read wide table into observations with `mapping`. Every produced
 * record is validated by the long-format validator; its issues are reported
 * against the wide file's line and column.
 */
export function wideToObservations(table: WideTable, mapping: WideMapping, options: LongOptions = {}): WideResult {
  const cols = locateColumns(table, mapping);
  if ('issue' in cols) return fail(cols.issue);
  const scaled = cellScaler(mapping.scale);
  const validator = createLongValidator(options);
  validator.push([...LONG_COLUMNS], table.headerLine);
  const { skippedRows, missingCells, skippedExamples, pushed } = pushRows(table, mapping, cols, validator, scaled);
  if (pushed === 0) {
    return fail({
      line: table.headerLine,
      column: null,
      value: '',
      code: 'NO_VALUES',
      message: `No values to load: ${table.rows.length} rows, ${skippedRows} skipped (not in the code map), ${missingCells} empty cells.`,
    });
  }
  const long = validator.finish();
  const relabel = wideIssueRelabeller(table, mapping, cols.periods, scaled);
  const warnings = relabel(long.warnings);
  if (skippedRows > 0) {
    warnings.unshift({
      line: table.headerLine,
      column: mapping.regionColumn ?? mapping.sectorColumn ?? null,
      value: skippedExamples.join(', '),
      code: 'UNMAPPED_ROWS',
      message: `${skippedRows} rows were skipped because their code is not in the code map (e.g. ${skippedExamples.join(', ')}).`,
    });
  }
  const columnOfPeriod = new Map(cols.periods.map((p) => [p.period, p.name]));
  return {
    ok: long.ok,
    observations: long.ok ? long.rows : [],
    origins: long.ok ? long.rows.map((o, i) => ({ line: long.lines?.[i] ?? 0, column: columnOfPeriod.get(o.period) ?? o.period })) : [],
    errors: relabel(long.errors),
    warnings,
    stats: {
      rows: table.rows.length,
      skippedRows,
      missingCells,
      headerLine: table.headerLine,
      metadataLines: table.metadata.length,
      long: long.stats,
    },
  };
}

/** Pushes one long record per non-missing period cell of every row whose region/sector key maps. */
function pushRows(
  table: WideTable,
  mapping: WideMapping,
  { regionIdx, sectorIdx, periods }: WideColumns,
  validator: LongValidator,
  scaled: (raw: string) => string,
): RowTally {
  const unit = mapping.unit ?? getIndicator(mapping.indicator)!.unit;
  const hasMap = Object.keys(mapping.codeMap).length > 0;
  const tally: RowTally = { skippedRows: 0, missingCells: 0, skippedExamples: [], pushed: 0 };
  for (const row of table.rows) {
    const key = (index: number) => {
      const raw = (row.cells[index] ?? '').trim();
      if (Object.hasOwn(mapping.codeMap, raw)) return mapping.codeMap[raw];
      return hasMap && mapping.unmapped === 'skip' ? null : raw;
    };
    const region = regionIdx >= 0 ? key(regionIdx) : mapping.region!;
    const sector = sectorIdx >= 0 ? key(sectorIdx) : (mapping.sector ?? 'TOTAL');
    if (region === null || sector === null) {
      tally.skippedRows++;
      if (tally.skippedExamples.length < 5) tally.skippedExamples.push((row.cells[regionIdx >= 0 ? regionIdx : sectorIdx] ?? '').trim());
      continue;
    }
    for (const p of periods) {
      const raw = (row.cells[p.index] ?? '').trim();
      if (MISSING.has(raw)) {
        tally.missingCells++;
        continue;
      }
      tally.pushed++;
      validator.push([mapping.indicator, p.period, region, sector, mapping.qualification, scaled(raw), unit, mapping.source, mapping.status], row.line);
    }
  }
  return tally;
}

/**
 * Reads a wide CSV text and applies `mapping` (a `WideMapping` or untrusted
 * JSON, checked with `wideMappingSchema`). An invalid mapping gives one
 * `BAD_MAPPING` issue with `line: 0` (it is not in the file) and
 * `column: 'mapping.<field>'`; nothing is read.
 */
export function parseWideCsv(text: string, mapping: WideMappingInput | unknown, options: LongOptions = {}): WideResult {
  const m = wideMappingSchema.safeParse(mapping);
  if (!m.success) {
    const first = m.error.issues[0];
    return fail({
      line: 0,
      column: `mapping.${first.path.join('.') || 'root'}`,
      value: '',
      code: 'BAD_MAPPING',
      message: m.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; '),
    });
  }
  const read = readWideTable(text);
  if (read.problem) return fail({ ...read.problem, value: '' });
  return wideToObservations(read.table, m.data, options);
}

/** Same as `parseWideCsv`, from raw bytes: rejects (and names) encodings other than UTF-8. */
export function parseWideCsvBytes(bytes: Uint8Array, mapping: WideMappingInput | unknown, options: LongOptions = {}): WideResult {
  const enc = decodeCsvBytes(bytes);
  if (!enc.ok) return fail(enc.issue);
  return parseWideCsv(enc.text, mapping, options);
}
