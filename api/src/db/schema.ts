/**
 * One Drizzle schema for both drivers (PGlite and node-postgres). Migrations in
 * ./migrations are generated from this file with `pnpm --filter @lmo/api db:generate`.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Where a version is in services/version-builder.ts: `building` → `ready` (promoted) or `failed` (compute failed). */
export type VersionState = 'building' | 'ready' | 'failed';

/** An immutable set of observations; exactly one row is current, and only a `ready` one. */
export const datasetVersions = pgTable(
  'dataset_versions',
  {
    id: serial('id').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Content identity: sha256 of the canonical sorted rows (seeds, replacements), or for an
     * upload sha256(parent's hash + upload hash); equal hashes mean equal content.
     */
    hash: text('hash').notNull(),
    label: text('label').notNull(),
    /** `seed`, `upload` or `revert`. */
    kind: text('kind').notNull(),
    rowCount: integer('row_count').notNull(),
    parentId: integer('parent_id'),
    isCurrent: boolean('is_current').notNull().default(false),
    /** Set once the results for this version are stored. */
    computedAt: timestamp('computed_at', { withTimezone: true }),
    computeMs: integer('compute_ms'),
    /**
     * Fingerprint of the model code that computed the stored results (model-fingerprint.ts): a
     * start with other model code recomputes them, so an upgrade never keeps serving old figures.
     */
    resultsModel: text('results_model'),
    createdBy: text('created_by'),
    /** For seeds: sha256 of the seed files' bytes, so a restart can skip parsing them. */
    fingerprint: text('fingerprint'),
    /** For uploads: the uploaded data's hash (`ParsedUpload.hash`), so a re-upload is recognised. */
    uploadHash: text('upload_hash'),
    /** A row starts `building` (so a bare insert is never served); only promotion makes it `ready`. */
    state: text('state').$type<VersionState>().notNull().default('building'),
  },
  (t) => [
    index('dataset_versions_hash_idx').on(t.hash),
    // At most one current version, enforced by the database rather than by code.
    uniqueIndex('dataset_versions_one_current')
      .on(t.isCurrent)
      .where(sql`${t.isCurrent}`),
    check('dataset_versions_state_ck', sql`${t.state} in ('building', 'ready', 'failed')`),
    // A version being built, or whose compute failed, can never be the one served.
    check('dataset_versions_current_ready_ck', sql`not ${t.isCurrent} or ${t.state} = 'ready'`),
  ],
);

/**
 * Citations, stored once and referenced by observations (issue 15): an upload's `source`
 * is one row here, not a copy in every cell. Unique by md5 so long texts stay indexable;
 * rows are never deleted, so an id always names the same text.
 */
export const sources = pgTable(
  'sources',
  {
    id: serial('id').primaryKey(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('sources_text_md5_uq').using('btree', sql`md5(${t.text})`)],
);

/** Long-format observations, one row per cell and period, per version. */
export const observations = pgTable(
  'observations',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    datasetVersionId: integer('dataset_version_id')
      .notNull()
      .references(() => datasetVersions.id, { onDelete: 'cascade' }),
    indicator: text('indicator').notNull(),
    period: text('period').notNull(),
    region: text('region').notNull(),
    sector: text('sector').notNull(),
    qualification: text('qualification').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    /**
     * `sources.id`. No foreign key on purpose: its per-row check made bulk inserts and version copies
     * measurably slower (PGlite), and sources are never deleted, so an id cannot dangle.
     */
    sourceId: integer('source_id').notNull(),
    status: text('status').notNull(),
  },
  (t) => [uniqueIndex('observations_cell_uq').on(t.datasetVersionId, t.indicator, t.region, t.sector, t.qualification, t.period)],
);

/**
 * Results computed once per dataset version and scenario, as gzip-compressed JSON
 * chunks: `kind` is `set`, `outlook`, `targets`, `forecasts` or `gaps`; for the last
 * two `key` is a region code and the chunk holds every cell of that region.
 * (Per-cell jsonb rows were measured 10× slower to write in PGlite: ~200 MB of JSON
 * per version for the seeded dataset; compressed chunks are ~25 MB.)
 */
export const results = pgTable(
  'results',
  {
    datasetVersionId: integer('dataset_version_id')
      .notNull()
      .references(() => datasetVersions.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    scenario: text('scenario').notNull(),
    key: text('key').notNull(),
    /** base64(gzip(JSON)): text params are ~5× faster than bytea through PGlite. */
    data: text('data').notNull(),
    /** Number of cells or rows in the chunk, for logs and checks. */
    items: integer('items').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetVersionId, t.kind, t.scenario, t.key] })],
);

/** Who did what, for uploads, reverts, token changes and seeding. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Token id, `system` or `cli`. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/** Bearer tokens; only a hash of the secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** `viewer`, `analyst` or `admin`. */
    role: text('role').notNull(),
    hash: text('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /**
     * Areas a token may upload for (issue 15 §9): province codes and/or region codes
     * (a region covers its provinces), sorted. Null: unscoped (central, every area).
     */
    scope: text('scope').array(),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.hash)],
);

/**
 * Planners' scenarios (issue 13): a validated, normalised parameter set under an id derived from
 * it, so a link stays shareable. Results are not stored: they are recomputed per data version on
 * first read. Bounded: the least recently used beyond the configured maximum are deleted.
 */
export const scenarios = pgTable(
  'scenarios',
  {
    id: text('id').primaryKey(),
    parameters: jsonb('parameters').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenarios_last_used_idx').on(t.lastUsedAt)],
);
