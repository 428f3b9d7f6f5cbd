/**
 * Accounts are bearer API tokens with a role: `viewer` reads, `analyst` also
 * uploads and rolls back, `admin` also manages tokens. The secret is shown
 * once at creation; only its sha256 is stored, so a database dump does not
 * leak usable tokens. Tokens are never logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, auditLog } from '../db/schema';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a request. `tokenId` is null for anonymous public reads. */
export interface Principal {
  tokenId: number | null;
  name: string;
  role: Role | 'anonymous';
}

/** A token as listed (never the secret). */
export interface TokenInfo {
  id: number;
  name: string;
  role: Role;
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
  createdAt: new Date(r.createdAt).toISOString(),
  revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
  lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
});

/** Creates a token. The returned `token` is the only time the secret exists outside the caller. */
export async function createToken(db: Db, input: { name: string; role: Role; actor?: string }): Promise<TokenInfo & { token: string }> {
  const name = input.name.trim();
  if (!name) throw new Error('A token needs a name (who or what uses it), e.g. --name "Hà Nội DOLISA analyst".');
  if (!ROLES.includes(input.role)) throw new Error(`Unknown role "${input.role}"; expected one of ${ROLES.join(', ')}.`);
  const token = generateToken();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.insert(apiTokens).values({ name, role: input.role, hash: hashToken(token) }).returning();
    await tx.insert(auditLog).values({ actor: input.actor ?? 'cli', action: 'token.create', target: `api_token:${created.id}`, detail: { name, role: input.role } });
    return created;
  });
  return { ...toInfo(row), token };
}

/** Every token, newest first, without secrets. */
export async function listTokens(db: Db): Promise<TokenInfo[]> {
  return (await db.select().from(apiTokens).orderBy(desc(apiTokens.id))).map(toInfo);
}

/** Revokes a token; false when it does not exist or was already revoked. */
export async function revokeToken(db: Db, id: number, actor = 'cli'): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await tx.update(apiTokens).set({ revokedAt: sql`now()` })
      .where(sql`${apiTokens.id} = ${id} and ${apiTokens.revokedAt} is null`).returning({ id: apiTokens.id });
    if (done.length === 0) return false;
    await tx.insert(auditLog).values({ actor, action: 'token.revoke', target: `api_token:${id}` });
    return true;
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
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
  }
  return { tokenId: row.id, name: row.name, role: row.role as Role };
}

/** Actor string for audit entries: `token:<id>` (never the secret or a name that could be spoofed). */
export const actorOf = (p: Principal): string => (p.tokenId === null ? 'anonymous' : `token:${p.tokenId}`);
