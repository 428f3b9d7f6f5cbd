import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { portProblem, portProblemText } from './port-free';

describe('port check before start', () => {
  let taken: Server | undefined;
  afterEach(() => new Promise<void>((done) => (taken ? taken.close(() => done()) : done())));

  it('says a port another server holds is in use, and that it is free once released', async () => {
    taken = createServer();
    await new Promise<void>((done) => taken!.listen(0, '127.0.0.1', done));
    const port = (taken.address() as { port: number }).port;
    expect(await portProblem('127.0.0.1', port)).toBe('EADDRINUSE');
    await new Promise<void>((done) => taken!.close(() => done()));
    taken = undefined;
    expect(await portProblem('127.0.0.1', port)).toBeNull();
  });

  it('names the port and the way out', () => {
    expect(portProblemText('EADDRINUSE', '127.0.0.1', 8787)).toMatch(/127\.0\.0\.1:8787 is already in use.*PORT=/);
    expect(portProblemText('EACCES', '0.0.0.0', 80)).toMatch(/above 1023/);
  });
});
