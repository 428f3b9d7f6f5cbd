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
import { getIndicator, suggestIndicator } from '../labour/codes-indicators';
import { resolveQualification } from '../labour/codes-qualifications';
import { resolveRegion } from '../labour/codes-regions';
import { resolveSector } from '../labour/codes-sectors';
import { decodeCsvBytes, type LongIssue } from './csv-sniff';
import { createLongValidator, type LongOptions, type LongResult } from './long-format';
import { LONG_COLUMNS, OBSERVATION_STATUSES, type Observation } from './observation';
import { controlCharAt, MAX_LABEL_CHARS, MAX_SOURCE_CHARS } from './plausibility';
import { periodFromColumn, readWideTable, type WideTable } from './wide-table';

export * from './wide-table';
export * from './wide-suggest';

/** Cell values that mean "no data" in wide downloads (World Bank uses "" and ".."). */
const MISSING = new Set(['', '..', '...', '-', '–', 'n/a', 'NA', ':']);

/** How a wide file becomes observations. Parse untrusted JSON with `wideMappingSchema`. */
export const wideMappingSchema = z.object({
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
  source: z.string().trim().min(1, 'a source a person can follow is required').max(MAX_SOURCE_CHARS, `at most ${MAX_SOURCE_CHARS} characters`)
    .refine((t) => controlCharAt(t) < 0, 'contains a control character'),
  status: z.enum(OBSERVATION_STATUSES),
  /** File value → LMO code, for region/sector column values (`{ "VNM": "VN" }`). */
  codeMap: z.record(z.string().max(MAX_LABEL_CHARS), z.string().max(MAX_LABEL_CHARS)).default({}),
  /** Rows whose key is not in a non-empty `codeMap`: skipped (default) or validated as they are. */
  unmapped: z.enum(['skip', 'validate']).default('skip'),
  /** Multiply every value (e.g. 1000 for a file in thousands of persons). */
  scale: z.number().positive().default(1),
}).superRefine((m, ctx) => {
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
  ok: false, observations: [], errors: [issue], warnings: [],
  stats: { rows: 0, skippedRows: 0, missingCells: 0, headerLine: 0, metadataLines: 0, long: null },
});

/**
 * Turns a read wide table into observations with `mapping`. Every produced
 * record is validated by the long-format validator; its issues are reported
 * against the wide file's line and column.
 */
