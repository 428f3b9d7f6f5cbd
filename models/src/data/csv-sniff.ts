/**
 * First look at an uploaded CSV before parsing: encoding (UTF-8 only, named
 * rejection of anything else), delimiter, and mapping of the header row onto
 * the long-format columns with "did you mean" suggestions.
 */
import { closest, foldKey } from '../codes/normalize';
import { LONG_COLUMNS } from './observation';
import { excerpt, EXCERPT_CHARS } from './plausibility';

export type LongColumn = (typeof LONG_COLUMNS)[number];
export type Delimiter = ',' | ';' | '\t';

/** A problem found by the validator. `line` is the 1-based physical line (header = 1). */
export interface LongIssue {
  line: number;
  /** Canonical long-format column name (`region`); for header problems the header text as written; null when not about one column. */
  column: string | null;
  value: string;
  /** English message. */
  message: string;
  /** The same message in Vietnamese (UI shows it first). Always set by this module; optional for other producers. */
  messageVi?: string;
  code: string;
}

/** Encoding verdict. Only UTF-8 (with or without BOM) is accepted. */
export type EncodingResult = { ok: true; text: string; bom: boolean } | { ok: false; encoding: string; issue: LongIssue };

const SAVE_AS = 'Save the file as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8) and upload again.';
const SAVE_AS_VI = 'Hãy lưu tệp dưới dạng "CSV UTF-8" (Excel: Tệp → Lưu thành → CSV UTF-8) rồi tải lên lại.';

function encodingIssue(encoding: string, line: number, message: string): { ok: false; encoding: string; issue: LongIssue } {
  const messageVi = `Tệp không dùng mã UTF-8 (có vẻ là ${encoding}, lỗi đầu tiên ở dòng ${line}). ${SAVE_AS_VI}`;
  return { ok: false, encoding, issue: { line, column: null, value: encoding, message, messageVi, code: 'ENCODING' } };
}

/** Legacy encodings Vietnamese files arrive in; invalid UTF-8 cannot tell them apart reliably. */
const LEGACY = 'Windows-1258, TCVN3 or Latin-1 (a legacy single-byte encoding)';

/**
 * Decode uploaded bytes as UTF-8, or name the encoding it looks like and
 * refuse. UTF-16 is recognised by its byte-order mark or by NUL bytes.
 */
export function decodeCsvBytes(bytes: Uint8Array): EncodingResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return encodingIssue('UTF-16 LE', 1, `The file is UTF-16 LE (byte-order mark FF FE), not UTF-8. ${SAVE_AS}`);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return encodingIssue('UTF-16 BE', 1, `The file is UTF-16 BE (byte-order mark FE FF), not UTF-8. ${SAVE_AS}`);
  const head = bytes.subarray(0, 4096);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  if (head.length > 0 && nul > head.length / 4) {
    const le = head.length > 1 && head[1] === 0;
    return encodingIssue(
      le ? 'UTF-16 LE' : 'UTF-16 BE',
      1,
      `The file looks like UTF-16 ${le ? 'LE' : 'BE'} without a byte-order mark (many NUL bytes), not UTF-8. ${SAVE_AS}`,
    );
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8').decode(bytes), bom };
  const line = 1 + countNewlines(bytes.subarray(0, bad));
  return encodingIssue(LEGACY, line, `The file is not valid UTF-8 (first bad byte on line ${line}); it looks like ${LEGACY}. ${SAVE_AS}`);
}

/** The "not UTF-8, looks like Windows-1258/TCVN3/Latin-1" issue at `line` (for streamed input). */
export function legacyEncodingIssue(line: number): LongIssue {
  return encodingIssue(LEGACY, line, `The file is not valid UTF-8 (first bad byte on line ${line}); it looks like ${LEGACY}. ${SAVE_AS}`).issue;
}

/** Offset of the first byte that breaks UTF-8, or -1. `from` skips a character split off by a previous chunk. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > n) return i;
    for (let k = 1; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

function countNewlines(b: Uint8Array): number {
  let n = 0;
  for (const x of b) if (x === 10) n++;
  return n;
}

/**
 * Check text that was already decoded (e.g. by a browser or `fs.readFile(…,
 * 'utf8')`): strip a BOM, and catch text that was really UTF-16 or had
 * invalid bytes replaced by U+FFFD.
 */
export function checkCsvText(text: string): EncodingResult {
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  const head = body.slice(0, 4096);
  let nul = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nul++;
  if (head.length > 0 && nul > head.length / 4) {
    return encodingIssue('UTF-16', 1, `The file looks like UTF-16 decoded as UTF-8 (many NUL characters). ${SAVE_AS}`);
  }
  const bad = body.indexOf('\ufffd');
  if (bad >= 0) {
    const line = 1 + (body.slice(0, bad).match(/\n/g)?.length ?? 0);
    return encodingIssue(LEGACY, line, `The file contains bytes that are not valid UTF-8 (first at line ${line}); it looks like ${LEGACY}. ${SAVE_AS}`);
  }
  return { ok: true, text: body, bom };
}

