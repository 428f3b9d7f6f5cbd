/** Scratch: time fitAuto + forecast on 4,000 short annual series (the labour use case). */
import { fitAuto } from '../src/forecast/auto';
let s = 12345;
const rand = () => (s = (1664525 * s + 1013904223) >>> 0) / 2 ** 32;
const series = Array.from({ length: 4000 }, (_, k) => {
  const n = 8 + (k % 9);
  const g = 0.02 + rand() * 0.06;
  return { values: Array.from({ length: n }, (_, t) => 1000 * (1 + g) ** t * (1 + (rand() - 0.5) * 0.1)), start: '2010', frequency: 1 as const };
});
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  let sum = 0;
  for (const x of series) sum += fitAuto(x).forecast(10, { levels: [80, 95] }).mean[9];
  console.log(`4000 series: ${(performance.now() - t0).toFixed(0)} ms (checksum ${sum.toFixed(0)})`);
}
