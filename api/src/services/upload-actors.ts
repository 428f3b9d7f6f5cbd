/**
 * Who uploaded what for which area (issue 15 §9): audit actors (`token:<id>`,
 * `cli`, `system`) resolved to the token's name and scope, and each upload
 * version's areas as its audit entry recorded them. Token names and scopes never
 * change after creation, so reading them now says who it was then.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, auditLog } from '../db/schema';

/** An audit actor as shown to people. `scope` null: central (every area). */
export interface ActorInfo {
  /** As stored: `token:<id>`, `cli`, `system`, `anonymous`. */
  actor: string;
  kind: 'token' | 'cli' | 'system' | 'other';
  tokenId: number | null;
  /** The token's name; `cli`/`system` for those. */
  name: string;
  scope: string[] | null;
}

const tokenIdOf = (actor: string): number | null => {
  const m = /^token:(\d{1,10})$/.exec(actor);
  return m ? Number(m[1]) : null;
};

/** Resolves audit actors (one query for all tokens among them). */
export async function resolveActors(db: Db, actors: readonly (string | null)[]): Promise<Map<string, ActorInfo>> {
  const ids = [...new Set(actors.map((a) => (a ? tokenIdOf(a) : null)).filter((x): x is number => x !== null && x <= 2_147_483_647))];
  const rows = ids.length
    ? await db.select({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope }).from(apiTokens).where(inArray(apiTokens.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, ActorInfo>();
  for (const actor of actors) {
    if (!actor || out.has(actor)) continue;
    const id = tokenIdOf(actor);
    const token = id === null ? undefined : byId.get(id);
    out.set(actor, {
      actor,
      kind: id !== null ? 'token' : actor === 'cli' ? 'cli' : actor === 'system' ? 'system' : 'other',
      tokenId: id,
      name: token?.name ?? (id !== null ? `#${id}` : actor),
      scope: token?.scope ?? null,
    });
  }
  return out;
}

/** Areas (region codes) each upload version's cells were for, from its audit entry; absent for versions recorded before §9. */
export async function uploadAreasOf(db: Db, versionIds: readonly number[]): Promise<Map<number, string[]>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select({ target: auditLog.target, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'dataset.upload'),
        inArray(
          auditLog.target,
          versionIds.map((id) => `dataset_version:${id}`),
        ),
      ),
    );
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const areas = (r.detail as { areas?: unknown } | null)?.areas;
    if (Array.isArray(areas)) out.set(Number(r.target!.slice('dataset_version:'.length)), areas.map(String));
  }
  return out;
}

/** A version list with who made each version (`by`) and, for uploads, the areas of its cells. */
export async function withUploaders<V extends { id: number; createdBy: string | null }>(db: Db, versions: readonly V[]) {
  const [actors, areas] = await Promise.all([
    resolveActors(
      db,
      versions.map((v) => v.createdBy),
    ),
    uploadAreasOf(
      db,
      versions.map((v) => v.id),
    ),
  ]);
  return versions.map((v) => ({ ...v, by: v.createdBy ? actors.get(v.createdBy)! : null, areas: areas.get(v.id) ?? null }));
}