/** Count delimiters outside quotes in one line. */
function countOutside(line: string, ch: string): number {
  let n = 0;
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') q = !q;
    else if (!q && c === ch) n++;
  }
  return n;
}

/** The delimiter of the header line: the most frequent of `,` `;` tab outside quotes (comma on ties). */
export function detectDelimiter(text: string): Delimiter {
  const nl = text.indexOf('\n');
  const first = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  let best: Delimiter = ',';
  let bestN = countOutside(first, ',');
  for (const d of [';', '\t'] as const) {
    const n = countOutside(first, d);
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return best;
}

// Vietnamese and common English labels for the columns (folded keys).
const COLUMN_ALIASES: Record<string, LongColumn> = {
  chitieu: 'indicator',
  indicatorcode: 'indicator',
  ky: 'period',
  nam: 'period',
  kybaocao: 'period',
  year: 'period',
  time: 'period',
  vung: 'region',
  tinh: 'region',
  diaban: 'region',
  province: 'region',
  area: 'region',
  regioncode: 'region',
  nganh: 'sector',
  nganhkinhte: 'sector',
  industry: 'sector',
  sectorcode: 'sector',
  trinhdo: 'qualification',
  trinhdochuyenmon: 'qualification',
  level: 'qualification',
  education: 'qualification',
  giatri: 'value',
  solieu: 'value',
  donvi: 'unit',
  donvitinh: 'unit',
  nguon: 'source',
  nguonsolieu: 'source',
  trangthai: 'status',
};

export interface HeaderMap {
  /** Index of each known column in the record, when present. */
  index: Partial<Record<LongColumn, number>>;
  /** Missing, duplicated or misspelled required columns: the file cannot be read. */
  errors: LongIssue[];
  /** Extra columns that are ignored. */
  warnings: LongIssue[];
}

/**
 * Map header names onto the long-format columns, ignoring case, diacritics,
 * spaces and punctuation; Vietnamese labels are accepted (`Chỉ tiêu`,
 * `Giá trị`…). A name close to a missing column is an error with a
 * suggestion ("did you mean"); other unknown columns are ignored with a warning.
 */
export function mapHeader(fields: readonly string[], line = 1): HeaderMap {
  const index: Partial<Record<LongColumn, number>> = {};
  const errors: LongIssue[] = [];
  const warnings: LongIssue[] = [];
  const known = new Map<string, LongColumn>(LONG_COLUMNS.map((c) => [foldKey(c), c]));
  const unknown: { name: string; i: number }[] = [];
  fields.forEach((raw, i) => {
    const full = raw.replace(/^\ufeff/, '').trim();
    // An overlong "name" (a whole file on one line, binary) is quoted only in part and never matched.
    const name = excerpt(full);
    if (full.length > EXCERPT_CHARS) return void unknown.push({ name, i });
    const key = foldKey(name);
    if (!key) return;
    const col = known.get(key) ?? COLUMN_ALIASES[key];
    if (!col) {
      unknown.push({ name, i });
    } else if (index[col] !== undefined) {
      errors.push({
        line,
        column: name,
        value: name,
        code: 'DUPLICATE_COLUMN',
        message: `Column \`${col}\` appears twice (columns ${index[col]! + 1} and ${i + 1}).`,
        messageVi: `Cột \`${col}\` xuất hiện hai lần (cột ${index[col]! + 1} và ${i + 1}).`,
      });
    } else index[col] = i;
  });
  const missing = LONG_COLUMNS.filter((c) => index[c] === undefined);
  const explained = new Set<string>();
  for (const { name } of unknown) {
    const guess = closest(name, missing);
    if (guess) {
      explained.add(guess);
      errors.push({
        line,
        column: name,
        value: name,
        code: 'UNKNOWN_COLUMN',
        message: `Unknown column \`${name}\` — did you mean \`${guess}\`?`,
        messageVi: `Không biết cột \`${name}\` — có phải là \`${guess}\`?`,
      });
    } else {
      warnings.push({
        line,
        column: name,
        value: name,
        code: 'EXTRA_COLUMN',
        message: `Column \`${name}\` is not part of the long format and is ignored.`,
        messageVi: `Cột \`${name}\` không thuộc định dạng dọc và được bỏ qua.`,
      });
    }
  }
  for (const c of missing) {
    if (explained.has(c)) continue;
    errors.push({
      line,
      column: c,
      value: '',
      code: 'MISSING_COLUMN',
      message: `Required column \`${c}\` is missing; the header must contain ${LONG_COLUMNS.join(', ')}.`,
      messageVi: `Thiếu cột bắt buộc \`${c}\`; dòng tiêu đề phải có ${LONG_COLUMNS.join(', ')}.`,
    });
  }
  return { index, errors, warnings };
}
