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
import { PROVINCES, QUALIFICATIONS, SECTORS } from '../labour/codes';
import type { Observation } from './observation';
import { StratifiedTotals } from './microdata-estimator';
import { parseLabourStatus, type LabourStatus, type MicrodataColumn } from './microdata-columns';
import { isProblem, resolveProvinceLabel, resolveQualificationLabel, resolveSectorLabel } from './microdata-labels';
import { memoLabels } from './memo';
import { POPULATION_CAPS } from './plausibility';
import type {
  MicrodataAggregator, MicrodataError, MicrodataOptions, MicrodataQuality, MicrodataRecord, MicrodataResult,
} from './microdata-types';

const IND = ['employment', 'unemployed', 'labour_force'] as const;
const EMP = 0, UNE = 1, LF = 2;

const PERIOD = /^\d{4}(-Q[1-4])?$/;

/**
 * Creates a streaming microdata aggregator. Memory is independent of the row
 * count (per-stratum cell arrays; per-PSU sparse totals when clustered).
 */
export function createMicrodataAggregator(options: MicrodataOptions): MicrodataAggregator {
  if (!PERIOD.test(options.period)) throw new Error(`period must look like 2024 or 2024-Q2, got "${options.period}"`);
  const [minAge, maxAge] = options.ageRange ?? [15, 120];
  const minPersons = options.caution?.minPersons ?? 10_000;
  const maxCv = options.caution?.maxCv ?? 0.3;
  const maxErrors = options.maxErrors ?? 100;
  const clustered = options.clustered ?? false;

  // Dimension indices. Sectors are every code in codes.ts (TOTAL, broad,
  // sections, fields); a respondent adds to their sector and its ancestors.
  const sectors = SECTORS;
  const quals = QUALIFICATIONS.filter((q) => q.code !== 'ALL');
  const S1 = sectors.length;
  const Q1 = quals.length + 1;
  const ALL = quals.length;
  const TOTAL = sectors.findIndex((x) => x.code === 'TOTAL');
  const cell = (ind: number, s: number, q: number) => (ind * S1 + s) * Q1 + q;
  const totals = new StratifiedTotals(IND.length * S1 * Q1, clustered);
  const sectorIndex = new Map(sectors.map((x, i) => [x.code, i]));
  /** Sector index → itself and its ancestors up to TOTAL. */
  const sectorChain = sectors.map((x) => {
    const chain: number[] = [];
    for (let c: string | null = x.code; c; c = sectors[sectorIndex.get(c)!].parent) chain.push(sectorIndex.get(c)!);
    return chain;
  });
  const qualIndex = new Map(quals.map((x, i) => [x.code, i]));

  const errors: MicrodataError[] = [];
  let errorCount = 0;
  const stats: MicrodataResult['stats'] = {
    rows: 0, validRows: 0, byStatus: { employed: 0, unemployed: 0, outside: 0 }, weightTotal: 0,
    formerProvinceRows: 0, strata: 0, singletonStrata: 0,
    estimator: clustered
      ? 'Weighted totals; variance by with-replacement linearisation over PSUs (ultimate clusters) within strata.'
      : 'Weighted totals; variance by with-replacement linearisation with respondents as units within strata (no PSU column: clustering design effect ignored, SEs understated).',
  };
  const strataOfProvince = new Map<string, Set<string>>();
  const weightByProvince = new Map<string, number>();
  const mappedExamples = new Map<string, string>();

  // Label → index (or problem); a million rows hold few distinct labels.
  const provinceOf = memoLabels((raw) => {
    const r = resolveProvinceLabel(raw);
    if (!isProblem(r) && r.mappedFrom && mappedExamples.size < 5) mappedExamples.set(raw, r.code);
    return isProblem(r) ? r : { code: r.code, former: r.mappedFrom !== undefined };
  });
  const sectorOf = memoLabels((raw) => {
    const r = resolveSectorLabel(raw);
    return isProblem(r) ? r : sectorIndex.get(r)!;
  });
  const qualificationOf = memoLabels((raw) => {
    const r = resolveQualificationLabel(raw);
    return isProblem(r) ? r : qualIndex.get(r)!;
  });
  const cells = new Int32Array(16);

  const report = (e: MicrodataError) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push(e);
  };

  const statusCache = new Map<string, LabourStatus | null>();
  const field = (record: MicrodataRecord, column: MicrodataColumn): string => {
    const v = record[column];
    return v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);
  };
  const missing = (line: number, column: MicrodataColumn) =>
    report({ line, column, value: '', code: 'MISSING_VALUE', message: `${column} is empty.` });
  // Rows of a stratum arrive together, so remember the last stratum key.
  let lastProvince = '';
  let lastStratumRaw = '';
  let lastStratumKey = '';

  function push(record: MicrodataRecord, line: number): boolean {
    stats.rows++;
    const before = errorCount;

    const provinceRaw = field(record, 'province');
    let province: { code: string; former: boolean } | undefined;
    if (provinceRaw === '') missing(line, 'province');
    else {
      const r = provinceOf(provinceRaw);
      if (isProblem(r)) report({ line, column: 'province', value: provinceRaw, ...r }); else province = r;
    }

    const statusRaw = field(record, 'status');
    let status: LabourStatus | null | undefined;
    if (statusRaw === '') missing(line, 'status');
    else {
      status = statusCache.get(statusRaw);
      if (status === undefined) {
        status = parseLabourStatus(statusRaw) ?? null;
        if (statusCache.size < 1000) statusCache.set(statusRaw, status);
      }
      if (status === null) {
        report({ line, column: 'status', value: statusRaw, code: 'BAD_STATUS',
          message: `Unknown labour status "${statusRaw}": use employed, unemployed or outside (or LFS codes 1, 2, 3).` });
      }
    }

    const ageRaw = field(record, 'age');
    if (ageRaw === '') missing(line, 'age');
    else {
      const age = Number(ageRaw);
      if (!Number.isInteger(age)) {
        report({ line, column: 'age', value: ageRaw, code: 'BAD_AGE', message: `Age "${ageRaw}" is not a whole number of years.` });
      } else if (age < minAge || age > maxAge) {
        report({ line, column: 'age', value: ageRaw, code: 'AGE_OUT_OF_RANGE', message: `Age ${age} is outside ${minAge}–${maxAge} (the labour module covers people aged ${minAge}+).` });
      }
    }

    const weightRaw = field(record, 'weight');
    const w = Number(weightRaw);
    if (weightRaw === '') missing(line, 'weight');
    else if (!Number.isFinite(w)) report({ line, column: 'weight', value: weightRaw, code: 'BAD_WEIGHT', message: `Weight "${weightRaw}" is not a number (use a dot for decimals).` });
    else if (w < 0) report({ line, column: 'weight', value: weightRaw, code: 'NEGATIVE_WEIGHT', message: `Weight ${weightRaw} is negative.` });
    else if (w === 0) report({ line, column: 'weight', value: weightRaw, code: 'ZERO_WEIGHT', message: 'Weight is 0: every respondent must represent someone.' });
    else if (w > POPULATION_CAPS.province) {
      report({ line, column: 'weight', value: weightRaw, code: 'WEIGHT_TOO_LARGE', message: `Weight ${weightRaw} is implausible: one respondent cannot stand for more people than a province has (at most ${POPULATION_CAPS.province.toLocaleString('en')}).` });
    }

    // Sector matters for the employed only; qualification for the labour force.
    let s = -1;
    let q = -1;
    if (status === 'employed') {
      const raw = field(record, 'sector');
      if (raw === '') missing(line, 'sector');
      else {
        const r = sectorOf(raw);
        if (isProblem(r)) report({ line, column: 'sector', value: raw, ...r }); else s = r;
      }
    }
    if (status === 'employed' || status === 'unemployed') {
      const raw = field(record, 'qualification');
      if (raw === '') missing(line, 'qualification');
      else {
        const r = qualificationOf(raw);
        if (isProblem(r)) report({ line, column: 'qualification', value: raw, ...r }); else q = r;
      }
    }
    const psu = clustered ? field(record, 'psu') : null;
    if (psu === '') report({ line, column: 'psu', value: '', code: 'MISSING_VALUE', message: 'psu is empty (the file has a psu column, so every row needs one).' });
    if (errorCount > before || !province || !status) return false;

    let k = 0;
    if (status === 'employed') {
      const chain = sectorChain[s];
      for (let i = 0; i < chain.length; i++) { cells[k++] = cell(EMP, chain[i], q); cells[k++] = cell(EMP, chain[i], ALL); }
    } else if (status === 'unemployed') {
      cells[k++] = cell(UNE, TOTAL, q); cells[k++] = cell(UNE, TOTAL, ALL);
    }
    if (status !== 'outside') { cells[k++] = cell(LF, TOTAL, q); cells[k++] = cell(LF, TOTAL, ALL); }

    const stratumRaw = field(record, 'stratum');
    if (province.code !== lastProvince || stratumRaw !== lastStratumRaw) {
      lastProvince = province.code;
      lastStratumRaw = stratumRaw;
      lastStratumKey = stratumRaw === '' ? province.code : `${province.code}|${stratumRaw}`;
      let set = strataOfProvince.get(province.code);
      if (!set) strataOfProvince.set(province.code, (set = new Set()));
      set.add(lastStratumKey);
    }
    totals.add(lastStratumKey, psu, w, cells, k);
    weightByProvince.set(province.code, (weightByProvince.get(province.code) ?? 0) + w);

    stats.validRows++;
    stats.byStatus[status]++;
    stats.weightTotal += w;
    if (province.former) stats.formerProvinceRows++;
    return true;
  }

  function finish(): MicrodataResult {
    const warnings: string[] = [];
    stats.strata = totals.strataKeys().length;
    stats.singletonStrata = totals.countSingletons();
    if (stats.rows === 0 && errorCount === 0) {
      report({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: 'The file has no respondent rows.' });
    }
    // Weights are numbers of people: together they cannot exceed the population they stand for.
    const people = (n: number) => Math.round(n).toLocaleString('en');
    if (errorCount === 0 && stats.weightTotal > POPULATION_CAPS.country) {
      report({ line: 0, column: 'weight', value: people(stats.weightTotal), code: 'WEIGHTS_EXCEED_POPULATION',
        message: `The weights add up to ${people(stats.weightTotal)} people, more than the population of Viet Nam can be (at most ${people(POPULATION_CAPS.country)}); check the weight column's scale.` });
    }
    for (const [code, total] of errorCount === 0 ? weightByProvince : []) {
      if (total > POPULATION_CAPS.province) {
        report({ line: 0, column: 'weight', value: people(total), code: 'WEIGHTS_EXCEED_POPULATION',
          message: `The weights of province ${code} add up to ${people(total)} people, more than a province can have (at most ${people(POPULATION_CAPS.province)}).` });
      }
    }
    if (errorCount > 0) return { ok: false, observations: [], quality: [], errors, errorCount, warnings, stats };

    if (stats.formerProvinceRows > 0) {
      const eg = [...mappedExamples].map(([raw, code]) => `"${raw}" → ${code}`).join(', ');
      warnings.push(`${stats.formerProvinceRows.toLocaleString('en')} rows named a former province and were assigned to the current unit (${eg}).`);
    }
    if (stats.singletonStrata > 0) warnings.push(`${stats.singletonStrata} strata have a single unit: their variance is taken as 0.`);
    if (!clustered) warnings.push('No psu column: standard errors ignore clustering and are understated.');

    const observations: Observation[] = [];
    const quality: MicrodataQuality[] = [];
    const emit = (indicator: string, region: string, sector: string, qualification: string, cellIndex: number, strata: string[]) => {
      const e = totals.estimate(strata, cellIndex);
      if (e.count === 0) return;
      const se = Math.sqrt(e.variance);
      const cv = e.total > 0 ? se / e.total : null;
      const reasons: MicrodataQuality['reasons'] = [];
      if (e.total < minPersons) reasons.push('under-threshold');
      if (cv !== null && cv > maxCv) reasons.push('high-cv');
      observations.push({
        indicator, period: options.period, region, sector, qualification,
        value: Math.round(e.total), unit: 'persons', source: options.source, status: 'survey',
      });
      quality.push({
        indicator, period: options.period, region, sector, qualification,
        estimate: e.total, se, cv, respondents: e.count, caution: reasons.length > 0, reasons,
      });
    };

    const areas: [string, string[]][] = [['VN', totals.strataKeys()]];
    for (const p of PROVINCES) {
      const set = strataOfProvince.get(p.code);
      if (set) areas.push([p.code, [...set]]);
    }
    const qualCodes = [...quals.map((x) => x.code), 'ALL'];
    const sectorCodes = sectors.map((x) => x.code);
    for (const [region, strata] of areas) {
      for (let si = 0; si < S1; si++) {
        for (let qi = 0; qi < Q1; qi++) emit('employment', region, sectorCodes[si], qualCodes[qi], cell(EMP, si, qi), strata);
      }
      for (const ind of [UNE, LF]) {
        for (let qi = 0; qi < Q1; qi++) emit(IND[ind], region, 'TOTAL', qualCodes[qi], cell(ind, TOTAL, qi), strata);
      }
    }
    return { ok: true, observations, quality, errors, errorCount, warnings, stats };
  }

  return { push, fail: report, finish };
}
