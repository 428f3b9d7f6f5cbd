/**
 * Observations as columns, for handing a version to the compute worker: every
 * string field is dictionary-coded (a few thousand distinct strings for ~80,000
 * rows) and the codes and values are typed arrays, which a worker receives as
 * flat memory rather than 80,000 objects. Decoded rows share their strings, so they take a quarter of the memory
 * of rows straight from the database driver.
 */
import type { Observation } from '@lmo/models';

const STRING_FIELDS = ['indicator', 'period', 'region', 'sector', 'qualification', 'unit', 'source', 'status'] as const;
const WIDTH = STRING_FIELDS.length;

/** Dictionary-coded observations (see the module comment). */
export interface ObservationColumns {
  dict: string[];
  /** `WIDTH` dictionary indexes per row, in STRING_FIELDS order. */
  codes: Uint32Array;
  values: Float64Array;
}

/** Builds ObservationColumns page by page (`add`), then `finish()`. */
export class ObservationColumnsBuilder {
  private readonly index = new Map<string, number>();
  private readonly dict: string[] = [];
  private codes = new Uint32Array(WIDTH * 1024);
  private values = new Float64Array(1024);
  private n = 0;

  /** Appends rows; the caller may drop them afterwards. */
  add(rows: readonly Observation[]): void {
    this.reserve(this.n + rows.length);
    for (const row of rows) {
      const base = this.n * WIDTH;
      for (let f = 0; f < WIDTH; f++) this.codes[base + f] = this.code(row[STRING_FIELDS[f]]);
      this.values[this.n++] = row.value;
    }
  }

  get length(): number {
    return this.n;
  }

  finish(): ObservationColumns {
    return { dict: this.dict, codes: this.codes.slice(0, this.n * WIDTH), values: this.values.slice(0, this.n) };
  }

  private code(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.dict.length;
      this.dict.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  private reserve(rows: number): void {
    if (rows <= this.values.length) return;
    const size = Math.max(rows, this.values.length * 2);
    const codes = new Uint32Array(size * WIDTH);
    codes.set(this.codes);
    const values = new Float64Array(size);
    values.set(this.values);
    this.codes = codes;
    this.values = values;
  }
}

/** Columns of `rows` (see ObservationColumnsBuilder for paged input). */
export function toColumns(rows: readonly Observation[]): ObservationColumns {
  const b = new ObservationColumnsBuilder();
  b.add(rows);
  return b.finish();
}

/** The rows back, in order, sharing the dictionary's strings. */
export function fromColumns({ dict, codes, values }: ObservationColumns): Observation[] {
  const out: Observation[] = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const c = r * WIDTH;
    out[r] = {
      indicator: dict[codes[c]],
      period: dict[codes[c + 1]],
      region: dict[codes[c + 2]],
      sector: dict[codes[c + 3]],
      qualification: dict[codes[c + 4]],
      value: values[r],
      unit: dict[codes[c + 5]] as Observation['unit'],
      source: dict[codes[c + 6]],
      status: dict[codes[c + 7]] as Observation['status'],
    };
  }
  return out;
}
