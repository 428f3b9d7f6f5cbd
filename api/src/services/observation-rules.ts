/**
 * Row-level checks applied to every observation before it is stored, whatever
 * its origin. CSV parsing (and its line/column errors) happens earlier, in
 * models/src/data; this is the last gate before the database.
 */
import { LONG_COLUMNS, type Observation } from '@lmo/models';
import { z } from 'zod';
import type { FieldProblem } from '../http/problem';
import { catalog } from './catalog';

const PERIOD = /^\d{4}(-Q[1-4])?$/;

const rowSchema = z.object({
  indicator: z.string().min(1),
  period: z.string().regex(PERIOD, 'period must look like 2024 or 2024-Q3'),
  region: z.string().min(1),
  sector: z.string().min(1),
  qualification: z.string().min(1),
  value: z.number().finite(),
  unit: z.enum(['persons', 'percent']),
  source: z.string().min(1, 'every figure needs a source'),
  status: z.enum(['official', 'modelled', 'survey']),
});

export interface CheckedRows {
  rows: Observation[];
  errors: FieldProblem[];
}

/** Validates shapes, codes and duplicates. `line` in errors counts from `firstLine`. */
export function validateObservations(input: readonly unknown[], options: { firstLine?: number } = {}): CheckedRows {
  const first = options.firstLine ?? 1;
  const codes = catalog();
  const rows: Observation[] = [];
  const errors: FieldProblem[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw, i) => {
    const line = first + i;
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        errors.push({ path: `rows[${i}].${column}`, message: issue.message, line, column: columnNumber(column) });
      }
      return;
    }
    const o = parsed.data as Observation;
    for (const field of ['indicator', 'region', 'sector', 'qualification'] as const) {
      const known = codes.sets[field];
      if (known.size > 0 && !known.has(o[field])) {
        errors.push({
          path: `rows[${i}].${field}`, line, column: columnNumber(field),
          message: `unknown ${field} '${o[field]}'`, expected: codes.suggest(field, o[field]),
        });
      }
    }
    if (o.unit === 'persons' && o.value < 0) {
      errors.push({ path: `rows[${i}].value`, line, column: columnNumber('value'), message: 'a count of persons cannot be negative' });
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
