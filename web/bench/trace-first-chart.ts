/**
 * `tsx bench/trace-first-chart.ts`: where the time to the overview's first chart goes on localhost.
 * Builds the app, starts the real server, opens `?page=overview` in fresh Chromium profiles and
 * prints, per run, the resource timeline (request start → response end, ms since navigation), the
 * app's performance marks and the main thread's long tasks. A diagnosis aid for `pnpm bench:web`.
 * `DIST=dir` measures a build already made, `RUNS=n` sets the number of visits; `TRACE=1` records a
 * Chromium trace of each visit instead and prints the main thread's time by kind of work up to the
 * DOM probe's `first-chart-drawn` (or `MARK=first-chart-data`), with medians.
 */
import { rmSync } from 'node:fs';
import { buildWeb, launchBrowser, startServer } from '../e2e/harness';
import { traceLoad, type Breakdown } from './main-thread-breakdown';
import { DRAWN_PROBE, FIRST_CHART_SCRIPT, markScript } from './wire';

const RUNS = Number(process.env.RUNS ?? 3);
const MARK = process.env.MARK ?? 'first-chart-drawn';

const TIMELINE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource').map((r) => ({ name: new URL(r.name).pathname + new URL(r.name).search, start: r.startTime, end: r.responseEnd, kind: r.initiatorType }));
  const marks = performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime }));
  const paints = performance.getEntriesByType('paint').map((p) => ({ name: p.name, at: p.startTime }));
  return { html: { end: nav.responseEnd, dcl: nav.domContentLoadedEventEnd }, res, marks, paints, long: window.__long || [] };
})()`;

async function main() {
  // DIST=path measures an existing build (e.g. to compare two), else the current sources are built.
  const given = process.env.DIST;
  const dist = given ?? (await buildWeb());
  const server = await startServer({ webDist: dist });
  try {
    await fetch(`${server.url}/api/forecasts?indicator=employment&region=VN&sector=TOTAL&qualification=ALL&horizon=10&scenario=baseline`);
    if (process.env.TRACE) {
      await traceRuns(server.url);
      return;
    }
    for (let i = 0; i < RUNS; i++) {
      const browser = await launchBrowser();
      const page = await browser.context.newPage();
      await page.addInitScript(
        `window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) }); }).observe({ type: 'longtask', buffered: true });`,
      );
      await page.goto(`${server.url}/?page=overview`, { waitUntil: 'domcontentloaded' });
      const first = (await page.evaluate(FIRST_CHART_SCRIPT)) as number;
      const tl = (await page.evaluate(TIMELINE)) as {
        html: { end: number; dcl: number };
        res: { name: string; start: number; end: number; kind: string }[];
        marks: { name: string; at: number }[];
        paints: { name: string; at: number }[];
        long: { at: number; ms: number }[];
      };
      console.log(
        `\nRun ${i + 1}: first-chart-data at ${Math.round(first)} ms; HTML end ${Math.round(tl.html.end)}, DOMContentLoaded ${Math.round(tl.html.dcl)}`,
      );
      for (const r of tl.res.sort((a, b) => a.start - b.start))
        console.log(`  ${String(Math.round(r.start)).padStart(5)} → ${String(Math.round(r.end)).padStart(5)}  ${r.kind.padEnd(6)} ${r.name}`);
      for (const m of [...tl.marks, ...tl.paints]) console.log(`  mark ${m.name} at ${Math.round(m.at)}`);
      console.log(`  long tasks: ${tl.long.map((l) => `${l.at}+${l.ms}`).join(', ')}`);
      await page.close();
      await browser.close();
    }
  } finally {
    await server.stop();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}

/** TRACE=1: per visit, the main thread's self time by kind of work up to the mark; then the medians. */
async function traceRuns(url: string): Promise<void> {
  const all: Breakdown[] = [];
  for (let i = 0; i < RUNS; i++) {
    const browser = await launchBrowser();
    try {
      const b = await traceLoad(browser.context, `${url}/?page=overview`, MARK, async (page) => (await page.evaluate(markScript(MARK))) as number, DRAWN_PROBE);
      all.push(b);
      const kinds = Object.entries(b.kinds)
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', ');
      console.log(`Run ${i + 1}: ${MARK} at ${Math.round(b.markMs)} ms; main-thread CPU ${Math.round(b.cpuMs)} ms; wall time by kind: ${kinds}`);
      for (const t of b.tasks) console.log(`    task at ${t.at} ms, ${t.ms} ms: ${t.top}`);
    } finally {
      await browser.close();
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const names = [...new Set(all.flatMap((b) => Object.keys(b.kinds)))];
  console.log(
    `Medians over ${all.length} runs: ${MARK} ${Math.round(med(all.map((b) => b.markMs)))} ms; main-thread CPU ${Math.round(med(all.map((b) => b.cpuMs)))} ms; ${names.map((n) => `${n} ${Math.round(med(all.map((b) => b.kinds[n] ?? 0)))}`).join(', ')}`,
  );
}

void main();
