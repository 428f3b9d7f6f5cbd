/** Rounds up to a round multiple (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8) of a power of ten, for even axis ticks. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value)!;
  return step * power;
}
