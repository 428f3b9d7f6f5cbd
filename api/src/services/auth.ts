/**
 * Accounts are bearer API tokens with a role: `viewer` reads, `analyst` also
 * uploads and rolls back, `admin` also manages tokens. An analyst token may be
 * scoped to provinces or regions (issue 15 §9, see upload-scope): it then
 * uploads only cells of those areas. The secret is shown
 * once at creation; only its sha256 is stored, so a database dump does not
 * leak usable tokens. Tokens are never logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, auditLog } from '../db/schema';
import { normalizeScope, ScopeError, type Scope } from './upload-scope';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request. `tokenId` is null for anonymous public reads. */
export interface Principal {
  tokenId: number | null;
  name: string;
  role: Role | 'anonymous';
  /** Areas the token may upload for; null: unscoped (central, or anonymous). */
  scope: Scope;
}

/** A token as listed (never the secret). */
export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
  /** Province and region codes the token may upload for; null: every area (central). */
  scope: string[] | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const PREFIX = 'lmo_';
// A well-formed secret: the prefix and 43 base64url characters (32 random bytes).
const TOKEN_SHAPE = /^lmo_[A-Za-z0-9_-]{43}$/;

/** True when `role` may do what `needed` allows (admin ⊃ analyst ⊃ viewer). */
export function hasRole(role: Principal['role'], needed: Role): boolean {
  if (role === 'anonymous') return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** A fresh secret: 32 random bytes, base64url, with a recognisable prefix for secret scanners. */
export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** Hex sha256 of a token: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const toInfo = (r: typeof apiTokens.$inferSelect): TokenInfo => ({
  id: r.id,
  name: r.name,
  role: r.role as Role,
  scope: r.scope ?? null,
  createdAt: new Date(r.createdAt).toISOString(),
  revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
  lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
});

/** Longest token name (who or what uses it). */
export const MAX_TOKEN_NAME = 200;

/** Why a token name is refused, or null when it is fine (trimmed, 1–200 characters, no control characters). */
export function tokenNameProblem(name: string): string | null {
  const n = name.trim();
  if (!n) return 'A token needs a name (who or what uses it), e.g. "Hà Nội DOLISA analyst".';
  if (n.length > MAX_TOKEN_NAME) return `A token name has at most ${MAX_TOKEN_NAME} characters.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(n)) return 'A token name cannot contain control characters (line breaks, tabs, NUL).';
  return null;
}

/**
 * The scope a token of `role` may have, normalised (see normalizeScope), or a
 * ScopeError: only analysts are scoped, since an admin could create itself an
 * unscoped token and a viewer uploads nothing.
 */
export function tokenScope(role: Role, scope: string | readonly string[] | null | undefined): Scope {
  const normal = normalizeScope(scope);
  if (normal && role !== 'analyst') throw new ScopeError(`Only analyst tokens can be scoped (this one has role ${role}); leave the scope empty.`);
  return normal;
}

/**
 * Creates a token. The returned `token` is the only time the secret exists
 * outside the caller. `scope` (analysts only): province/region codes.
 */
export async function createToken(
  db: Db,
  input: { name: string; role: Role; actor?: string; scope?: string | readonly string[] | null },
): Promise<TokenInfo & { token: string }> {
  const name = input.name.trim();
  const problem = tokenNameProblem(name);
  if (problem) throw new Error(problem);
  if (!ROLES.includes(input.role)) throw new Error(`Unknown role "${input.role}"; expected one of ${ROLES.join(', ')}.`);
  const scope = tokenScope(input.role, input.scope);
  const token = generateToken();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({ name, role: input.role, hash: hashToken(token), scope: scope ? [...scope] : null })
      .returning();
    await tx
      .insert(auditLog)
      .values({ actor: input.actor ?? 'cli', action: 'token.create', target: `api_token:${created.id}`, detail: { name, role: input.role, scope } });
    return created;
  });
  return { ...toInfo(row), token };
}

/** Every token, newest first, without secrets. */
export async function listTokens(db: Db): Promise<TokenInfo[]> {
  return (await db.select().from(apiTokens).orderBy(desc(apiTokens.id))).map(toInfo);
}

/** One token (never the secret), or null. */
export async function getToken(db: Db, id: number): Promise<TokenInfo | null> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return row ? toInfo(row) : null;
}

/** What revoking did: `revoked`, `missing` (no such active token) or `last-admin` (refused, see revokeToken). */
export type RevokeOutcome = { status: 'revoked'; token: TokenInfo } | { status: 'missing' } | { status: 'last-admin' };

// Serialises revocations, so two admins revoking each other cannot both pass the last-admin check.
const REVOKE_LOCK = 4_207_313;

/** Revokes a token; false when it does not exist or was already revoked. */
export async function revokeToken(db: Db, id: number, actor = 'cli'): Promise<boolean> {
  return (await revokeTokenChecked(db, id, actor)).status === 'revoked';
}

/**
 * Revokes a token, saying what happened. With `keepAnAdmin` (the HTTP API) the
 * last active admin token is not revoked: it is what lets tokens be managed
 * while the server runs.
 */
export async function revokeTokenChecked(db: Db, id: number, actor = 'cli', options: { keepAnAdmin?: boolean } = {}): Promise<RevokeOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REVOKE_LOCK})`);
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(sql`${apiTokens.id} = ${id} and ${apiTokens.revokedAt} is null`)
      .limit(1);
    if (!row) return { status: 'missing' } as const;
    if (options.keepAnAdmin && row.role === 'admin') {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(apiTokens)
        .where(sql`${apiTokens.role} = 'admin' and ${apiTokens.revokedAt} is null`);
      if (Number(n) <= 1) return { status: 'last-admin' } as const;
    }
    const [done] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiTokens.id, id))
      .returning();
    await tx
      .insert(auditLog)
      .values({ actor, action: 'token.revoke', target: `api_token:${id}`, detail: { name: row.name, role: row.role, scope: row.scope ?? null } });
    return { status: 'revoked', token: toInfo(done) } as const;
  });
}

// lastUsedAt is informative; writing it on every request would turn reads into writes.
const TOUCH_EVERY_MS = 60_000;

/** The principal behind a secret, or null when it is malformed, unknown or revoked. */
export async function verifyToken(db: Db, token: string): Promise<Principal | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const hash = hashToken(token);
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.hash, hash)).limit(1);
  // The lookup is by hash (an attacker cannot steer it); the compare is constant-time anyway.
  if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
  if (row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - new Date(row.lastUsedAt).getTime() > TOUCH_EVERY_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, row.id));
  }
  return { tokenId: row.id, name: row.name, role: row.role as Role, scope: row.scope ?? null };
}

/** Actor string for audit entries: `token:<id>` (never the secret or a name that could be spoofed). */
export const actorOf = (p: Principal): string => (p.tokenId === null ? 'anonymous' : `token:${p.tokenId}`);
