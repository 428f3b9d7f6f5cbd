/**
 * Where the renderer's main thread spends the time before the first chart: a Chromium trace
 * (CDP `Tracing`) of one page load, reduced to self time per kind of work (network/HTML, script
 * compile, script run, garbage collection, style and layout, paint) up to a mark (by default the
 * DOM probe's `first-chart-drawn`, see wire.ts), and the top-level tasks longer than 20 ms. Used by `bench/trace-first-chart.ts` (TRACE=1).
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: on a busy machine far below `dur`. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = [
  ...(process.env.TRACE_CPU ? ['disabled-by-default-v8.cpu_profiler'] : []),
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'blink.user_timing',
  'toplevel',
  'loading',
];

/** Kind of work an event's self time counts as; undefined = attributed to its parent. */
function kindOf(name: string): string | undefined {
  if (/^(V8\.)?(Compile|ParseLazy|ParseProgram|v8\.compile|V8\.Compile|v8\.parseOnBackground|V8\.ParseFunction|CompileModule|v8\.compileModule)/i.test(name))
    return 'compile';
  if (/GC|Scavenge|MarkCompact|BlinkGC/.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/.test(name)) return 'style';
  if (/^(Layout|UpdateLayerTree|IntersectionObserverController::computeIntersections|ResizeObserver)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|Commit|CompositeLayers|RasterTask|UpdateLayer)$/.test(name)) return 'paint';
  if (/^(ParseHTML|ResourceReceivedData|ResourceFinish|ResourceReceiveResponse|ResourceSendRequest)$/.test(name)) return 'html+network';
  if (
    /^(EvaluateScript|v8\.evaluateModule|FunctionCall|TimerFire|FireAnimationFrame|EventDispatch|v8\.run|V8\.Execute|RunMicrotasks|v8\.callFunction)$/.test(
      name,
    )
  )
    return 'script';
  return undefined;
}

export interface Breakdown {
  /** Self time per kind, ms, from navigation start to the mark. */
  kinds: Record<string, number>;
  /** Top-level tasks over 20 ms: start (ms since navigation) and duration. */
  tasks: { at: number; ms: number; top: string }[];
  markMs: number;
  /** CPU time of the main thread's top-level tasks up to the mark, ms: less noisy than wall time on a shared machine. */
  cpuMs: number;
}

/** Loads `url` in `context` with a trace running; resolves once `markName` is marked (`waitMark` resolves with its time). */
export async function traceLoad(
  context: BrowserContext,
  url: string,
  markName: string,
  waitMark: (page: Page) => Promise<number>,
  initScript?: string,
): Promise<Breakdown> {
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const markMs = await waitMark(page);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  if (process.env.TRACE_FILE) writeFileSync(process.env.TRACE_FILE, JSON.stringify(events));
  return reduce(events, markName, markMs);
}

function reduce(events: TraceEvent[], markName: string, markMs: number): Breakdown {
  const mark = events.find((e) => e.name === markName && e.cat.includes('user_timing'));
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === markName));
  if (!mark || !main) return { kinds: {}, tasks: [], markMs, cpuMs: 0 };
  const t0 = mark.ts - markMs * 1000;
  const end = mark.ts;
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && e.ts + (e.dur ?? 0) >= t0 && e.ts <= end)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kinds: Record<string, number> = {};
  const tasks: Breakdown['tasks'] = [];
  // Walk nested complete events with a stack; self time goes to the innermost event with a kind.
  const stack: { e: TraceEvent; kind: string; endTs: number; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].endTs <= until) {
      const top = stack.pop()!;
      const self = Math.max(0, Math.min(top.endTs, end) - Math.max(top.e.ts, t0)) - top.child;
      kinds[top.kind] = (kinds[top.kind] ?? 0) + self / 1000;
      if (stack.length) stack[stack.length - 1].child += Math.max(0, Math.min(top.endTs, end) - Math.max(top.e.ts, t0));
    }
  };
  for (const e of own) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    const kind = kindOf(e.name) ?? parent?.kind ?? 'other';
    if (!parent && (e.dur ?? 0) > 20_000) tasks.push({ at: Math.round((e.ts - t0) / 1000), ms: Math.round((e.dur ?? 0) / 1000), top: '' });
    stack.push({ e, kind, endTs: e.ts + (e.dur ?? 0), child: 0 });
  }
  close(Infinity);
  // Name each long task by its biggest direct child.
  for (const task of tasks) {
    const from = t0 + task.at * 1000;
    const inside = own.filter((e) => e.ts >= from && e.ts < from + task.ms * 1000 && kindOf(e.name) && e.name !== 'RunTask');
    const byName = new Map<string, number>();
    for (const e of inside) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
    task.top = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([n, d]) => `${n} ${Math.round(d / 1000)}`)
      .join(', ');
  }
  const idle = markMs - Object.values(kinds).reduce((s, v) => s + v, 0);
  kinds.idle = idle;
  const cpuMs = own.filter((e) => e.name === 'RunTask').reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  return { kinds, tasks, markMs, cpuMs };
}
