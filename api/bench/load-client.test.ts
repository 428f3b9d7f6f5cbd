import { describe, expect, it } from 'vitest';
import { parseWrk, wrkMs } from './load-client';

const SAMPLE = `Running 30s test @ http://127.0.0.1:4000
  1 threads and 60 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.16ms    2.03ms   1.02s    79.52%
    Req/Sec    11.82k     1.07k   13.87k    71.00%
  Latency Distribution
     50%  483.00us
     75%    5.91ms
     90%    7.12ms
     99%   12.71ms
  353057 requests in 30.01s, 62.99MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 12
Requests/sec:  11763.41
Transfer/sec:      2.10MB
`;

describe('wrk output', () => {
  it('reads requests, errors, percentiles, max and rate', () => {
    expect(parseWrk(SAMPLE, 'forecasts', 60)).toEqual({
      name: 'forecasts', connections: 60, requests: 353057, errors: 17, p50: 0.483, p99: 12.71, max: 1020, rps: 11763.41,
    });
  });

  it('converts every unit wrk prints and refuses anything else', () => {
    expect(wrkMs('250us')).toBeCloseTo(0.25);
    expect(wrkMs('3.5ms')).toBe(3.5);
    expect(wrkMs('1.5s')).toBe(1500);
    expect(wrkMs('2m')).toBe(120_000);
    expect(() => wrkMs('fast')).toThrow(/unexpected/);
  });

  it('fails loudly on output it cannot read', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused', 'x', 1)).toThrow(/could not read/);
  });
});
