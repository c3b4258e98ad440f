/**
 * Tails of the beta-binomial distribution: the binomial whose probability
 * itself varies, Beta(alpha, beta)-distributed. No well-kept package has it,
 * so it is summed here from its probability mass function, in log space,
 * with the library's log-beta function for the one term that needs it.
 */
import betaln from '@stdlib/math-base-special-betaln';
import { assertCount } from './tails.js';

export interface Tails {
  /** P(K ≥ k) */
  upper: number;
  /** P(K ≤ k) */
  lower: number;
}

/** log P(K = j) for j = 0…n, K ~ BetaBinomial(n, alpha, beta). */
function logMass(n: number, alpha: number, beta: number): Float64Array {
  const out = new Float64Array(n + 1);
  out[0] = betaln(alpha, n + beta) - betaln(alpha, beta);
  // Each term from the one before by the ratio of successive terms, which needs no special function.
  for (let j = 0; j < n; j++) {
    out[j + 1] = out[j]! + Math.log(((n - j) * (j + alpha)) / ((j + 1) * (n - j - 1 + beta)));
  }
  return out;
}

/** log Σ exp(x) over x[from…to], without overflow or underflow. */
function logSumExp(x: Float64Array, from: number, to: number): number {
  let max = -Infinity;
  for (let j = from; j <= to; j++) max = Math.max(max, x[j]!);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let j = from; j <= to; j++) sum += Math.exp(x[j]! - max);
  return max + Math.log(sum);
}

/**
 * Both tails at k of K ~ BetaBinomial(n, alpha, beta). This is how k of n
 * events fall on one side when the share p of each side is not fixed but
 * varies as Beta(alpha, beta): for counts that are negative binomial with a
 * common size r, the current window's count given the total of it and N
 * earlier windows is BetaBinomial(total, r, N·r).
 */
export function betaBinomialTails(k: number, n: number, alpha: number, beta: number): Tails {
  assertCount(k, 'a beta-binomial count');
  assertCount(n, 'a beta-binomial number of trials');
  if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) {
    throw new RangeError(`beta-binomial shapes must be finite and above 0, not ${alpha} and ${beta}`);
  }
  if (k > n) return { upper: 0, lower: 1 };
  const mass = logMass(n, alpha, beta);
  // Rounding in the sum may pass 1 by an ulp; a probability never does.
  return {
    upper: Math.min(1, Math.exp(logSumExp(mass, k, n))),
    lower: Math.min(1, Math.exp(logSumExp(mass, 0, k))),
  };
}
