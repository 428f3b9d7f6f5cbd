/**
 * `pnpm run token create --role analyst --name "…" [--scope 01,79]`, `pnpm run token list`,
 * `pnpm run token revoke <id>`. The secret is printed once, to stdout only; the database keeps
 * its sha256. `--scope` (analysts) limits uploads to those provinces/regions (issue 15 §9).
 *
 * Where the tokens are changed: PostgreSQL (DATABASE_URL) directly, whether a
 * server runs or not; the embedded database directly while no server holds it,
 * and through the running server's /api/tokens while one does, with LMO_TOKEN
 * set to an admin token (and LMO_URL, default http://127.0.0.1:$PORT), the way
 * `pnpm run ingest` sends files. Opening the directory twice would corrupt it.
 */
import { parseArgs } from 'node:util';
import { createToken, listTokens, revokeToken, ROLES, tokenScope, type Role, type TokenInfo } from '../services/auth';
import { ScopeError, type Scope } from '../services/upload-scope';
import { DataDirBusyError, dataDirInUse, embeddedDataDir, isMain, openForCli } from './open-database';

const USAGE = `Usage:
  pnpm run token create --role viewer|analyst|admin --name "who uses it" [--scope 01,79,SE]
  pnpm run token list
  pnpm run token revoke <id>
(--scope: analysts only; province codes of the 34-unit list and/or region codes NMM, RRD, NCCC, CH, SE, MRD; a region covers its provinces; without it the token is central and may upload for every area.)
(With the embedded database and a running server, set LMO_TOKEN to an admin token: the command goes through the server.)`;

type Command = { command: 'create'; role: Role; name: string; scope: Scope } | { command: 'list' } | { command: 'revoke'; id: number };

const created = (t: TokenInfo & { token: string }) =>
  `Created token #${t.id} "${t.name}" (role ${t.role}, ${scopeText(t.scope)}). Copy it now: it is not stored and cannot be shown again.\n\n  ${t.token}\n\nUse it as: Authorization: Bearer <token>   (or LMO_TOKEN=<token> pnpm run ingest …)`;
const scopeText = (scope: readonly string[] | null) => (scope ? `scope ${scope.join(',')}` : 'central');
const listed = (t: TokenInfo) =>
  `#${t.id}\t${t.role.padEnd(7)}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\t${scopeText(t.scope ?? null)}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? 'never'}\t${t.name}`;
const EMPTY = 'No tokens yet. Create one with: pnpm run token create --role analyst --name "…"';

/** Runs the token CLI; returns the exit code. Output goes through `out`/`err` so tests can read it. */
export async function tokenCli(argv: string[], out = console.log, err = console.error, env = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' }, scope: { type: 'string' } } });
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, arg] = parsed.positionals;
  if (!['create', 'list', 'revoke'].includes(command ?? '')) {
    err(USAGE);
    return 2;
  }
  if (command === 'create' && (!parsed.values.role || !ROLES.includes(parsed.values.role as Role) || !parsed.values.name?.trim())) {
    err(`create needs --role (${ROLES.join(', ')}) and --name.\n${USAGE}`);
    return 2;
  }
  let scope: Scope = null;
  if (command === 'create') {
    try {
      scope = tokenScope(parsed.values.role as Role, parsed.values.scope);
    } catch (e) {
      if (!(e instanceof ScopeError)) throw e;
      err(`--scope: ${e.message}\n${USAGE}`);
      return 2;
    }
  } else if (parsed.values.scope !== undefined) {
    err(`--scope is only for create.\n${USAGE}`);
    return 2;
  }
  const id = /^[1-9]\d{0,9}$/.test(arg ?? '') ? Number(arg) : NaN;
  if (command === 'revoke' && !(id <= 2_147_483_647)) {
    err(`revoke needs a token id (see \`pnpm run token list\`).\n${USAGE}`);
    return 2;
  }
  const cmd: Command =
    command === 'create'
      ? { command, role: parsed.values.role as Role, name: parsed.values.name!, scope }
      : command === 'list'
        ? { command }
        : { command: 'revoke', id };
  const dir = embeddedDataDir(env);
  if (dir && dataDirInUse(dir) && env.LMO_TOKEN?.trim()) return viaServer(cmd, env, out, err);
  let database;
  try {
    database = await openForCli(
      'Set LMO_TOKEN to an admin token: the command then goes through the running server (its /api/tokens; LMO_URL if not http://127.0.0.1:$PORT). Or Stop the server (Ctrl+C), run this command, then start it again; or use PostgreSQL (DATABASE_URL).',
      env,
    );
  } catch (e) {
    if (e instanceof DataDirBusyError) {
      err(e.message);
      return 3;
    }
    throw e;
  }
  try {
    const db = database.db;
    if (cmd.command === 'create') {
      out(created(await createToken(db, { name: cmd.name, role: cmd.role, scope: cmd.scope, actor: 'cli' })));
      return 0;
    }
    if (cmd.command === 'list') {
      const list = await listTokens(db);
      if (list.length === 0) out(EMPTY);
      for (const t of list) out(listed(t));
      return 0;
    }
    if (await revokeToken(db, cmd.id, 'cli')) {
      out(`Revoked token #${cmd.id}; requests with it now get 401.`);
      return 0;
    }
    err(`No active token #${cmd.id} (see \`pnpm run token list\`).`);
    return 1;
  } finally {
    await database.close();
  }
}

/** Runs `cmd` through the running server's /api/tokens with the admin token in LMO_TOKEN. */
async function viaServer(cmd: Command, env: NodeJS.ProcessEnv, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const base = env.LMO_URL?.trim() || `http://127.0.0.1:${env.PORT || 8787}`;
  const request =
    cmd.command === 'create'
      ? { method: 'POST', path: '/api/tokens', body: JSON.stringify({ name: cmd.name, role: cmd.role, ...(cmd.scope ? { scope: cmd.scope } : {}) }) }
      : cmd.command === 'list'
        ? { method: 'GET', path: '/api/tokens' }
        : { method: 'DELETE', path: `/api/tokens/${cmd.id}` };
  let res: Response;
  try {
    res = await fetch(base + request.path, {
      method: request.method,
      body: request.body,
      signal: AbortSignal.timeout(30_000),
      headers: { authorization: `Bearer ${env.LMO_TOKEN!.trim()}`, ...(request.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch (e) {
    err(`Cannot reach the server at ${base} (${(e as Error).message}); set LMO_URL to the running server's address.`);
    return 3;
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, any>;
  if (!res.ok) {
    const fields = Array.isArray(body.errors) ? body.errors.map((e: { path?: string; message?: string }) => `\n  ${e.path}: ${e.message}`).join('') : '';
    err(`${res.status} ${body.title ?? res.statusText}: ${body.detail ?? ''}${fields}`);
    if (res.status === 401 || res.status === 403) err('LMO_TOKEN must be an active admin token.');
    return res.status === 404 ? 1 : res.status === 400 ? 2 : 3;
  }
  if (cmd.command === 'create') out(created(body as TokenInfo & { token: string }));
  else if (cmd.command === 'list') {
    if (body.tokens.length === 0) out(EMPTY);
    for (const t of body.tokens as TokenInfo[]) out(listed(t));
  } else out(`Revoked token #${cmd.id}; requests with it now get 401.`);
  out(`(via ${base})`);
  return 0;
}

if (isMain(import.meta.url)) process.exitCode = await tokenCli(process.argv.slice(2));
