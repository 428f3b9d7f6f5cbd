/**
 * The readers of `pnpm bench:load`: one autocannon client per route, each with
 * its share of the connections, cycling through that route's paths.
 * (wrk was tried: on this 2-core machine its latency percentiles contradict its
 * own throughput — an average of 280 ms at 4,800 req/s over 200 connections,
 * where Little's law allows 41 ms — so its figures are not used.)
 */
import autocannon from 'autocannon';

export interface RouteLoad {
  name: string;
  connections: number;
  paths: string[];
}

export interface RouteResult {
  name: string;
  connections: number;
  requests: number;
  /** Non-2xx answers, socket errors and timeouts. */
  errors: number;
  p50: number;
  p99: number;
  max: number;
  rps: number;
}

async function runRoute(base: string, route: RouteLoad, seconds: number): Promise<RouteResult> {
  const r = await autocannon({
    url: base,
    connections: route.connections,
    duration: seconds,
    timeout: 10,
    requests: route.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    name: route.name,
    connections: route.connections,
    requests: r.requests.total,
    errors: r.non2xx + r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    rps: r.requests.average,
  };
}

/** Runs every route's readers at once for `seconds` against `base`. */
export function runReaders(base: string, routes: RouteLoad[], seconds: number): Promise<RouteResult[]> {
  return Promise.all(routes.map((r) => runRoute(base, r, seconds)));
}
