/** Memoisation of label resolvers, shared by the long-format validator and the microdata aggregator. */

/**
 * Memoises a resolver of raw labels: a million rows hold few distinct labels.
 * At most `max` distinct labels are cached (later ones are resolved each time).
 */
export function memoLabels<T>(fn: (raw: string) => T, max = 10_000): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined) {
      hit = fn(raw);
      if (cache.size < max) cache.set(raw, hit);
    }
    return hit;
  };
}
