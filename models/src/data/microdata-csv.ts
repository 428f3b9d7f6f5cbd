import Papa from 'papaparse';
import { createMicrodataAggregator } from './microdata-aggregate';
import type { MicrodataOptions, MicrodataRecord, MicrodataResult } from './microdata-types';
import { mapMicrodataHeader, MICRODATA_COLUMNS, type MicrodataHeader } from './microdata-columns';

/**
 * The part of a Node.js Readable that papaparse streams from. Pass
 * `fs.createReadStream(path)`, or for a fetch/Hono request body
 * `Readable.fromWeb(c.req.raw.body)`; the caller owns the I/O.
 */
export interface CsvReadable {
  readable: boolean;
  read(...args: unknown[]): unknown;
  on(event: string, listener: (...args: any[]) => void): unknown;
  setEncoding?(encoding: 'utf8'): unknown;
}

export type MicrodataCsvResult = MicrodataResult & { header: MicrodataHeader | null };

const isBlankRow = (row: string[]) => row.length === 1 && row[0].trim() === '';

/**
 * Parses a microdata CSV (string or Node stream) with papaparse in chunks and
 * feeds every respondent to a `createMicrodataAggregator`. Lines are 1-based
 * physical lines (header = line 1 unless blank lines precede it). A UTF-8 BOM
 * is stripped; the delimiter (`,` `;` tab) is detected by papaparse. Missing
 * required columns stop the file before any row is read.
 */
export function aggregateMicrodataCsv(input: string | CsvReadable, options: Omit<MicrodataOptions, 'clustered'>): Promise<MicrodataCsvResult> {
  if (typeof input !== 'string') input.setEncoding?.('utf8'); // multi-byte characters may straddle chunks
  return new Promise((resolve, reject) => {
    let header: MicrodataHeader | null = null;
    let aggregator: ReturnType<typeof createMicrodataAggregator> | null = null;
    let headerWarnings: string[] = [];
    let headerFailed = false;
    let line = 1;
    let columnIndex: [keyof MicrodataRecord, number][] = [];
    const record: MicrodataRecord = {};

    // Only a quoted field can hold a newline; most files have no quotes at all,
    // so look for them in the raw text (before papaparse sees each chunk).
    let quoted = typeof input === 'string' ? input.includes('"') : false;
    if (typeof input !== 'string') {
      input.on('data', (chunk: string | Uint8Array) => {
        if (!quoted) quoted = typeof chunk === 'string' ? chunk.includes('"') : chunk.indexOf(34) >= 0;
      });
    }
    const onRow = (row: string[]) => {
      const rowLine = line;
      line++;
      if (quoted) for (let i = 0; i < row.length; i++) if (row[i].includes('\n')) line += row[i].split('\n').length - 1;
      if (isBlankRow(row)) return;
      if (!header) {
        if (row[0]?.charCodeAt(0) === 0xfeff) row[0] = row[0].slice(1);
        header = mapMicrodataHeader(row);
        const clustered = header.index.psu !== undefined;
        aggregator = createMicrodataAggregator({ ...options, clustered });
        headerWarnings = header.problems.filter((p) => p.code === 'UNKNOWN_COLUMN').map((p) => p.message);
        for (const p of header.problems) {
          if (p.code === 'UNKNOWN_COLUMN') continue;
          headerFailed = true;
          aggregator.fail({ line: rowLine, column: p.column, value: p.column, message: p.message, code: p.code });
        }
        columnIndex = MICRODATA_COLUMNS.filter((c) => header!.index[c] !== undefined).map((c) => [c, header!.index[c]!]);
        return;
      }
      for (const [col, i] of columnIndex) record[col] = row[i];
      aggregator!.push(record, rowLine);
    };

    const done = () => {
      if (!aggregator) {
        resolve({
          ...createMicrodataAggregator({ ...options }).finish(),
          header: null,
        });
        return;
      }
      const result = aggregator.finish();
      result.warnings.unshift(...headerWarnings);
      resolve({ ...result, header });
    };

    Papa.parse<string[]>(input as unknown as File, {
      delimiter: '',
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        const first = line;
        const rows = results.data;
        const lineOf = results.errors.length ? new Int32Array(rows.length) : null;
        for (let i = 0; i < rows.length; i++) {
          if (lineOf) lineOf[i] = line;
          onRow(rows[i]);
          if (headerFailed) {
            parser.abort();
            return;
          }
        }
        // Unbalanced quotes swallow the rest of the file into one field: say where it starts.
        for (const e of results.errors) {
          if (e.type !== 'Quotes') continue;
          const at = lineOf && e.row !== undefined && e.row < rows.length ? lineOf[e.row] : first;
          (aggregator ?? (aggregator = createMicrodataAggregator({ ...options }))).fail({
            line: at,
            column: null,
            value: '',
            code: 'CSV_SYNTAX',
            message: e.code === 'MissingQuotes' ? `A quote opened on line ${at} is never closed.` : `${e.message} (line ${at}).`,
          });
        }
      },
      complete: done,
      error: (err: Error) => reject(err),
    });
  });
}
