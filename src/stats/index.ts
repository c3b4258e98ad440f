/**
 * Which changes are real: tests for small counts and the control of false
 * discoveries over a report's many tests. Pure functions of numbers; it
 * imports nothing else of src/. See the README's "Which changes are real".
 */
export { testChange, testChanges, DEFAULT_MIN_BASELINE_WINDOWS, type ChangeInput, type ChangeOptions, type ChangeTest } from './change.js';
export { discoveries, adjustedPValues, DEFAULT_FALSE_DISCOVERY_RATE, type Discovery } from './fdr.js';
export { mayShowPercent, DEFAULT_MIN_PERCENT_BASE } from './percent.js';
export { summariseBaseline, sharedOverdispersion, type Baseline } from './baseline.js';
export { poissonUpper, poissonLower, poissonTwoSided, binomialUpper, binomialLower } from './tails.js';
