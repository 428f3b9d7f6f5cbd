/**
 * The overview's first load as Chromium's network log sees it (issue 17 targets): the bytes each
 * script took on the wire (CDP `Network.loadingFinished.encodedDataLength`: compressed body plus
 * headers) and the time to the first chart with data, on localhost or under
 * `Network.emulateNetworkConditions` (e.g. 4 Mbps / 150 ms).
 */
import { launchBrowser } from '../e2e/harness';

/** Resolves with the named mark's time since navigation start. */
export const markScript = (name: string) => `new Promise((ok, fail) => {
  const start = performance.now();
  const read = () => {
    const entry = performance.getEntriesByName('${name}')[0];
    if (entry) ok(entry.startTime);
    else if (performance.now() - start > 60000) fail(new Error('no ${name} mark within 60 s'));
    else setTimeout(read, 20);
  };
  read();
})`;

/** Resolves with the app's `first-chart-data` mark's time since navigation start. */
export const FIRST_CHART_SCRIPT = markScript('first-chart-data');

/**
 * An init script, independent of the app's own mark: marks `first-chart-drawn` the moment a chart
 * frame with data first holds drawn data marks (a recharts line, area, bar or sector, or a custom
 * `svg[data-chart]`). It checks that `first-chart-data` means a drawn chart, not only its frame.
 */
export const DRAWN_PROBE = `(() => {
  const drawn = 'figure[data-has-data="true"] :is(.recharts-line-curve, .recharts-area-area, .recharts-rectangle, .recharts-sector, svg[data-chart])';
  const observer = new MutationObserver(() => {
    if (!document.querySelector(drawn)) return;
    observer.disconnect();
    performance.mark('first-chart-drawn');
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** Resolves with the probe's `first-chart-drawn` time since navigation start. */
export const FIRST_DRAWN_SCRIPT = markScript('first-chart-drawn');

export interface Throttle {
  /** Round-trip latency Chromium adds to every request, in ms. */
  latencyMs: number;
  /** Download and upload speed, in megabits per second. */
  mbps: number;
}

export interface WireFile {
  path: string;
  type: string;
  encoding: string;
  /** Bytes received for it: compressed body plus response headers. */
  bytes: number;
  /** Of which response headers. */
  headerBytes: number;
  /** When the request was sent and when its last byte arrived, ms since navigation. */
  startMs: number;
  endMs: number;
}

export interface WireLoad {
  firstChartMs: number;
  /** When the first chart's data marks were in the document (DRAWN_PROBE). */
  drawnMs: number;
  /** Every response of the load, up to network idle after the first chart. */
  files: WireFile[];
  /** Scripts only: everything received for them, and their (compressed) bodies alone. */
  jsBytes: number;
  jsBodyBytes: number;
  totalBytes: number;
}

/**
 * Opens `${url}/?page=overview` in a fresh Chromium profile (empty cache, Accept-Encoding as a
 * browser sends it) and records the network log until the page is idle after its first chart.
 */
export async function loadOverview(url: string, throttle?: Throttle): Promise<WireLoad> {
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttle) {
      const bytesPerSecond = (throttle.mbps * 1e6) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttle.latencyMs,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
    }
    const seen = new Map<string, Omit<WireFile, 'bytes' | 'endMs'>>();
    const sent = new Map<string, number>();
    const files: WireFile[] = [];
    let t0 = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!t0) t0 = e.timestamp;
      sent.set(e.requestId, (e.timestamp - t0) * 1000);
    });
    cdp.on('Network.responseReceived', (e) => {
      const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
      seen.set(e.requestId, {
        path: new URL(e.response.url).pathname + new URL(e.response.url).search,
        type: e.type,
        encoding: encoding ? String(encoding) : 'identity',
        headerBytes: e.response.encodedDataLength,
        startMs: sent.get(e.requestId) ?? 0,
      });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const info = seen.get(e.requestId);
      if (info) files.push({ ...info, bytes: e.encodedDataLength, endMs: (e.timestamp - t0) * 1000 });
    });
    await page.addInitScript(DRAWN_PROBE);
    await page.goto(`${url}/?page=overview`, { waitUntil: 'domcontentloaded' });
    const firstChartMs = (await page.evaluate(FIRST_CHART_SCRIPT)) as number;
    const drawnMs = (await page.evaluate(FIRST_DRAWN_SCRIPT)) as number;
    await page.waitForLoadState('networkidle');
    const sum = (list: WireFile[]) => list.reduce((s, f) => s + f.bytes, 0);
    const scripts = files.filter((f) => f.type === 'Script');
    return {
      firstChartMs,
      drawnMs,
      files,
      jsBytes: sum(scripts),
      jsBodyBytes: sum(scripts) - scripts.reduce((s, f) => s + f.headerBytes, 0),
      totalBytes: sum(files),
    };
  } finally {
    await browser.close();
  }
}
