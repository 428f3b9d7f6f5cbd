/**
 * format=pxweb: a CSV exported from GSO's PX-Web database (title line, `..`
 * for no data, `Prel. 2016`, labels with doubled spaces), read by the seed
 * converters' own parser (`parsePxweb`, `pxwebToLong` from @lmo/models) with
 * a `PxwebMapping` (indicator, unit, scale, source, status, which header is
 * the region/sector/period, label → code). The mapping is untrusted JSON, so
 * it is checked here first. Writes nothing.
 */
import { z } from 'zod';
import { decodeCsvBytes, OBSERVATION_STATUSES, OBSERVATION_UNITS, parsePxweb, pxwebToLong, type PxwebMapping } from '@lmo/models';
import { badMapping, warningText, type FormatResult } from './upload-mapping';

/** Zod shape of `PxwebMapping` (see models/src/data/pxweb-long.ts and seeds/examples/pxweb-mapping.json). */
export const pxwebMappingSchema = z
  .object({
    indicator: z.string().trim().min(1),
    unit: z.enum(OBSERVATION_UNITS as [string, ...string[]]),
    scale: z.number().positive().optional(),
    source: z.string().trim().min(1, 'a source a person can follow is required (publisher, table, release)'),
    status: z.enum(OBSERVATION_STATUSES),
    region: z.string().trim().min(1).optional(),
    sector: z.string().trim().min(1).optional(),
    qualification: z.string().trim().min(1).optional(),
    dimensions: z.record(z.string(), z.enum(['region', 'sector', 'qualification', 'period', 'ignore'])).optional(),
    labels: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** Validates a PX-Web upload against `mapping` (parsed JSON). */
export function parsePxwebUpload(bytes: Uint8Array, mapping: unknown, options: { now?: Date }): FormatResult {
  const m = pxwebMappingSchema.safeParse(mapping);
  if (!m.success) return badMapping(m.error);
  const enc = decodeCsvBytes(bytes);
  if (!enc.ok) return { observations: [], errors: [enc.issue], errorCount: 1, warnings: [], records: 0 };
  const table = parsePxweb(enc.text);
  const r = pxwebToLong(table, m.data as PxwebMapping, { now: options.now });
  return {
    observations: r.ok ? r.rows : [],
    errors: r.errors,
    errorCount: Math.max(r.stats.errorCount, r.errors.length),
    warnings: r.warnings.map(warningText),
    records: table.rows.length,
  };
}
