/**
 * Bearer-token middleware. `requireRole(deps, 'analyst')` lets a request
 * through with `c.get('principal')` set, or answers 401 (no/unknown token),
 * 403 (role too low) or 429 (too many failed attempts from this address).
 * Anonymous reads pass `requireRole(deps, 'viewer')` while PUBLIC_READ is on.
 * The principal carries the token's area scope (null: central); uploads check it.
 */
import { createMiddleware } from 'hono/factory';
import type { Config } from '../config';
import { configOf, type AppDeps } from '../deps';
import { hasRole, verifyToken, type Principal, type Role } from '../services/auth';
import { DomainError } from '../domain-error';
import { clientKey } from './security-rate-limit';

export type AuthEnv = { Variables: { principal: Principal } };

/** PUBLIC_READ, AUTH_MAX_FAILURES and the failure window (see Config.auth). */
export type AuthSettings = Config['auth'];

/** Counts failed authentications per client address in a fixed window. */
export class FailureLimiter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  blockedFor(key: string): number {
    const e = this.entries.get(key);
    if (!e || e.resetAt <= this.now()) return 0;
    return e.count >= this.max ? Math.ceil((e.resetAt - this.now()) / 1000) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    let e = this.entries.get(key);
    if (!e || e.resetAt <= now) {
      // Expired entries are dropped lazily; the map cannot grow past the addresses of one window.
      if (this.entries.size > 10_000) for (const [k, v] of this.entries) if (v.resetAt <= now) this.entries.delete(k);
      e = { count: 0, resetAt: now + this.windowMs };
      this.entries.set(key, e);
    }
    e.count++;
  }
}

interface AuthState {
  settings: AuthSettings;
  limiter: FailureLimiter;
  /** TRUST_PROXY: the first X-Forwarded-For address is the client. */
  trustProxy: boolean;
}

// One limiter per app instance (the deps object identifies it), shared by every router.
const states = new WeakMap<AppDeps, AuthState>();

/** The auth state of an app (settings from its Config). */
export function authState(deps: AppDeps): AuthState {
  let s = states.get(deps);
  if (!s) {
    const config = configOf(deps);
    const settings = config.auth;
    s = { settings, limiter: new FailureLimiter(settings.maxFailures, settings.windowMs), trustProxy: config.security.trustProxy };
    states.set(deps, s);
  }
  return s;
}

const unauthorized = (detail: string) => new DomainError('UNAUTHORIZED', detail);

/** Middleware admitting principals with at least `role`. */
export function requireRole(deps: AppDeps, role: Role) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const { settings, limiter, trustProxy } = authState(deps);
    const header = c.req.header('authorization');
    if (!header) {
      if (role === 'viewer' && settings.publicRead) {
        c.set('principal', { tokenId: null, name: 'anonymous', role: 'anonymous', scope: null });
        return next();
      }
      c.header('www-authenticate', 'Bearer realm="lmo"');
      throw unauthorized(
        `This needs an API token with role ${role} or higher: send "Authorization: Bearer <token>" (an admin creates one with \`pnpm run token create --role ${role} --name "…"\`; plain \`pnpm token\` is pnpm's own command).`,
      );
    }
    // The same client identity as the upload rate limit (TRUST_PROXY: first X-Forwarded-For address).
    const address = clientKey(c, trustProxy);
    const wait = limiter.blockedFor(address);
    if (wait > 0) {
      c.header('retry-after', String(wait));
      throw new DomainError('TOO_MANY_ATTEMPTS', `Too many invalid tokens from this address; try again in ${wait} s.`);
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = match ? await verifyToken(deps.database.db, match[1]) : null;
    if (!principal) {
      limiter.fail(address);
      c.header('www-authenticate', 'Bearer realm="lmo", error="invalid_token"');
      throw unauthorized('The API token is malformed, unknown or revoked.');
    }
    if (!hasRole(principal.role, role)) {
      throw new DomainError('FORBIDDEN', `This needs role ${role}; your token has role ${principal.role}.`);
    }
    c.set('principal', principal);
    return next();
  });
}

/**
 * 403 for a scoped token (issue 15 §9) doing what changes every area at once,
 * such as a rollback: only central (unscoped) analysts may.
 */
export function assertCentral(principal: Principal, what: { en: string; vi: string }): void {
  if (!principal.scope) return;
  throw new DomainError(
    'CENTRAL_ONLY',
    `Your token is scoped to ${principal.scope.join(', ')}; ${what.en} changes data of every area, so it needs a central (unscoped) analyst token.`,
    {
      messageVi: `Mã truy cập của bạn chỉ có phạm vi ${principal.scope.join(', ')}; ${what.vi} thay đổi dữ liệu của mọi địa bàn nên cần mã của cán bộ phân tích trung ương (không giới hạn phạm vi).`,
      details: { scope: [...principal.scope] },
    },
  );
}

// Open even when PUBLIC_READ is off: liveness probes and the API description.
const ALWAYS_OPEN = new Set(['/api/health', '/api/openapi.json', '/api/docs']);

/**
 * For every API route: when PUBLIC_READ is off, reads need a viewer token too.
 * Routes that need more (uploads, rollback, audit) check again themselves.
 */
export function readGuard(deps: AppDeps) {
  const viewer = requireRole(deps, 'viewer');
  return createMiddleware<AuthEnv>(async (c, next) => {
    if (authState(deps).settings.publicRead || ALWAYS_OPEN.has(c.req.path)) return next();
    return viewer(c, next);
  });
}
