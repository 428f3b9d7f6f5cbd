/**
 * The supply–demand system's own backtest, as GET /api/accuracy serves it: the
 * artefact committed with the seeds (seeds/derived/system-backtest.json; five
 * refits of the whole system are too slow to run per data version), and
 * whether it describes the served version: only the version loaded from the
 * very seed files it was computed on.
 */
import type { SystemBacktestArtefact } from '@lmo/seeds';
import type { VersionInfo } from './dataset-versions';

/** What the API serves: the artefact, minus its fingerprint, plus whether it applies to the served data. */
export interface SystemBacktestView extends Omit<SystemBacktestArtefact, 'seedFingerprint'> {
  /** True when the served version was loaded from the seed files the backtest ran on; false after uploads or reverts. */
  appliesToServedVersion: boolean;
  /** Publisher, method and data, for the page's source line. */
  source: string;
}

/** Source line of the backtest (every number says what it is: these scores are modelled). */
export const SYSTEM_BACKTEST_SOURCE =
  'Labour Market Outlook: supply–demand system refitted at each origin on the baseline dataset (seeds) cut at that year; ' +
  'scored against GSO Labour Force Survey annual employment and labour force (official)';

// Read once: the artefact changes only with a new release of the seeds.
let artefact: Promise<SystemBacktestArtefact> | undefined;
const load = () => (artefact ??= import('@lmo/seeds').then((s) => s.readSystemBacktest()));

/** The backtest view for the served `version`. */
export async function systemBacktestFor(version: Pick<VersionInfo, 'kind' | 'seedFingerprint'>): Promise<SystemBacktestView> {
  const { seedFingerprint, ...rest } = await load();
  return { ...rest, appliesToServedVersion: version.kind === 'seed' && version.seedFingerprint === seedFingerprint, source: SYSTEM_BACKTEST_SOURCE };
}
