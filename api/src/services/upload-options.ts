/**
 * What an upload is asked to do (format, mapping, microdata period and source)
 * and the checks of it that do not depend on the file, made before any byte is read.
 */
import { excerpt, MAX_SOURCE_CHARS, textFieldProblem, type UploadFormat } from '@lmo/models';
import { issue, type UploadIssue } from './upload-issue';

export interface UploadOptions {
  format: UploadFormat;
  /** Parsed mapping JSON: `WideMapping` (wide), `PxwebMapping` (pxweb), optional SDMX code map (sdmx). */
  mapping?: unknown;
  /** Microdata: reference period (`2024`, `2024-Q2`). */
  period?: string;
  /** Microdata: citation of the output rows; default names the file. */
  source?: string;
  fileName?: string;
  /** Default 200 MB (MAX_UPLOAD_BYTES). */
  maxBytes?: number;
  /** Clock for the future-period checks (tests). */
  now?: Date;
}

/** Checks the options that do not depend on the file (mapping JSON, microdata period). */
export function checkUploadOptions(options: UploadOptions): UploadIssue[] {
  const out: UploadIssue[] = [];
  if (options.format === 'wide' && options.mapping === undefined) {
    out.push(
      issue(
        0,
        'mapping',
        '',
        'MISSING_MAPPING',
        'A wide file needs a mapping (JSON): which column holds regions, the indicator, unit, source and status. See seeds/examples/wide-mapping.json.',
        'Tệp dạng rộng cần bảng ánh xạ (JSON): cột địa bàn, chỉ tiêu, đơn vị, nguồn và trạng thái. Xem seeds/examples/wide-mapping.json.',
      ),
    );
  }
  if (options.format === 'pxweb' && options.mapping === undefined) {
    out.push(
      issue(
        0,
        'mapping',
        '',
        'MISSING_MAPPING',
        'A PX-Web table needs a mapping (JSON): the indicator, unit, scale, source, status and which labels are regions. See seeds/examples/pxweb-mapping.json.',
        'Bảng PX-Web cần bảng ánh xạ (JSON): chỉ tiêu, đơn vị, hệ số nhân, nguồn, trạng thái và nhãn nào là địa bàn. Xem seeds/examples/pxweb-mapping.json.',
      ),
    );
  }
  if (options.format === 'microdata') out.push(...surveyPeriodIssues(options.period?.trim() ?? '', options.now ?? new Date()));
  if (options.source !== undefined) {
    const p = textFieldProblem(options.source, MAX_SOURCE_CHARS);
    if (p) out.push(issue(0, 'source', excerpt(options.source), p.code, `source: ${p.message}`, `source: ${p.messageVi}`));
  }
  return out;
}

/** The first year a survey period may name (the LFS began in the 1990s; earlier is a typo). */
export const FIRST_SURVEY_YEAR = 1950;

/**
 * Problems with a microdata survey period: missing or malformed, before 1950,
 * or not over yet (a survey of 2026-Q4 cannot be uploaded before 1 Jan 2027).
 */
export function surveyPeriodIssues(p: string, now: Date): UploadIssue[] {
  const year = new Date(now).getUTCFullYear();
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(p);
  if (!m) {
    return [
      p === ''
        ? issue(
            0,
            'period',
            p,
            'BAD_PERIOD',
            'Microdata needs the survey period, e.g. period=2024 or 2024-Q2.',
            'Vi dữ liệu cần kỳ điều tra, ví dụ period=2024 hoặc 2024-Q2.',
          )
        : issue(
            0,
            'period',
            excerpt(p, 40),
            'BAD_PERIOD',
            `Survey period "${excerpt(p, 40)}" is not a year or a quarter: write 2024 or 2024-Q2.`,
            `Kỳ điều tra "${excerpt(p, 40)}" không phải năm hoặc quý: hãy ghi 2024 hoặc 2024-Q2.`,
          ),
    ];
  }
  const y = Number(m[1]);
  if (y < FIRST_SURVEY_YEAR) {
    return [
      issue(
        0,
        'period',
        p,
        'PERIOD_OUT_OF_RANGE',
        `Survey period ${p} is out of range: the year must be between ${FIRST_SURVEY_YEAR} and ${year}.`,
        `Kỳ điều tra ${p} nằm ngoài khoảng cho phép: năm phải từ ${FIRST_SURVEY_YEAR} đến ${year}.`,
      ),
    ];
  }
  // The period must be over: its end (start of the next year or quarter) is not after today.
  const end = m[2] ? Date.UTC(y, Number(m[2]) * 3, 1) : Date.UTC(y + 1, 0, 1);
  if (end > now.getTime()) {
    return [
      issue(
        0,
        'period',
        p,
        'FUTURE_PERIOD',
        `Survey period ${p} has not ended yet (today is ${now.toISOString().slice(0, 10)}); only surveys already carried out can be uploaded.`,
        `Kỳ điều tra ${p} chưa kết thúc (hôm nay là ${now.toISOString().slice(0, 10)}); chỉ tải lên được các cuộc điều tra đã thực hiện.`,
      ),
    ];
  }
  return [];
}
