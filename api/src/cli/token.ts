/**
 * `pnpm token create --role analyst --name "…"`, `pnpm token list`, `pnpm token revoke <id>`.
 * The secret is printed once, to stdout only; the database keeps its sha256.
 */
import { parseArgs } from 'node:util';
import { createToken, listTokens, revokeToken, ROLES, type Role } from '../services/auth';
import { DataDirBusyError, isMain, openForCli } from './open-database';

const USAGE = `Usage:
  pnpm token create --role viewer|analyst|admin --name "who uses it"
  pnpm token list
  pnpm token revoke <id>`;

/** Runs the token CLI; returns the exit code. Output goes through `out`/`err` so tests can read it. */
export async function tokenCli(argv: string[], out = console.log, err = console.error, env = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' } } });
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
  const id = Number(arg);
  if (command === 'revoke' && !(Number.isInteger(id) && id > 0)) {
    err(`revoke needs a token id (see \`pnpm token list\`).\n${USAGE}`);
    return 2;
  }
  let database;
  try {
    database = await openForCli('Stop the server (Ctrl+C), run this command, then start it again; or use PostgreSQL (DATABASE_URL), where tokens can be managed while the server runs.', env);
  } catch (e) {
    if (e instanceof DataDirBusyError) {
      err(e.message);
      return 3;
    }
    throw e;
  }
  try {
    const db = database.db;
    if (command === 'create') {
      const t = await createToken(db, { name: parsed.values.name!, role: parsed.values.role as Role, actor: 'cli' });
      out(`Created token #${t.id} "${t.name}" (role ${t.role}). Copy it now: it is not stored and cannot be shown again.\n\n  ${t.token}\n\nUse it as: Authorization: Bearer <token>   (or LMO_TOKEN=<token> pnpm ingest …)`);
      return 0;
    }
    if (command === 'list') {
      const list = await listTokens(db);
      if (list.length === 0) out('No tokens yet. Create one with: pnpm token create --role analyst --name "…"');
      for (const t of list) {
        out(`#${t.id}\t${t.role.padEnd(7)}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? 'never'}\t${t.name}`);
      }
      return 0;
    }
    if (await revokeToken(db, id, 'cli')) {
      out(`Revoked token #${id}; requests with it now get 401.`);
      return 0;
    }
    err(`No active token #${id} (see \`pnpm token list\`).`);
    return 1;
  } finally {
    await database.close();
  }
}

if (isMain(import.meta.url)) process.exitCode = await tokenCli(process.argv.slice(2));
