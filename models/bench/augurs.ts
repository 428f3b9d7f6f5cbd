/**
 * The JS peer: @bsull/augurs AutoETS (Rust compiled to WASM, Grafana).
 * augurs-ets has no seasonal ETS ("seasonal component not implemented"), so
 * AutoETS runs non-seasonal (spec `ZZN`, season length 1) on yearly AND
 * quarterly data; MSTL + ETS is augurs' route to seasonality and is offered
 * here as `augurs-mstl` for quarterly data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AutoETS, initSync as initEts } from '@bsull/augurs/ets';
import { MSTL, initSync as initMstl } from '@bsull/augurs/mstl';
import type { Forecast } from '../src/forecast/index';

let ready = false;

/** Instantiate the WASM modules synchronously from the files beside the JS glue (Node has no fetch of file URLs). */
export function initAugurs(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  const wasmBeside = (mod: string) => readFileSync(require.resolve(mod).replace(/\.js$/, '_bg.wasm'));
  initEts({ module: wasmBeside('@bsull/augurs/ets') });
  initMstl({ module: wasmBeside('@bsull/augurs/mstl') });
  ready = true;
}

type Predictor = { predict(h: number, level?: number | null): { point: number[]; intervals?: { lower: number[]; upper: number[] } }; free(): void };

function forecastWith(model: Predictor, h: number, levels: number[]): Forecast {
  try {
    let mean: number[] = [];
    const intervals = levels.map((level) => {
      const p = model.predict(h, level / 100);
      mean = Array.from(p.point);
      return { level, lower: Array.from(p.intervals?.lower ?? p.point), upper: Array.from(p.intervals?.upper ?? p.point) };
    });
    return { mean, intervals };
  } finally {
    model.free();
  }
}

/** Fit AutoETS (`ZZN`) and forecast h steps with intervals at `levels` percent. */
export function augursAutoEts(values: number[], h: number, levels: number[]): Forecast {
  const model = new AutoETS(1, 'ZZN');
  model.fit(values);
  return forecastWith(model as unknown as Predictor, h, levels);
}

/** MSTL decomposition with the given periods and an AutoETS trend model. */
export function augursMstl(values: number[], period: number, h: number, levels: number[]): Forecast {
  const model = MSTL.ets([period]);
  model.fit(values);
  return forecastWith(model as unknown as Predictor, h, levels);
}
