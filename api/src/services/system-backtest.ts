/**
 * The supply–demand system's own backtest, as GET /api/accuracy serves it. For the version
 * loaded from the very seed files it was computed on, the artefact committed with the seeds
 * (seeds/derived/system-backtest.json); for any other version (uploads, reverts), the backtest
 * run on that version's data after its results (results-loader.ts, system-backtest-run.ts).
 * Until it is stored (`pending` while this instance computes it), or where the data cannot
 * support it, the artefact is served marked as not describing the served data, with the reason.
 */
import type { SystemBacktestArtefact } from '@lmo/seeds';
import type { StoredSystemBacktest } from './system-backtest-run';
import type { VersionInfo } from './dataset-versions';

/** What the API serves: the backtest, minus the artefact's fingerprint, plus which data it describes. */
export interface SystemBacktestView extends Omit<SystemBacktestArtefact, 'seedFingerprint'> {
  /** True when the scores were computed on the served version's data (the seeds' artefact for the seed version). */
  appliesToServedVersion: boolean;
  /** The data the scores were computed on: `seeds` (the committed artefact) or `version` (the served version's own). */
  computedOn: 'seeds' | 'version';
  /** Why the backtest could not run on the served version's data (absent when it ran or was not attempted). */
  unavailable?: { code: string; message: string };
  /** True while the backtest of the served version is being computed (a few seconds after an upload). */
  pending?: boolean;
  /** Publisher, method and data, for the page's source line. */
  source: string;
}

const SCORED_AGAINST = 'scored against GSO Labour Force Survey annual employment and labour force (official)';

/** Source line of the backtest (every number says what it is: these scores are modelled). */
export const SYSTEM_BACKTEST_SOURCE = `Labour Market Outlook: supply–demand system refitted at each origin on the baseline dataset (seeds) cut at that year; ${SCORED_AGAINST}`;

/** Source line of a backtest computed on an uploaded or reverted version's data. */
export const versionBacktestSource = (id: number) =>
  `Labour Market Outlook: supply–demand system refitted at each origin on dataset version ${id} cut at that year; ${SCORED_AGAINST}`;

// Read once: the artefact changes only with a new release of the seeds.
let artefact: Promise<SystemBacktestArtefact> | undefined;
const load = () => (artefact ??= import('@lmo/seeds').then((s) => s.readSystemBacktest()));

/** True when `version` was loaded from the seed files the committed artefact was computed on. */
export async function artefactApplies(version: Pick<VersionInfo, 'kind' | 'seedFingerprint'>): Promise<boolean> {
  return version.kind === 'seed' && version.seedFingerprint === (await load()).seedFingerprint;
}

/** The backtest view for the served `version`, given what its results stored (`stored`). */
export async function systemBacktestFor(
  version: Pick<VersionInfo, 'id' | 'kind' | 'seedFingerprint'>,
  stored?: StoredSystemBacktest,
  pending = false,
): Promise<SystemBacktestView> {
  if (stored && !('error' in stored)) {
    return { ...stored, appliesToServedVersion: true, computedOn: 'version', source: versionBacktestSource(version.id) };
  }
  const { seedFingerprint: _, ...rest } = await load();
  return {
    ...rest,
    appliesToServedVersion: await artefactApplies(version),
    computedOn: 'seeds',
    ...(stored ? { unavailable: stored.error } : {}),
    ...(!stored && pending ? { pending: true } : {}),
    source: SYSTEM_BACKTEST_SOURCE,
  };
}
