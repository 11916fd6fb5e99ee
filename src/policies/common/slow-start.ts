/**
 * Slow start (`EdfLoadBalancerBase::applySlowStartFactor`): a host that became healthy less than
 * `slow_start_window` ago gets a fraction of its weight, growing with time.
 *
 * t = max(1, elapsed_ms) / window; f = t^(1/aggression) (t itself when aggression is 1);
 * factor = max(f, min_weight_percent / 100). Worked example: window 60 s, 20 s elapsed,
 * aggression 1 → factor 1/3; aggression 2 at 6 s → √0.1 ≈ 0.316.
 */
import type { SlowStartConfig } from '../../model/lb-config.js';

/** The weight multiplier of a healthy host `elapsedMs` after it became healthy (1 past the window). */
export function slowStartFactor(config: SlowStartConfig, elapsedMs: number): number {
  if (config.windowMs <= 0 || elapsedMs >= config.windowMs) return 1;
  const aggression = config.aggression > 0 ? config.aggression : 1;
  const t = Math.max(1, elapsedMs) / config.windowMs;
  const f = aggression === 1 || t === 1 ? t : Math.pow(t, 1 / aggression);
  return Math.max(f, config.minWeightPercent / 100);
}
