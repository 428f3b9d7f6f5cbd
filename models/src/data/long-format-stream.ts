/**
 * Validation of a long-format CSV that arrives in chunks (`parseLongStream`):
 * incremental UTF-8 decoding and batching of whole records into the validator.
 */
import Papa from 'papaparse';
import { checkCsvText, decodeCsvBytes, detectDelimiter, firstInvalidUtf8, legacyEncodingIssue, type Delimiter } from './csv-sniff';
import { EMPTY_EN, EMPTY_VI, failed, longOptionsSchema, type LongOptions, type LongResult } from './long-format-result';
import { createLongValidator } from './long-format-validator';

const BATCH_CHARS = 1 << 20;

/**
 * Validate a long-format CSV arriving in chunks (a Node stream, a web
 * `ReadableStream`, or any async iterable of bytes or text) without keeping
 * the text: bytes are decoded incrementally (UTF-8 only; UTF-16 and legacy
 * encodings are named and rejected), whole records are parsed batch by batch
 * and fed to `createLongValidator`. Only the resulting rows are kept.
 */
export async function parseLongStream(chunks: AsyncIterable<Uint8Array | string>, options: LongOptions = {}): Promise<LongResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const v = createLongValidator(options);
  const batch = longOptionsSchema.parse(options).batchChars ?? BATCH_CHARS;
  let delimiter: Delimiter | undefined;
  // Fixed from the header: a batch may hold a single line, too little for Papa to guess from.
  let newline: '\n' | '\r\n' = '\n';
  let buf = '';
  let first = true;
  let linesDone = 0;
  // Incremental scan for the last newline outside quotes, so a long quoted field is not rescanned per chunk.
  let scanned = 0;
  let inQuotes = false;
  let cut = -1;
  const feed = (text: string) => {
    // An empty batch is a blank line (the validator counts it); Papa would emit nothing.
    if (text === '') return v.push(['']);
    Papa.parse<string[]>(text, {
      delimiter: delimiter!,
      newline,
      skipEmptyLines: false,
      step: (r) => {
        v.push(r.data);
        for (const e of r.errors) v.syntaxError(e.message);
      },
    });
  };
  const countLines = (t: string) => {
    for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) linesDone++;
  };
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      if (first) {
        const enc = decodeCsvBytes(chunk.subarray(0, 4));
        if (!enc.ok && enc.encoding.startsWith('UTF-16')) return failed(enc.issue);
      }
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // Skip continuation bytes of a character begun in the previous chunk, then find the bad byte's line.
        let from = 0;
        while (from < 3 && (chunk[from] & 0xc0) === 0x80) from++;
        const bad = Math.max(0, firstInvalidUtf8(chunk, from));
        let inChunk = 0;
        for (let i = 0; i < bad; i++) if (chunk[i] === 10) inChunk++;
        return failed(legacyEncodingIssue(linesDone + 1 + (buf.match(/\n/g)?.length ?? 0) + inChunk));
      }
    }
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = text === '';
    }
    buf += text;
    if (delimiter === undefined) {
      if (buf.indexOf('\n') < 0) continue;
      const checked = checkCsvText(buf);
      if (!checked.ok) return failed(checked.issue);
      delimiter = detectDelimiter(buf);
      if (buf[buf.indexOf('\n') - 1] === '\r') newline = '\r\n';
    }
    // Parse in batches of about 1 MB: each Papa.parse call has a fixed setup cost.
    if (buf.length < batch) continue;
    for (; scanned < buf.length; scanned++) {
      const c = buf.charCodeAt(scanned);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) cut = scanned;
    }
    if (cut < 0) continue;
    const part = buf.slice(0, newline === '\r\n' && buf[cut - 1] === '\r' ? cut - 1 : cut);
    buf = buf.slice(cut + 1);
    scanned -= cut + 1;
    cut = -1;
    const checked = checkCsvText(part);
    if (!checked.ok) return failed({ ...checked.issue, line: checked.issue.line + linesDone });
    feed(part);
    countLines(part);
    linesDone++;
  }
  try {
    buf += decoder.decode();
  } catch {
    return failed(legacyEncodingIssue(linesDone + 1 + (buf.match(/\n/g)?.length ?? 0)));
  }
  if (delimiter === undefined) {
    if (buf.trim() === '') return failed({ line: 1, column: null, value: '', code: 'EMPTY_FILE', message: EMPTY_EN, messageVi: EMPTY_VI });
    delimiter = detectDelimiter(buf);
    const nl = buf.indexOf('\n');
    if (nl > 0 && buf[nl - 1] === '\r') newline = '\r\n';
  }
  // The file's final line break ends the last line; it does not start another.
  if (buf !== '') feed(buf.endsWith(newline) ? buf.slice(0, -newline.length) : buf.endsWith('\n') ? buf.slice(0, -1) : buf);
  const out = v.finish();
  return { ...out, delimiter };
}
