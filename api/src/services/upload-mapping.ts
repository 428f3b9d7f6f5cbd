/**
 * Shared pieces of the GSO upload formats (sdmx, pxweb): the result shape
 * upload-parse.ts turns into a ParsedUpload, the BAD_MAPPING issue for a
 * mapping that fails its schema (line 0: it is not in the file), and the
 * text of a warning as every upload format lists it.
 */
import type { z } from 'zod';
import type { LongIssue, Observation } from '@lmo/models';

/** What a format adapter returns; nothing has been written. */
export interface FormatResult {
  observations: Observation[];
  errors: LongIssue[];
  errorCount: number;
  /** Human-readable, `line N: …`. */
  warnings: string[];
  /** Records read from the file (observations in the message, data rows of the table). */
  records: number;
}

/** A mapping problem as a one-issue result (`column` = `mapping.<field>`). */
export function badMapping(error: z.ZodError | null, column = 'mapping', message = '', messageVi?: string): FormatResult {
  const issue: LongIssue = error
    ? {
        line: 0,
        column: `mapping.${error.issues[0]?.path.join('.') || 'root'}`,
        value: '',
        code: 'BAD_MAPPING',
        message: `The mapping is not valid: ${error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}.`,
        messageVi: `Bảng ánh xạ không hợp lệ: ${error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}.`,
      }
    : { line: 0, column, value: '', code: 'BAD_MAPPING', message, ...(messageVi ? { messageVi } : {}) };
  return { observations: [], errors: [issue], errorCount: 1, warnings: [], records: 0 };
}

/** "line 23: …": a warning as the upload report lists it. */
export function warningText(w: { line: number; message: string }): string {
  return `line ${w.line}: ${w.message}`;
}
