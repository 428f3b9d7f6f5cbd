import type { FitFn } from '../types';
import { fitSmoothingMethod } from './ses';

/**
 * Holt's linear trend (ETS(A,A,N)): α, β and initial states by least squares,
 * seasonally adjusted first when needed. Intervals are analytic.
 */
export const fitHolt: FitFn = (series) => fitSmoothingMethod(series, 'linear', 'holt', 'Holt linear trend', 4);

/**
 * Damped trend (ETS(A,Ad,N)): as Holt with a damping factor 0.8 ≤ φ ≤ 0.98,
 * so the trend fades out over the horizon. Intervals are analytic.
 */
export const fitDamped: FitFn = (series) => fitSmoothingMethod(series, 'damped', 'damped', 'damped trend', 5);
