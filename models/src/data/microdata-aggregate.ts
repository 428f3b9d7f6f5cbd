/**
 * Survey microdata (one row per respondent, like the GSO Labour Force Survey)
 * → weighted totals per cell with standard errors, in one streaming pass.
 *
 * Cells produced (all `status: 'survey'`), for every current province-level
 * unit that has respondents and for `VN`:
 * - `employment`   × sector (new fields, sections, broad sectors, `TOTAL`) × qualification (each level, `ALL`)
 * - `unemployed`   × `TOTAL` × qualification (incl. `ALL`)
 * - `labour_force` × `TOTAL` × qualification (incl. `ALL`)
 * A respondent counts in their sector and every ancestor in codes.ts: a new
 * field (e.g. `semiconductors`) also counts in its section (`C`), broad sector
 * (`B-F`) and `TOTAL`. Sector is not used for the unemployed or people outside
 * the labour force. No unemployment rate: the `unemployment_rate` indicator is
 * GSO's working-age rate, which needs sex (retirement ages differ) that the
 * format does not carry. Socio-economic regions are not produced: six current
 * units straddle the old region boundaries.
 *
 * Provinces may be given as current or former codes or names; former ones are
 * assigned to the current unit (counted in `stats.formerProvinceRows`).
 * Variance: see microdata-estimator.ts. Strata default to the current
 * province-level unit; a `stratum` column subdivides them (e.g. urban/rural).
 * Quality flags follow Cedefop's rule: "use with caution" when the estimate is
 * under 10,000 people or its coefficient of variation exceeds 30 %.
 */
import { StratifiedTotals } from './microdata-estimator';
import { parseLabourStatus, type LabourStatus, type MicrodataColumn } from './microdata-columns';
import { isProblem, resolveProvinceLabel, resolveQualificationLabel, resolveSectorLabel, type LabelProblem } from './microdata-labels';
import { CELL_COUNT, estimateCells, estimationAreas, QUALIFICATION_INDEX, respondentCells, SECTOR_INDEX, type CautionRule } from './microdata-cells';
import { IssueLog } from './long-format-checks';
import { memoLabels } from './memo';
import { POPULATION_CAPS } from './plausibility';
import type { MicrodataAggregator, MicrodataError, MicrodataOptions, MicrodataRecord, MicrodataResult } from './microdata-types';

const PERIOD = /^\d{4}(-Q[1-4])?$/;

const ESTIMATOR = {
  clustered: 'Weighted totals; variance by with-replacement linearisation over PSUs (ultimate clusters) within strata.',
  flat: 'Weighted totals; variance by with-replacement linearisation with respondents as units within strata (no PSU column: clustering design effect ignored, SEs understated).',
};

const field = (record: MicrodataRecord, column: MicrodataColumn): string => {
  const v = record[column];
  return v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);
};

const people = (n: number) => Math.round(n).toLocaleString('en');

/**
 * One aggregation, respondent by respondent: each row's columns are checked
 * in turn (`readProvince`, `readStatus`, `checkAge`, `readWeight`,
 * `readBreakdown`, `readPsu`), then a valid row is added to its stratum's
 * cells (`accumulate`). `finish` checks the weight totals and estimates.
 */
class MicrodataAggregation {
  // The long format's log: the first `maxErrors` kept, all counted.
  private readonly log: IssueLog<MicrodataError>;
  readonly stats: MicrodataResult['stats'];
  private readonly minAge: number;
  private readonly maxAge: number;
  private readonly rule: CautionRule;
  private readonly clustered: boolean;
  private readonly totals: StratifiedTotals;
  private readonly strataOfProvince = new Map<string, Set<string>>();
  private readonly weightByProvince = new Map<string, number>();
  private readonly mappedExamples = new Map<string, string>();
  private readonly statusCache = new Map<string, LabourStatus | null>();
  private readonly cells = new Int32Array(16);
  // Rows of a stratum arrive together, so remember the last stratum key.
  private lastProvince = '';
  private lastStratumRaw = '';
  private lastStratumKey = '';

  // Label → index (or problem); a million rows hold few distinct labels.
  private readonly provinceOf = memoLabels((raw) => {
    const r = resolveProvinceLabel(raw);
    if (!isProblem(r) && r.mappedFrom && this.mappedExamples.size < 5) this.mappedExamples.set(raw, r.code);
    return isProblem(r) ? r : { code: r.code, former: r.mappedFrom !== undefined };
  });
  private readonly sectorOf = memoLabels((raw) => {
    const r = resolveSectorLabel(raw);
    return isProblem(r) ? r : SECTOR_INDEX.get(r)!;
  });
  private readonly qualificationOf = memoLabels((raw) => {
    const r = resolveQualificationLabel(raw);
    return isProblem(r) ? r : QUALIFICATION_INDEX.get(r)!;
  });

