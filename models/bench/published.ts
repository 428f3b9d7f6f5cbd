/**
 * Published accuracy figures, copied from ../shared/benchmarks/PUBLISHED.md
 * (which names the paper and table of each). `NaN` = not reported.
 * MASE for M3 uses the in-sample (training) scale; tourism MASE uses the
 * train+test scale that reproduces the tourism paper (PUBLISHED.md §0).
 */
export interface PublishedRow {
  method: string;
  smape: number;
  mase: number;
  /** Short citation. */
  source: string;
}

const BERGMEIR = 'Bergmeir et al. 2016, IJF 32, Tab. 2/5';
const ATHANASOPOULOS = 'Athanasopoulos et al. 2011, IJF 27, Tab. 5/6 (MASE avg over h)';
const KAGGLE = 'Athanasopoulos & Hyndman 2011, IJF 27, Kaggle, Tab. 1';
const M3_SMAPE = 'Makridakis & Hibon 2000 via Hyndman et al. 2002, Tab. 12/13';

export const PUBLISHED: Record<string, PublishedRow[]> = {
  'm3-yearly': [
    { method: 'NAIVE2', smape: 17.88, mase: 3.172, source: BERGMEIR },
    { method: 'SINGLE (SES)', smape: 17.817, mase: 3.171, source: BERGMEIR },
    { method: 'DAMPEN', smape: 17.36, mase: 3.032, source: BERGMEIR },
    { method: 'THETA', smape: 16.974, mase: 2.806, source: BERGMEIR },
    { method: 'ForecastPro', smape: 17.271, mase: 3.026, source: BERGMEIR },
    { method: 'ForcX', smape: 16.48, mase: 2.769, source: BERGMEIR },
    { method: 'RBF', smape: 16.424, mase: 2.72, source: BERGMEIR },
    { method: 'ROBUST-Trend', smape: 17.033, mase: 2.625, source: BERGMEIR },
    { method: 'ETS (forecast pkg)', smape: 17.926, mase: 3.215, source: BERGMEIR },
    { method: 'Theta (M&H 2000)', smape: 16.9, mase: NaN, source: M3_SMAPE },
  ],
  'm3-quarterly': [
    { method: 'NAIVE2', smape: 9.951, mase: 1.238, source: BERGMEIR },
    { method: 'SINGLE (SES)', smape: 9.717, mase: 1.229, source: BERGMEIR },
    { method: 'DAMPEN', smape: 9.361, mase: 1.126, source: BERGMEIR },
    { method: 'COMB S-H-D', smape: 9.216, mase: 1.105, source: BERGMEIR },
    { method: 'THETA', smape: 8.956, mase: 1.087, source: BERGMEIR },
    { method: 'ForecastPro', smape: 9.815, mase: 1.204, source: BERGMEIR },
    { method: 'ForcX', smape: 9.537, mase: 1.155, source: BERGMEIR },
    { method: 'PP-Autocast', smape: 9.395, mase: 1.128, source: BERGMEIR },
    { method: 'ETS (forecast pkg)', smape: 9.864, mase: 1.225, source: BERGMEIR },
    { method: 'Theta (M&H 2000)', smape: 8.96, mase: NaN, source: M3_SMAPE },
  ],
  'tourism-yearly': [
    { method: 'Naive', smape: NaN, mase: 2.5, source: ATHANASOPOULOS },
    { method: 'Theta', smape: NaN, mase: 2.28, source: ATHANASOPOULOS },
    { method: 'ForePro', smape: NaN, mase: 2.65, source: ATHANASOPOULOS },
    { method: 'ETS', smape: NaN, mase: 2.71, source: ATHANASOPOULOS },
    { method: 'ARIMA', smape: NaN, mase: 2.63, source: ATHANASOPOULOS },
    { method: 'Damped', smape: NaN, mase: 2.75, source: ATHANASOPOULOS },
    { method: 'Kaggle best (Lee C Baker)', smape: NaN, mase: 2.137, source: KAGGLE },
  ],
  'tourism-quarterly': [
    { method: 'SNaive', smape: NaN, mase: 1.59, source: ATHANASOPOULOS },
    { method: 'ForePro', smape: NaN, mase: 1.48, source: ATHANASOPOULOS },
    { method: 'Damped', smape: NaN, mase: 1.43, source: ATHANASOPOULOS },
    { method: 'ETS', smape: NaN, mase: 1.58, source: ATHANASOPOULOS },
    { method: 'Theta', smape: NaN, mase: 1.56, source: ATHANASOPOULOS },
    { method: 'ARIMA', smape: NaN, mase: 1.47, source: ATHANASOPOULOS },
    { method: 'Kaggle best (SaliMali)', smape: NaN, mase: 1.364, source: KAGGLE },
  ],
};

/**
 * Rows of the M3 submissions whose published figures the bench recomputes
 * from `m3/original_forecasts` to check its metric code (PUBLISHED.md §1b:
 * "All M3 rows reproduce exactly").
 */
export const METRIC_CHECK: Record<string, { method: string; smape: number; mase: number }[]> = {
  'm3-yearly': [
    { method: 'NAIVE2', smape: 17.88, mase: 3.172 },
    { method: 'THETA', smape: 16.974, mase: 2.806 },
    { method: 'ForcX', smape: 16.48, mase: 2.769 },
  ],
  'm3-quarterly': [
    { method: 'NAIVE2', smape: 9.951, mase: 1.238 },
    { method: 'THETA', smape: 8.956, mase: 1.087 },
    { method: 'DAMPEN', smape: 9.361, mase: 1.126 },
  ],
};

/**
 * Methods from the R reference run (PUBLISHED.md §5: forecast 8.20, computed
 * for these files, NOT published) that the bench scores from
 * `reference_r/<dataset>.csv` with its own metric code.
 */
export const REFERENCE_R_METHODS = ['Naive2', 'Theta', 'thetaf', 'ETS', 'ARIMA', 'Damped'];
