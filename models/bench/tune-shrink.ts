/** Scratch: does shrinking/damping the yearly trend help? (reads the /tmp/h1b cache of tune-research.ts) */
import { readFileSync } from 'node:fs';
const med = (v: number[]) => { v.sort((a, b) => a - b); const k = v.length; return k % 2 ? v[(k - 1) / 2] : (v[k / 2 - 1] + v[k / 2]) / 2; };
for (const d of ['m3-yearly', 'tourism-yearly']) {
  const rows = JSON.parse(readFileSync(`/tmp/h1b/${d}.json`, 'utf8'));
  const pool = ['ses', 'drift', 'lholt', 'theta', 'rtrend'];
  for (const w of [1, 1.1, 1.2, 1.3]) for (const phi of [1]) {
    let sm = 0, ma = 0, bias = 0;
    for (const r of rows) {
      const s = [...pool].sort((a, b) => r.cv[a] - r.cv[b]).slice(0, 3);
      const H = r.test.length;
      const last = r.fc.naive[0];
      let a = 0, b = 0;
      for (let i = 0; i < H; i++) {
        const c = med(s.map((x) => r.fc[x][i]));
        // horizon damping: trend increment per step scaled by phi^i
        const prev = i === 0 ? last : med(s.map((x) => r.fc[x][i - 1]));
        const p = last + w * ((c - last) * (phi === 1 ? 1 : (1 - phi ** (i + 1)) / ((1 - phi) * (i + 1))));
        a += (200 * Math.abs(r.test[i] - p)) / (Math.abs(r.test[i]) + Math.abs(p)); b += Math.abs(r.test[i] - p) / r.sc; bias += (r.test[i] - p) / r.sc / H;
      }
      sm += a / H; ma += b / H;
    }
    console.log(d, w, phi, (sm / rows.length).toFixed(3), (ma / rows.length).toFixed(3), 'bias', (bias / rows.length).toFixed(3));
  }
}