  constructor(private readonly options: MicrodataOptions) {
    if (!PERIOD.test(options.period)) throw new Error(`period must look like 2024 or 2024-Q2, got "${options.period}"`);
    [this.minAge, this.maxAge] = options.ageRange ?? [15, 120];
    this.rule = { minPersons: options.caution?.minPersons ?? 10_000, maxCv: options.caution?.maxCv ?? 0.3 };
    this.log = new IssueLog(options.maxErrors ?? 100);
    this.clustered = options.clustered ?? false;
    this.totals = new StratifiedTotals(CELL_COUNT, this.clustered);
    this.stats = {
      rows: 0,
      validRows: 0,
      byStatus: { employed: 0, unemployed: 0, outside: 0 },
      weightTotal: 0,
      formerProvinceRows: 0,
      strata: 0,
      singletonStrata: 0,
      estimator: this.clustered ? ESTIMATOR.clustered : ESTIMATOR.flat,
    };
  }

  get errors(): MicrodataError[] {
    return this.log.errors;
  }
  get errorCount(): number {
    return this.log.errorCount;
  }

  report(e: MicrodataError): void {
    this.log.error(e);
  }

  private missing(line: number, column: MicrodataColumn): void {
    this.report({ line, column, value: '', code: 'MISSING_VALUE', message: `${column} is empty.` });
  }

  push(record: MicrodataRecord, line: number): boolean {
    this.stats.rows++;
    const before = this.errorCount;
    const province = this.readProvince(record, line);
    const status = this.readStatus(record, line);
    this.checkAge(record, line);
    const w = this.readWeight(record, line);
    // Sector matters for the employed only; qualification for the labour force.
    const s = status === 'employed' ? this.readBreakdown(record, line, 'sector', this.sectorOf) : -1;
    const q = status === 'employed' || status === 'unemployed' ? this.readBreakdown(record, line, 'qualification', this.qualificationOf) : -1;
    const psu = this.readPsu(record, line);
    if (this.errorCount > before || !province || !status) return false;
    this.accumulate(record, province, status, s, q, w, psu);
    return true;
  }

  private readProvince(record: MicrodataRecord, line: number): { code: string; former: boolean } | undefined {
    const raw = field(record, 'province');
    if (raw === '') return void this.missing(line, 'province');
    const r = this.provinceOf(raw);
    if (!isProblem(r)) return r;
    this.report({ line, column: 'province', value: raw, ...r });
    return undefined;
  }

  /** The labour status, or null (reported) when unknown, undefined when missing. */
  private readStatus(record: MicrodataRecord, line: number): LabourStatus | null | undefined {
    const raw = field(record, 'status');
    if (raw === '') return void this.missing(line, 'status');
    let status = this.statusCache.get(raw);
    if (status === undefined) {
      status = parseLabourStatus(raw) ?? null;
      if (this.statusCache.size < 1000) this.statusCache.set(raw, status);
    }
    if (status === null) {
      this.report({
        line,
        column: 'status',
        value: raw,
        code: 'BAD_STATUS',
        message: `Unknown labour status "${raw}": use employed, unemployed or outside (or LFS codes 1, 2, 3).`,
      });
    }
    return status;
  }

  private checkAge(record: MicrodataRecord, line: number): void {
    const { minAge, maxAge } = this;
    const ageRaw = field(record, 'age');
    if (ageRaw === '') return this.missing(line, 'age');
    const age = Number(ageRaw);
    if (!Number.isInteger(age)) {
      this.report({ line, column: 'age', value: ageRaw, code: 'BAD_AGE', message: `Age "${ageRaw}" is not a whole number of years.` });
    } else if (age < minAge || age > maxAge) {
      this.report({
        line,
        column: 'age',
        value: ageRaw,
        code: 'AGE_OUT_OF_RANGE',
        message: `Age ${age} is outside ${minAge}–${maxAge} (the labour module covers people aged ${minAge}+).`,
      });
    }
  }

  /** The weight as a number (any problem is reported; the row is then dropped). */
  private readWeight(record: MicrodataRecord, line: number): number {
    const weightRaw = field(record, 'weight');
    const w = Number(weightRaw);
    if (weightRaw === '') this.missing(line, 'weight');
    else if (!Number.isFinite(w))
      this.report({ line, column: 'weight', value: weightRaw, code: 'BAD_WEIGHT', message: `Weight "${weightRaw}" is not a number (use a dot for decimals).` });
    else if (w < 0) this.report({ line, column: 'weight', value: weightRaw, code: 'NEGATIVE_WEIGHT', message: `Weight ${weightRaw} is negative.` });
    else if (w === 0)
      this.report({ line, column: 'weight', value: weightRaw, code: 'ZERO_WEIGHT', message: 'Weight is 0: every respondent must represent someone.' });
    else if (w > POPULATION_CAPS.province) {
      this.report({
        line,
        column: 'weight',
        value: weightRaw,
        code: 'WEIGHT_TOO_LARGE',
        message: `Weight ${weightRaw} is implausible: one respondent cannot stand for more people than a province has (at most ${POPULATION_CAPS.province.toLocaleString('en')}).`,
      });
    }
    return w;
  }

