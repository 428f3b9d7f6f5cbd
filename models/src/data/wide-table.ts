import Papa from 'papaparse';

/** One data row of a wide file, with the 1-based physical line it starts on. */
export interface WideRow {
  line: number;
  cells: string[];
}

/** A wide file after the metadata lines above the header have been set aside. */
export interface WideTable {
  header: string[];
  /** 1-based physical line of the header row. */
  headerLine: number;
  rows: WideRow[];
  /** Non-empty lines above the header (e.g. World Bank "Data Source", "Last Updated Date"). */
  metadata: { line: number; cells: string[] }[];
  delimiter: string;
}

/** Why a wide file could not be read at all. */
export interface WideTableProblem {
  code: 'EMPTY_FILE' | 'NO_HEADER' | 'UNNAMED_COLUMN';
  line: number;
  /** 1-based column index as text for an unnamed column; null for file-level problems. */
  column: string | null;
  message: string;
}

const HEADER_SEARCH_ROWS = 30;

/**
 * Period label carried by a wide column name: `2023`, `2023-Q4`, World Bank
 * DataBank `2023 [YR2023]`, or `null` when the name is not a period.
 */
export function periodFromColumn(name: string): string | null {
  const s = name.trim();
  let m = /^(\d{4})(?:\s*\[YR\d{4}\])?$/.exec(s);
  if (m) return m[1];
  m = /^(\d{4})\s*[-_ ]?\s*Q([1-4])$/i.exec(s);
  if (m) return `${m[1]}-Q${m[2]}`;
  return null;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads a wide CSV (periods as columns, like a World Bank download). Strips a
 * UTF-8 BOM, skips metadata lines above the header (the header is the first
 * row with at least two named cells and at least one period column), drops
 * trailing unnamed empty columns and blank lines, and records each row's
 * physical line so later errors can point at it.
 */
export function readWideTable(
  text: string,
  options: { delimiter?: string } = {},
): { table: WideTable; problem?: undefined } | { table?: undefined; problem: WideTableProblem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed: { line: number; cells: string[] }[] = [];
  let line = 1;
  let prevCursor = 0;
  let delimiter = options.delimiter ?? '';
  Papa.parse<string[]>(body, {
    delimiter: options.delimiter ?? '',
    step: (result) => {
      const cursor = result.meta.cursor;
      // Rows may hold quoted newlines, so count physical lines between cursors.
      parsed.push({ line, cells: result.data });
      for (let i = prevCursor; i < cursor; i++) if (body.charCodeAt(i) === 10) line++;
      prevCursor = cursor;
      delimiter = result.meta.delimiter;
    },
  });
  const nonBlank = parsed.filter((r) => !isBlank(r.cells));
  if (nonBlank.length === 0) {
    return { problem: { code: 'EMPTY_FILE', line: 1, column: null, message: 'The file is empty.' } };
  }
  const headerIndex = nonBlank
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => r.cells.filter((c) => c.trim() !== '').length >= 2 && r.cells.some((c) => periodFromColumn(c) !== null));
  if (headerIndex < 0) {
    return {
      problem: {
        code: 'NO_HEADER',
        line: nonBlank[0].line,
        column: null,
        message: `No header row with period columns (e.g. "2023" or "2023-Q4") in the first ${HEADER_SEARCH_ROWS} non-empty lines.`,
      },
    };
  }
  const headerRow = nonBlank[headerIndex];
  const header = headerRow.cells.map((c) => c.trim());
  const rows = nonBlank.slice(headerIndex + 1);
  // World Bank files end every line with a comma: an unnamed, empty column.
  let width = header.length;
  while (width > 0 && header[width - 1] === '') width--;
  for (let col = 0; col < header.length; col++) {
    if (header[col] !== '') continue;
    const used = rows.find((r) => (r.cells[col] ?? '').trim() !== '');
    if (col < width || used) {
      return {
        problem: {
          code: 'UNNAMED_COLUMN',
          line: headerRow.line,
          column: String(col + 1),
          message: `Column ${col + 1} has no name in the header${used ? ` but holds data (line ${used.line})` : ''}.`,
        },
      };
    }
  }
  return {
    table: {
      header: header.slice(0, width),
      headerLine: headerRow.line,
      rows: rows.map((r) => ({ line: r.line, cells: r.cells.slice(0, width) })),
      metadata: nonBlank.slice(0, headerIndex),
      delimiter,
    },
  };
}