export function wideToObservations(table: WideTable, mapping: WideMapping, options: LongOptions = {}): WideResult {
  const col = (name: string) => table.header.findIndex((h) => h === name);
  const missingColumn = (field: string, name: string): LongIssue => ({
    line: table.headerLine, column: `mapping.${field}`, value: name, code: 'MISSING_COLUMN',
    message: `The mapping names column "${name}", which is not in the header (line ${table.headerLine}): ${table.header.filter(Boolean).slice(0, 8).join(', ')}${table.header.length > 8 ? ', …' : ''}.`,
  });
  const regionIdx = mapping.regionColumn ? col(mapping.regionColumn) : -1;
  if (mapping.regionColumn && regionIdx < 0) return fail(missingColumn('regionColumn', mapping.regionColumn));
  const sectorIdx = mapping.sectorColumn ? col(mapping.sectorColumn) : -1;
  if (mapping.sectorColumn && sectorIdx < 0) return fail(missingColumn('sectorColumn', mapping.sectorColumn));

  const periodNames = mapping.periodColumns ?? table.header.filter((h) => periodFromColumn(h) !== null);
  const periods: { index: number; name: string; period: string }[] = [];
  for (const name of periodNames) {
    const index = col(name);
    if (index < 0) return fail(missingColumn('periodColumns', name));
    const period = periodFromColumn(name);
    if (!period) {
      return fail({ line: table.headerLine, column: name, value: name, code: 'BAD_PERIOD',
        message: `Column "${name}" is listed as a period but is not one (expected 2023, 2023-Q4 or 2023 [YR2023]).` });
    }
    periods.push({ index, name, period });
  }
  if (periods.length === 0) {
    return fail({ line: table.headerLine, column: null, value: '', code: 'NO_PERIODS', message: 'No period columns: name them 2023, 2023-Q4 or list them in periodColumns.' });
  }

  const unit = mapping.unit ?? getIndicator(mapping.indicator)!.unit;
  const validator = createLongValidator(options);
  validator.push([...LONG_COLUMNS], table.headerLine);
  const hasMap = Object.keys(mapping.codeMap).length > 0;
  let skippedRows = 0;
  let missingCells = 0;
  const skippedExamples: string[] = [];
  let pushed = 0;
  const scaled = (raw: string) => {
    const n = Number(raw);
    // Round away binary noise (0.07 × 100 = 7.000000000000001).
    return mapping.scale !== 1 && raw !== '' && Number.isFinite(n) ? String(Math.round(n * mapping.scale * 1e6) / 1e6) : raw;
  };

  for (const row of table.rows) {
    const key = (index: number) => {
      const raw = (row.cells[index] ?? '').trim();
      if (Object.hasOwn(mapping.codeMap, raw)) return mapping.codeMap[raw];
      return hasMap && mapping.unmapped === 'skip' ? null : raw;
    };
    const region = regionIdx >= 0 ? key(regionIdx) : mapping.region!;
    const sector = sectorIdx >= 0 ? key(sectorIdx) : mapping.sector ?? 'TOTAL';
    if (region === null || sector === null) {
      skippedRows++;
      if (skippedExamples.length < 5) skippedExamples.push((row.cells[regionIdx >= 0 ? regionIdx : sectorIdx] ?? '').trim());
      continue;
    }
    for (const p of periods) {
      const raw = (row.cells[p.index] ?? '').trim();
      if (MISSING.has(raw)) {
        missingCells++;
        continue;
      }
      pushed++;
      validator.push(
        [mapping.indicator, p.period, region, sector, mapping.qualification, scaled(raw), unit, mapping.source, mapping.status],
        row.line,
      );
    }
  }

  if (pushed === 0) {
    return fail({ line: table.headerLine, column: null, value: '', code: 'NO_VALUES',
      message: `No values to load: ${table.rows.length} rows, ${skippedRows} skipped (not in the code map), ${missingCells} empty cells.` });
  }
  const long = validator.finish();
  // Several period cells share a line, so find which one an issue is about;
  // `used` keeps two issues with the same value on a line on different columns.
  const used = new Set<string>();
  const periodColumn = (line: number, match: (p: (typeof periods)[number], cell: string) => boolean) => {
    const row = table.rows.find((r) => r.line === line);
    const hit = row && periods.find((p) => !used.has(`${line}|${p.name}`) && match(p, (row.cells[p.index] ?? '').trim()));
    if (hit) used.add(`${line}|${hit.name}`);
    return hit?.name ?? null;
  };
  const wideColumn = (issue: LongIssue): string | null => {
    if (issue.code === 'DUPLICATE_KEY') return mapping.regionColumn ?? mapping.sectorColumn ?? null;
    switch (issue.column) {
      case 'region': return mapping.regionColumn ?? 'mapping.region';
      case 'sector': return mapping.sectorColumn ?? 'mapping.sector';
      case 'value': return periodColumn(issue.line, (_, cell) => cell === issue.value || scaled(cell) === issue.value) ?? 'value';
      case 'period': return periodColumn(issue.line, (p) => p.period === issue.value) ?? 'period';
      case null: return null;
      default: return `mapping.${issue.column}`;
    }
  };
  const relabel = (issues: LongIssue[]) => issues.map((i) => ({ ...i, column: wideColumn(i) }));
  const warnings = relabel(long.warnings);
  if (skippedRows > 0) {
    warnings.unshift({
      line: table.headerLine, column: mapping.regionColumn ?? mapping.sectorColumn ?? null, value: skippedExamples.join(', '), code: 'UNMAPPED_ROWS',
      message: `${skippedRows} rows were skipped because their code is not in the code map (e.g. ${skippedExamples.join(', ')}).`,
    });
  }
  const columnOfPeriod = new Map(periods.map((p) => [p.period, p.name]));
  return {
    ok: long.ok,
    observations: long.ok ? long.rows : [],
    origins: long.ok ? long.rows.map((o, i) => ({ line: long.lines?.[i] ?? 0, column: columnOfPeriod.get(o.period) ?? o.period })) : [],
    errors: relabel(long.errors),
    warnings,
    stats: {
      rows: table.rows.length, skippedRows, missingCells, headerLine: table.headerLine,
      metadataLines: table.metadata.length, long: long.stats,
    },
  };
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
      line: 0, column: `mapping.${first.path.join('.') || 'root'}`, value: '', code: 'BAD_MAPPING',
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
