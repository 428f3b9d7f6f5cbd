/**
 * `pnpm bench:web`: builds the app, prints gzip sizes (initial JavaScript vs the budget of
 * 250 KB), then starts the real server and measures, in Chromium on localhost, the time from
 * navigation to `first-chart-data` on the overview (target ≤ 1.5 s).
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb, chromiumAvailable, launchBrowser, startServer } from '../e2e/harness';

const BUDGET_KB = 250;
const FIRST_CHART_MS = 1500;
const RUNS = Number(process.env.RUNS ?? 5);

/** Resolves with the `first-chart-data` mark's time since navigation start. */
const FIRST_CHART_SCRIPT = `new Promise((ok, fail) => {
  const start = performance.now();
  const read = () => {
    const entry = performance.getEntriesByName('first-chart-data')[0];
    if (entry) ok(entry.startTime);
    else if (performance.now() - start > 20000) fail(new Error('no first-chart-data mark within 20 s'));
    else setTimeout(read, 20);
  };
  read();
})`;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function bundleSizes(dist: string) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Initial = the entry script plus everything the HTML preloads (what loads before any lazy page).
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const rows = assets.map((f) => {
    const text = readFileSync(join(dist, 'assets', f), 'utf8');
    // Chunk names come from one of their modules; say which library a big chunk really holds.
    const holds = text.length > 1e6 && text.includes('DataFrame') ? 'danfojs' : text.length > 1e5 && text.includes('recharts-surface') ? 'recharts' : '';
    return { file: f, holds, gzip: gz(join(dist, 'assets', f)), initial: initial.includes(`assets/${f}`) };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  const initialJs = rows.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0);
  const css = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(join(dist, 'assets', f)), 0);
  return { rows, initialJs, css };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main() {
  const dist = await buildWeb();
  const { rows, initialJs, css } = bundleSizes(dist);
  console.log('Bundle (gzip, level 9):');
  for (const r of rows.slice(0, 12)) console.log(`  ${r.initial ? '*' : ' '} ${r.file.padEnd(40)} ${kb(r.gzip).padStart(10)}  ${r.holds}`);
  console.log(`  (* = loaded initially; ${rows.length} JS chunks in total)`);
  console.log(`Initial JavaScript: ${kb(initialJs)} gzip (budget ${BUDGET_KB} KB) → ${initialJs / 1024 <= BUDGET_KB ? 'OK' : 'OVER BUDGET'}`);
  console.log(`CSS: ${kb(css)} gzip`);
  const danfo = rows.find((r) => r.holds === 'danfojs');
  if (danfo) console.log(`danfojs chunk: ${kb(danfo.gzip)} gzip, initial: ${danfo.initial ? 'YES (bad)' : 'no (upload page only)'}`);

  if (!chromiumAvailable()) {
    console.log('Chromium not found; skipping the first-chart measurement.');
    rmSync(dist, { recursive: true, force: true });
    return;
  }
  const server = await startServer({ webDist: dist });
  try {
    // Warm the server's result cache once (a real deployment serves many users from it).
    await fetch(`${server.url}/api/forecasts?indicator=employment&region=VN&sector=TOTAL&qualification=ALL&horizon=10&scenario=baseline`);
    const measure = async (label: string, fresh: boolean) => {
      const times: number[] = [];
      let shared = fresh ? null : await launchBrowser();
      if (shared) {
        // Fill the HTTP cache once; only the visits after it are measured.
        const warm = await shared.context.newPage();
        await warm.goto(`${server.url}/?page=overview`, { waitUntil: 'domcontentloaded' });
        await warm.evaluate(FIRST_CHART_SCRIPT);
        await warm.close();
      }
      for (let i = 0; i < RUNS; i++) {
        // A fresh profile per run = a first visit with an empty HTTP cache.
        const browser = shared ?? (await launchBrowser());
        const page = await browser.context.newPage();
        await page.goto(`${server.url}/?page=overview`, { waitUntil: 'domcontentloaded' });
        // A string, not a function: tsx's transpiled helpers (__name) do not exist in the page.
        times.push((await page.evaluate(FIRST_CHART_SCRIPT)) as number);
        await page.close();
        if (!shared) await browser.close();
      }
      if (shared) await shared.close();
      shared = null;
      const med = median(times);
      console.log(`First chart with data, ${label}: ${times.map((t) => Math.round(t)).join(', ')} ms → median ${Math.round(med)} ms, max ${Math.round(Math.max(...times))} ms (target ≤ ${FIRST_CHART_MS} ms) → ${med <= FIRST_CHART_MS ? 'OK' : 'SLOW'}`);
    };
    console.log(`Machine load average (1 min) before measuring: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
    await measure('first visit (empty browser cache)', true);
    await measure('repeat visit (cached assets)', false);
  } finally {
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
