/**
 * A fixed-window counter per client, in memory. Each instance counts on its
 * own, so N instances allow up to N× the limit; the load balancer in front
 * should carry a global limit too (see README "Running at scale").
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit for `key`; returns 0 when allowed, else the ms until the window resets. */
  hit(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      // Forget stale clients now and then so the map cannot grow without bound.
      if (this.windows.size > 10_000) for (const [k, v] of this.windows) if (now - v.start >= this.windowMs) this.windows.delete(k);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > this.limit ? this.windowMs - (now - w.start) : 0;
  }
}

/** The client's address: the socket peer, or the first X-Forwarded-For hop when a proxy is trusted. */
export function clientKey(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}
