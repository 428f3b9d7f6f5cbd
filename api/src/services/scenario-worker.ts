/**
 * Worker-thread entry of the scenario engine (scenario-engine.ts): keeps one version's base
 * projection and answers scenario runs, so the request thread never fits or transforms.
 * Bundled like the compute worker (compute-worker-bundle.ts).
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { fromColumns, type ObservationColumns } from './observation-columns';
import { chunkTransferables, ScenarioRunner, type ScenarioJob } from './scenario-run';

/** Messages the engine posts. */
export type ScenarioWorkerRequest =
  { type: 'init'; versionId: number; columns: ObservationColumns; nice: number } | { type: 'run'; reqId: number; job: ScenarioJob };

const runner = new ScenarioRunner();

/** The error's code and details travel with its message (ForecastError → 400 naming the parameter). */
const errorOf = (e: unknown) => ({
  message: e instanceof Error ? e.message : String(e),
  code: (e as { code?: string }).code,
  details: (e as { details?: unknown }).details,
});

parentPort!.on('message', (m: ScenarioWorkerRequest) => {
  if (m.type === 'init') {
    try {
      setPriority(m.nice);
    } catch {
      /* not permitted: normal priority */
    }
    try {
      runner.init(m.versionId, fromColumns(m.columns));
      parentPort!.postMessage({ type: 'ready', versionId: m.versionId });
    } catch (e) {
      parentPort!.postMessage({ type: 'init-error', versionId: m.versionId, error: errorOf(e) });
    }
    return;
  }
  try {
    const chunks = runner.run(m.job);
    // The columns' buffers move to the request thread: no copy of a scenario's some 10 MB.
    parentPort!.postMessage({ type: 'result', reqId: m.reqId, chunks }, chunkTransferables(chunks));
  } catch (e) {
    parentPort!.postMessage({ type: 'run-error', reqId: m.reqId, error: errorOf(e) });
  }
});
