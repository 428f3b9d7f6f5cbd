/**
 * Worker-thread entry: runs computeOutlook and packs the chunks off the main
 * thread, so an instance keeps answering requests while a version is computed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Observation } from '@lmo/models';
import { computeOutlook } from '@lmo/models/labour/outlook';
import { packChunks } from './compute-pack';

const { observations, versionId } = workerData as { observations: Observation[]; versionId: number };
const set = computeOutlook(observations, { dataVersion: String(versionId) });
const packed = await packChunks(set);
parentPort!.postMessage({ chunks: packed, timingMs: set.timingMs });
