/**
 * Whether the server's port can be taken, asked before the database is opened: a second
 * `pnpm start` (another clone, another program on 8787) would otherwise open and migrate the
 * database, seed it, and only then die on an unhandled EADDRINUSE with a stack trace.
 */
import { createServer } from 'node:net';

/** The listen error's code (`EADDRINUSE`, `EACCES`, …) or null when `host:port` is free. */
export function portProblem(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'EADDRINUSE'));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

/** The operator's message for a port that cannot be taken (no stack trace: it is theirs to fix). */
export function portProblemText(code: string, host: string, port: number): string {
  const where = `${host}:${port}`;
  if (code === 'EADDRINUSE') {
    return `port ${where} is already in use: is Labour Market Outlook (or another program) already running there? Stop it, or start on another port with PORT=<number>.`;
  }
  if (code === 'EACCES') return `no permission to listen on ${where}: choose a port above 1023 with PORT=<number>.`;
  return `cannot listen on ${where} (${code}): check HOST and PORT.`;
}
