/**
 * An in-process app (app.request, no socket) over a fresh fixture database,
 * with an analyst, a viewer and an admin token, for the security and fuzz suites.
 */
import { createToken } from '../../../src/services/auth';
import { testBackends, type Backend } from '../../backends';
import { startTestApp, type TestApp } from '../../harness';

export interface SecureApp extends TestApp {
  tokens: { analyst: string; viewer: string; admin: string };
  /** A request through app.request with an optional bearer token. */
  req(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
}

/** `env` is applied before the app is built: security() and auth read the environment then. */
export async function startSecureApp(env: Record<string, string> = {}, backend?: Backend): Promise<SecureApp> {
  Object.assign(process.env, env);
  const chosen = backend ?? (await testBackends())[0];
  const t = await startTestApp(chosen);
  const make = async (role: 'analyst' | 'viewer' | 'admin') => (await createToken(t.database.db, { name: `security ${role}`, role })).token;
  const tokens = { analyst: await make('analyst'), viewer: await make('viewer'), admin: await make('admin') };
  return {
    ...t,
    tokens,
    async req(path, init = {}) {
      const { token, headers, ...rest } = init;
      const h = new Headers(headers);
      if (token) h.set('authorization', `Bearer ${token}`);
      return await t.app.request(path, { ...rest, headers: h });
    },
  };
}

/** A small valid long-format CSV (cells the fixture does not have). */
export function smallCsv(opts: { source?: string; value?: number } = {}): string {
  const source = opts.source ?? 'Security test (synthetic, not official)';
  const quoted = `"${source.replace(/"/g, '""')}"`;
  return (
    'indicator,period,region,sector,qualification,value,unit,source,status\n' +
    `employment,2023,01,C,ALL,${opts.value ?? 1234},persons,${quoted},modelled\n` +
    `employment,2024,01,C,ALL,${(opts.value ?? 1234) + 10},persons,${quoted},modelled\n`
  );
}

/** POSTs `csv` as a raw text/csv upload. */
export function uploadCsv(app: SecureApp, csv: string | Uint8Array, token?: string, query = 'format=long'): Promise<Response> {
  return app.req(`/api/uploads?${query}`, { method: 'POST', body: csv as BodyInit, headers: { 'content-type': 'text/csv' }, token });
}
