/** Rounds up to a round multiple (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8) of a power of ten, for even axis ticks. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value)!;
  return step * power;
}

/** Divisions of [0, niceCeil] by its leading digits, so every tick is a round number (0 · 0,5 · 1 · … · 2,5). */
const DIVISIONS: Record<number, number> = { 1: 5, 1.5: 3, 2: 4, 2.5: 5, 3: 3, 4: 4, 5: 5, 6: 3, 8: 4, 10: 5 };

/** Even, round ticks from 0 to niceCeil of the largest finite value (0 and 1 when there is none). */
export function niceTicks(values: readonly (number | null | undefined)[]): number[] {
  const max = Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)));
  const top = niceCeil(max);
  const power = 10 ** Math.floor(Math.log10(top));
  const n = DIVISIONS[Number((top / power).toFixed(1))] ?? 5;
  return Array.from({ length: n + 1 }, (_, i) => Number(((top * i) / n).toPrecision(12)));
}
