/**
 * The one result shape of a parsed upload, whatever its format: issues bounded
 * (count and length) for the answer, an empty file refused, and the content hash
 * of the observations when the file is valid.
 */
import { excerpt, type Observation } from '@lmo/models';
import { contentHash } from './ingest';
import { issue, type UploadIssue } from './upload-issue';
import type { UploadFormat } from '@lmo/models';

export interface ParsedUpload {
  ok: boolean;
  format: UploadFormat;
  observations: Observation[];
  /** At most 100 issues; `errorCount` counts them all. */
  errors: UploadIssue[];
  errorCount: number;
  warnings: string[];
  /** Records read from the file (respondents for microdata). */
  records: number;
  bytes: number;
  /** sha256 of the observations in canonical order: the same data in another file order has the same hash. */
  hash: string | null;
  /** Where each observation came from (line 0 and column null when it has no single line, e.g. microdata totals). */
  origins: (i: number) => { line: number; column: string | null };
}

export const MAX_LISTED_ISSUES = 100;

/** Keeps an SDMX issue's series code and period (other formats have neither). */
function withSeries(out: UploadIssue, from: UploadIssue): UploadIssue {
  if (from.series) out.series = from.series;
  if (from.period) out.period = from.period;
  return out;
}

const noOrigin = () => ({ line: 0, column: null });
// Messages quote the offending text; a bound keeps a 50 MB line out of the answer whatever the parser quoted.
const MAX_MESSAGE_CHARS = 2_000;

/** A ParsedUpload from one format's parser output (see the module comment). */
export function result(
  format: UploadFormat,
  observations: Observation[],
  given: readonly UploadIssue[],
  errorCount: number,
  warnings: string[],
  records: number,
  bytes: number,
  origins: ParsedUpload['origins'] = noOrigin,
): ParsedUpload {
  let issues = given;
  if (errorCount === 0 && issues.length === 0 && observations.length === 0) {
    // A valid file that yields nothing would only make an empty version and a full recompute.
    issues = [
      issue(
        0,
        null,
        '',
        'NO_CELLS',
        format === 'microdata'
          ? 'The file yields no cells: no respondent is in the labour force (employed or unemployed), so there is nothing to estimate. Nothing was stored.'
          : 'The file yields no cells (no values to load). Nothing was stored.',
        format === 'microdata'
          ? 'Tệp không cho ô số liệu nào: không có người trả lời nào thuộc lực lượng lao động (có việc làm hoặc thất nghiệp) nên không có gì để ước lượng. Không có gì được lưu.'
          : 'Tệp không cho ô số liệu nào (không có giá trị để tải). Không có gì được lưu.',
      ),
    ];
    errorCount = 1;
  }
  const ok = errorCount === 0 && issues.length === 0;
  return {
    ok,
    format,
    observations: ok ? observations : [],
    errors: issues
      .slice(0, MAX_LISTED_ISSUES)
      .map((i) =>
        withSeries(
          issue(
            i.line,
            i.column === null ? null : excerpt(i.column),
            excerpt(String(i.value ?? '')),
            i.code,
            excerpt(i.message, MAX_MESSAGE_CHARS),
            i.messageVi === undefined ? undefined : excerpt(i.messageVi, MAX_MESSAGE_CHARS),
          ),
          i,
        ),
      ),
    errorCount: Math.max(errorCount, issues.length),
    warnings: warnings.slice(0, MAX_LISTED_ISSUES).map((w) => excerpt(w, MAX_MESSAGE_CHARS)),
    records,
    bytes,
    hash: ok ? contentHash(observations) : null,
    origins,
  };
}
