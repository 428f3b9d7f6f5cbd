/**
 * One respondent's columns, read and checked for the microdata aggregation
 * (microdata-aggregate.ts): province, labour status, age, weight, sector,
 * qualification and PSU. Every problem goes to the aggregation's issue log;
 * a respondent with any problem is not counted.
 */
import { parseLabourStatus, type LabourStatus, type MicrodataColumn } from './microdata-columns';
import { isProblem, resolveProvinceLabel, resolveQualificationLabel, resolveSectorLabel, type LabelProblem } from './microdata-labels';
import { QUALIFICATION_INDEX, SECTOR_INDEX } from './microdata-cells';
import type { IssueLog } from './long-format-checks';
import { memoLabels } from './memo';
import { POPULATION_CAPS } from './plausibility';
import type { MicrodataError, MicrodataOptions, MicrodataRecord } from './microdata-types';

/** A column's raw value, trimmed ('' when absent). */
export const field = (record: MicrodataRecord, column: MicrodataColumn): string => {
  const v = record[column];
  return v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);
};

/** A respondent whose columns all passed: where and what they count in, and their weight. */
export interface Respondent {
  province: { code: string; former: boolean };
  status: LabourStatus;
  /** Layout index of the sector (employed only), else -1. */
  s: number;
  /** Layout index of the qualification (labour force only), else -1. */
  q: number;
  w: number;
  psu: string | null;
}

/**
 * Reads respondents column by column (`readProvince`, `readStatus`,
 * `checkAge`, `readWeight`, `readBreakdown`, `readPsu`), reporting each
 * problem to the shared log.
 */
export class MicrodataRowReader {
  private readonly minAge: number;
  private readonly maxAge: number;
  /** Up to five former-province labels seen, with the current unit each was assigned to. */
  readonly mappedExamples = new Map<string, string>();

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
  private readonly statusOf = memoLabels((raw) => parseLabourStatus(raw) ?? null, 1000);

  constructor(
    // The aggregation's log: the first `maxErrors` kept, all counted.
    private readonly log: IssueLog<MicrodataError>,
    options: MicrodataOptions,
    private readonly clustered: boolean,
  ) {
    [this.minAge, this.maxAge] = options.ageRange ?? [15, 120];
  }

  private report(e: MicrodataError): void {
    this.log.error(e);
  }

  private missing(line: number, column: MicrodataColumn): void {
    this.report({ line, column, value: '', code: 'MISSING_VALUE', message: `${column} is empty.` });
  }

  /** The respondent's checked columns, or undefined when any of them had a problem (reported). */
  read(record: MicrodataRecord, line: number): Respondent | undefined {
    const before = this.log.errorCount;
    const province = this.readProvince(record, line);
    const status = this.readStatus(record, line);
    this.checkAge(record, line);
    const w = this.readWeight(record, line);
    // Sector matters for the employed only; qualification for the labour force.
    const s = status === 'employed' ? this.readBreakdown(record, line, 'sector', this.sectorOf) : -1;
    const q = status === 'employed' || status === 'unemployed' ? this.readBreakdown(record, line, 'qualification', this.qualificationOf) : -1;
    const psu = this.readPsu(record, line);
    if (this.log.errorCount > before || !province || !status) return undefined;
    return { province, status, s, q, w, psu };
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
    const status = this.statusOf(raw);
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
}
