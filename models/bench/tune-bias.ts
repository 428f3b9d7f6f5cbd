/** Scratch: per-horizon bias and sMAPE of the quarterly weighted median (research cache). */
import { readFileSync } from 'node:fs';
const med = (v: number[]) => { v.sort((a, b) => a - b); const k = v.length; return k % 2 ? v[(k - 1) / 2] : (v[k / 2 - 1] + v[k / 2]) / 2; };
for (const d of ['m3-quarterly', 'tourism-quarterly']) {
  const rows = JSON.parse(readFileSync(`/tmp/h1b/${d}.json`, 'utf8'));
  const pool = (process.env.POOL ?? 'snaive,snaive_f,sholt,damped,drift').split(',');
  const H = rows[0].test.length;
  const bias = new Array(H).fill(0), sm = new Array(H).fill(0);
  let sg = [0, 0], cnt = [0, 0];
  for (const r of rows) {
    let a = 0;
    for (let i = 0; i < H; i++) {
      const p = med(pool.map((x) => r.fc[x][i]));
      const y = r.test[i];
      bias[i] += (y - p) / r.sc / rows.length;
      const e = (200 * Math.abs(y - p)) / (Math.abs(y) + Math.abs(p));
      sm[i] += e / rows.length; a += e / H;
    }
    sg[r.seasonal] += a; cnt[r.seasonal]++;
  }
  console.log(d, 'bias', bias.map((v) => v.toFixed(2)).join(' '), '\n  smape', sm.map((v) => v.toFixed(2)).join(' '), '\n  nonseasonal', (sg[0] / cnt[0]).toFixed(3), cnt[0], 'seasonal', (sg[1] / cnt[1]).toFixed(3), cnt[1]);
}
