/**
 * Rows of one results chunk held as columns: numbers in a Float64Array, everything else coded
 * against a table of its distinct values (as JSON). A planner's scenario is some 60,000 gap rows
 * and 5,000 forecast cells; as columns it leaves the scenario worker without JSON.stringify (the
 * arrays are transferred, not copied), sits in memory at a fraction of its JSON size, and is read
 * back without JSON.parse of every row (each distinct text is parsed once, and rows share it).
 */

/** Marks a row without the key (distinct from a value of `null`). */
const ABSENT = 0xffffffff;

/** One column: numbers, or codes into `values` (each a JSON text). */
export type RowColumn = { key: string; numbers: Float64Array } | { key: string; codes: Uint32Array; values: string[] };

/** Rows as columns; `length` rows, columns in the order keys first appear. */
export interface RowColumns {
  length: number;
  columns: RowColumn[];
}

type Row = Record<string, unknown>;

/** Keys in the order they first appear in the rows, but those in `omit`. */
function keysOf(rows: readonly Row[], omit: readonly string[]): string[] {
  const keys = new Set<string>();
  let previous: string[] = [];
  for (const row of rows) {
    const own = Object.keys(row);
    // Rows of a chunk mostly share one shape: only a row whose keys differ from the last is added.
    if (own.length === previous.length && own.every((k, j) => k === previous[j])) continue;
    previous = own;
    for (const k of own) keys.add(k);
  }
  return [...keys].filter((k) => !omit.includes(k));
}

type Extract = (rows: readonly Row[]) => unknown[][];
const extractors = new Map<string, Extract>();

/**
 * Copies each key's values out of the rows into one array per key. Compiled once per key set
 * (keys passed as JSON strings, never as code) so each read is a named property load, which V8
 * makes fast for rows of one shape; a lookup by a variable key is several times slower.
 */
function extractorOf(keys: readonly string[]): Extract {
  const id = JSON.stringify(keys);
  let fn = extractors.get(id);
  if (!fn) {
    const cols = keys.map((_, j) => `c${j}`);
    const body = `const n = rows.length; ${cols.map((c) => `const ${c} = new Array(n);`).join(' ')}
      for (let i = 0; i < n; i++) { const r = rows[i]; ${keys.map((k, j) => `${cols[j]}[i] = r[${JSON.stringify(k)}];`).join(' ')} }
      return [${cols.join(', ')}];`;
    fn = new Function('rows', body) as Extract;
    extractors.set(id, fn);
  }
  return fn;
}

function columnOf(key: string, values: unknown[]): RowColumn {
  // A column is numeric only when every row holds a finite number: anything else round-trips as JSON.
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return { key, numbers: Float64Array.from(values as number[]) };
  // Strings are looked up as themselves (no JSON.stringify per row); other values by their JSON.
  const strings = new Map<string, number>();
  const others = new Map<string, number>();
  const texts: string[] = [];
  const codes = new Uint32Array(values.length);
  // Neighbouring rows often repeat a value (a region, a sector): reuse its code without a lookup.
  let last: unknown;
  let lastCode = ABSENT;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) {
      codes[i] = ABSENT;
      continue;
    }
    if (v === last) {
      codes[i] = lastCode;
      continue;
    }
    const isString = typeof v === 'string';
    const lookup = isString ? v : JSON.stringify(v);
    const map = isString ? strings : others;
    let code = map.get(lookup);
    if (code === undefined) {
      code = texts.length;
      map.set(lookup, code);
      texts.push(isString ? JSON.stringify(v) : lookup);
    }
    codes[i] = code;
    last = v;
    lastCode = code;
  }
  return { key, codes, values: texts };
}

/** The rows as columns; keys in `omit` are left out (without copying the rows to drop them). */
export function rowsToColumns(rows: readonly object[], omit: readonly string[] = []): RowColumns {
  const list = rows as readonly Row[];
  const keys = keysOf(list, omit);
  const values = extractorOf(keys)(list);
  return { length: list.length, columns: keys.map((k, j) => columnOf(k, values[j])) };
}

/**
 * Builds one row from the columns at an index. Compiled once per key set so that every row is
 * created as one object literal (one hidden class): assigning 20 keys one by one to `{}` for
 * 60,000 rows is several times slower. Keys are passed as JSON strings, never as code.
 */
type Make = (cols: readonly ArrayLike<unknown>[], i: number) => Row;
const makers = new Map<string, Make>();

function rowMaker(keys: readonly string[]): Make {
  const id = JSON.stringify(keys);
  let fn = makers.get(id);
  if (!fn) {
    fn = new Function('c', 'i', `return {${keys.map((k, j) => `${JSON.stringify(k)}: c[${j}][i]`).join(', ')}};`) as Make;
    makers.set(id, fn);
  }
  return fn;
}

/**
 * The rows back, as new objects (a caller may add keys to them); a key a row did not have is
 * `undefined` (JSON drops it, as it was). Values that are objects or arrays are shared between
 * the rows that held equal ones: treat them as read-only.
 */
export function columnsToRows<T = Row>(c: RowColumns): T[] {
  const cols: ArrayLike<unknown>[] = c.columns.map((col) => {
    if ('numbers' in col) return col.numbers;
    const values = col.values.map((v) => JSON.parse(v) as unknown);
    return Array.from(col.codes, (code) => (code === ABSENT ? undefined : values[code]));
  });
  const make = rowMaker(c.columns.map((col) => col.key));
  const rows: Row[] = new Array(c.length);
  for (let i = 0; i < c.length; i++) rows[i] = make(cols, i);
  return rows as T[];
}

/** The buffers a worker can transfer instead of copying. */
export function transferablesOf(c: RowColumns): ArrayBuffer[] {
  return c.columns.map((col) => ('numbers' in col ? col.numbers.buffer : col.codes.buffer) as ArrayBuffer);
}
