/**
 * Row-level gate applied to every observation before it is stored, whatever its
 * origin. Shapes and codes are checked with the long format's own zod schema
 * (models/src/data/long-format), then the CSV validator's own row rules (value
 * bounds, unit, future periods, text fields: `createObservationCheck`), so JSON
 * and seed rows meet the same rules as uploaded files. CSV parsing and its
 * line/column errors happen earlier, in `parseLongCsv`. Here we add code
 * suggestions and duplicate cells.
 */
import { LONG_COLUMNS, type Observation } from '@lmo/models';
import { createObservationCheck, observationSchema } from '@lmo/models/data';
import type { FieldProblem } from '../domain-error';
import { catalog, type CodeField } from './catalog';

const CODE_FIELDS = new Set<string>(['indicator', 'region', 'sector', 'qualification']);

export interface CheckedRows {
  rows: Observation[];
  errors: FieldProblem[];
}

/** Validates shapes, codes and duplicates. `line` in errors counts from `firstLine`. */
export function validateObservations(input: readonly unknown[], options: { firstLine?: number } = {}): CheckedRows {
  const first = options.firstLine ?? 1;
  const codes = catalog();
  const check = createObservationCheck();
  const rows: Observation[] = [];
  const errors: FieldProblem[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw, i) => {
    const line = first + i;
    const parsed = observationSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        const value = (raw as Record<string, unknown> | null)?.[column];
        const problem = CODE_FIELDS.has(column) && typeof value === 'string' ? codes.check(column as CodeField, value) : null;
        errors.push({
          path: `rows[${i}].${column}`,
          line,
          column: columnNumber(column),
          message: problem?.message ?? `${column}: ${issue.message}`,
          ...(problem ? { expected: problem.expected } : {}),
        });
      }
      return;
    }
    const o = parsed.data as Observation;
    const problems = check(o, line);
    if (problems.length > 0) {
      for (const p of problems) errors.push({ path: `rows[${i}].${p.column ?? ''}`, line, column: columnNumber(p.column ?? ''), message: p.message });
      return;
    }
    const key = `${o.indicator}|${o.region}|${o.sector}|${o.qualification}|${o.period}`;
    const before = seen.get(key);
    if (before !== undefined) {
      errors.push({ path: `rows[${i}]`, line, message: `duplicate cell ${key} (first on line ${before})` });
    } else seen.set(key, line);
    rows.push(o);
  });
  return { rows, errors };
}

function columnNumber(column: string): number | string {
  const index = (LONG_COLUMNS as readonly string[]).indexOf(column);
  return index >= 0 ? index + 1 : column;
}
