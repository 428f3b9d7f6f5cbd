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
import { CELL_COUNT, estimateCells, estimationAreas, respondentCells, type CautionRule } from './microdata-cells';
import { IssueLog } from './long-format-checks';
import { POPULATION_CAPS } from './plausibility';
import { field, MicrodataRowReader, type Respondent } from './microdata-row';
import type { MicrodataAggregator, MicrodataError, MicrodataOptions, MicrodataRecord, MicrodataResult } from './microdata-types';

const PERIOD = /^\d{4}(-Q[1-4])?$/;

const ESTIMATOR = {
  clustered: 'Weighted totals; variance by with-replacement linearisation over PSUs (ultimate clusters) within strata.',
  flat: 'Weighted totals; variance by with-replacement linearisation with respondents as units within strata (no PSU column: clustering design effect ignored, SEs understated).',
};

const people = (n: number) => Math.round(n).toLocaleString('en');

/**
 * One aggregation, respondent by respondent: each row's columns are checked
 * in turn (microdata-row.ts), then a valid row is added to its stratum's
 * cells (`accumulate`). `finish` checks the weight totals and estimates.
 */
class MicrodataAggregation {
  // The long format's log: the first `maxErrors` kept, all counted.
  private readonly log: IssueLog<MicrodataError>;
  readonly stats: MicrodataResult['stats'];
  private readonly rule: CautionRule;
  private readonly clustered: boolean;
  private readonly totals: StratifiedTotals;
  private readonly reader: MicrodataRowReader;
  private readonly strataOfProvince = new Map<string, Set<string>>();
  private readonly weightByProvince = new Map<string, number>();
  private readonly cells = new Int32Array(16);
  // Rows of a stratum arrive together, so remember the last stratum key.
  private lastProvince = '';
  private lastStratumRaw = '';
  private lastStratumKey = '';

  constructor(private readonly options: MicrodataOptions) {
    if (!PERIOD.test(options.period)) throw new Error(`period must look like 2024 or 2024-Q2, got "${options.period}"`);
    this.rule = { minPersons: options.caution?.minPersons ?? 10_000, maxCv: options.caution?.maxCv ?? 0.3 };
    this.log = new IssueLog(options.maxErrors ?? 100);
    this.clustered = options.clustered ?? false;
    this.reader = new MicrodataRowReader(this.log, options, this.clustered);
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

  push(record: MicrodataRecord, line: number): boolean {
    this.stats.rows++;
    const r = this.reader.read(record, line);
    if (!r) return false;
    this.accumulate(record, r);
    return true;
  }

  /** Adds a valid respondent to its stratum's cells and to the counts. */
  private accumulate(record: MicrodataRecord, { province, status, s, q, w, psu }: Respondent): void {
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
      const eg = [...this.reader.mappedExamples].map(([raw, code]) => `"${raw}" → ${code}`).join(', ');
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
