/**
 * The engine as the bench sees it: `auto` first, then every single method of
 * the registry that works on a plain series.
 */
import { methods } from '../src/forecast/index';
import type { FitFn } from '../src/forecast/index';

/** Methods that need options the benchmark cannot give (a policy target). */
const NEEDS_OPTIONS = new Set(['logistic']);

/** Every registry alias usable on a plain series, `auto` first. */
export function engineMethods(): Record<string, FitFn> {
  const out: Record<string, FitFn> = { auto: methods.auto };
  for (const [alias, fn] of Object.entries(methods)) {
    if (alias !== 'auto' && !NEEDS_OPTIONS.has(alias)) out[alias] = fn;
  }
  return out;
}
