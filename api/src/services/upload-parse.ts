/**
 * Turns an uploaded file (a byte stream) into validated observations, for all
 * five formats, without writing anything. Parsing and validation are the
 * models' own (`parseLongStream`, `parseWideCsvBytes`, `aggregateMicrodataCsv`,
 * and for GSO's formats `parseSdmx`/`parsePxweb` via upload-sdmx/upload-pxweb);
 * this module streams the bytes in through the size limit (upload-byte-limit.ts)
 * and gives every format the same result shape (upload-result.ts). Used by
 * POST /api/uploads and `pnpm ingest`.
 */
import type { Readable } from 'node:stream';
import { aggregateMicrodataCsv, parseLongStream, parseWideCsvBytes } from '@lmo/models';
import { ByteLimit, DEFAULT_MAX_UPLOAD_BYTES, rethrowLimit } from './upload-byte-limit';
import { warningText } from './upload-mapping';
import { checkUploadOptions, type UploadOptions } from './upload-options';
import { parsePxwebUpload } from './upload-pxweb';
import { result, type ParsedUpload } from './upload-result';
import { parseSdmxUpload } from './upload-sdmx';

/**
 * Reads `source` (a byte stream: the multipart file part, a request body or a
 * file) and validates it. Throws `UploadTooLargeError` past the size limit;
 * every other problem is returned in `errors`. Never writes anything.
 */
export async function parseUpload(source: Readable, options: UploadOptions): Promise<ParsedUpload> {
  const limit = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const optionIssues = checkUploadOptions(options);
  if (optionIssues.length > 0) {
    source.resume(); // drain, so the request can finish
    return result(options.format, [], optionIssues, optionIssues.length, [], 0, 0);
  }
  const counted = new ByteLimit(limit, options.format !== 'sdmx');
  const parsed = await parseCounted(source, counted, options);
  if (counted.problem) return result(options.format, [], [counted.problem], 1, [], 0, counted.bytes);
  return parsed;
}

async function parseCounted(source: Readable, counted: ByteLimit, options: UploadOptions): Promise<ParsedUpload> {
  source.on('error', (e) => counted.destroy(e));
  source.pipe(counted);
  const now = options.now;

  if (options.format === 'long') {
    // The parser stops early on a fatal problem (e.g. an encoding): keep the stream alive and drain it instead of aborting the request.
    const r = await parseLongStream(counted.iterator({ destroyOnReturn: false }), { now });
    rethrowLimit(counted);
    counted.resume();
    const lines = r.lines ?? [];
    return result('long', r.rows, r.errors, r.stats.errorCount, r.warnings.map(warningText), r.stats.records, counted.bytes, (i) => ({
      line: lines[i] ?? 0,
      column: 'value',
    }));
  }
  if (options.format === 'wide' || options.format === 'sdmx' || options.format === 'pxweb') {
    // These are whole-file parsers (XML tree, tables with headers above the data); files of this kind are small.
    const parts: Buffer[] = [];
    for await (const chunk of counted) parts.push(chunk as Buffer);
    const bytes = Buffer.concat(parts);
    if (options.format !== 'wide') {
      const g =
        options.format === 'sdmx'
          ? parseSdmxUpload(bytes, options.mapping, { fileName: options.fileName, now })
          : parsePxwebUpload(bytes, options.mapping, { now });
      return result(options.format, g.observations, g.errors, g.errorCount, g.warnings, g.records, bytes.length);
    }
    const r = parseWideCsvBytes(bytes, options.mapping, { now });
    const origins = r.origins ?? [];
    return result(
      'wide',
      r.observations,
      r.errors,
      r.errors.length,
      r.warnings.map(warningText),
      r.stats.rows,
      bytes.length,
      (i) => origins[i] ?? { line: 0, column: null },
    );
  }
  const source2 =
    options.source?.trim() ||
    `Survey microdata upload${options.fileName ? ` ${options.fileName}` : ''}, period ${options.period} (weighted totals computed by LMO)`;
  const r = await aggregateMicrodataCsv(counted, { period: options.period!.trim(), source: source2 });
  rethrowLimit(counted);
  return result('microdata', r.observations, r.errors, r.errorCount, r.warnings, r.stats.rows, counted.bytes);
}