  /** The layout index of a sector or qualification label, or -1 (reported). */
  private readBreakdown(record: MicrodataRecord, line: number, column: 'sector' | 'qualification', resolve: (raw: string) => number | LabelProblem): number {
    const raw = field(record, column);
    if (raw === '') {
      this.missing(line, column);
      return -1;
    }
    const r = resolve(raw);
    if (!isProblem(r)) return r;
    this.report({ line, column, value: raw, ...r });
    return -1;
  }

  private readPsu(record: MicrodataRecord, line: number): string | null {
    const psu = this.clustered ? field(record, 'psu') : null;
    if (psu === '')
      this.report({ line, column: 'psu', value: '', code: 'MISSING_VALUE', message: 'psu is empty (the file has a psu column, so every row needs one).' });
    return psu;
  }

  /** Adds a valid respondent to its stratum's cells and to the counts. */
  private accumulate(
    record: MicrodataRecord,
    province: { code: string; former: boolean },
    status: LabourStatus,
    s: number,
    q: number,
    w: number,
    psu: string | null,
  ): void {
    const k = respondentCells(status, s, q, this.cells);
    const stratumRaw = field(record, 'stratum');
    if (province.code !== this.lastProvince || stratumRaw !== this.lastStratumRaw) {
      this.lastProvince = province.code;
      this.lastStratumRaw = stratumRaw;
      this.lastStratumKey = stratumRaw === '' ? province.code : `${province.code}|${stratumRaw}`;
      let set = this.strataOfProvince.get(province.code);
      if (!set) this.strataOfProvince.set(province.code, (set = new Set()));
      set.add(this.lastStratumKey);
    }
    this.totals.add(this.lastStratumKey, psu, w, this.cells, k);
    this.weightByProvince.set(province.code, (this.weightByProvince.get(province.code) ?? 0) + w);
    const { stats } = this;
    stats.validRows++;
    stats.byStatus[status]++;
    stats.weightTotal += w;
    if (province.former) stats.formerProvinceRows++;
  }

  finish(): MicrodataResult {
    const { stats, totals, errors } = this;
    stats.strata = totals.strataKeys().length;
    stats.singletonStrata = totals.countSingletons();
    if (stats.rows === 0 && this.errorCount === 0) {
      this.report({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: 'The file has no respondent rows.' });
    }
    if (this.errorCount === 0) this.checkWeightTotals();
    if (this.errorCount > 0) return { ok: false, observations: [], quality: [], errors, errorCount: this.errorCount, warnings: [], stats };
    const { observations, quality } = estimateCells(totals, estimationAreas(totals.strataKeys(), this.strataOfProvince), this.options, this.rule);
    return { ok: true, observations, quality, errors, errorCount: this.errorCount, warnings: this.warnings(), stats };
  }

  // Weights are numbers of people: together they cannot exceed the population they stand for.
  private checkWeightTotals(): void {
    const total = this.stats.weightTotal;
    if (total > POPULATION_CAPS.country) {
      // The country total names the scale problem; provinces would repeat it.
      return this.report({
        line: 0,
        column: 'weight',
        value: people(total),
        code: 'WEIGHTS_EXCEED_POPULATION',
        message: `The weights add up to ${people(total)} people, more than the population of Viet Nam can be (at most ${people(POPULATION_CAPS.country)}); check the weight column's scale.`,
      });
    }
    for (const [code, sum] of this.weightByProvince) {
      if (sum > POPULATION_CAPS.province) {
        this.report({
          line: 0,
          column: 'weight',
          value: people(sum),
          code: 'WEIGHTS_EXCEED_POPULATION',
          message: `The weights of province ${code} add up to ${people(sum)} people, more than a province can have (at most ${people(POPULATION_CAPS.province)}).`,
        });
      }
    }
  }

  private warnings(): string[] {
    const { stats } = this;
    const warnings: string[] = [];
    if (stats.formerProvinceRows > 0) {
      const eg = [...this.mappedExamples].map(([raw, code]) => `"${raw}" → ${code}`).join(', ');
      warnings.push(`${stats.formerProvinceRows.toLocaleString('en')} rows named a former province and were assigned to the current unit (${eg}).`);
    }
    if (stats.singletonStrata > 0) warnings.push(`${stats.singletonStrata} strata have a single unit: their variance is taken as 0.`);
    if (!this.clustered) warnings.push('No psu column: standard errors ignore clustering and are understated.');
    return warnings;
  }
}

/**
 * Creates a streaming microdata aggregator. Memory is independent of the row
 * count (per-stratum cell arrays; per-PSU sparse totals when clustered).
 */
export function createMicrodataAggregator(options: MicrodataOptions): MicrodataAggregator {
  const a = new MicrodataAggregation(options);
  return { push: (record, line) => a.push(record, line), fail: (e) => a.report(e), finish: () => a.finish() };
}
