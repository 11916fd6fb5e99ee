/**
 * RANDOM (`RandomLoadBalancer`, random_lb.cc): one `random()` per pick, used both to choose the
 * priority and, modulo the source size, the host. Host weights are ignored.
 * Worked example: hosts [a, b], draw 3 → priority x = 4 (P0), host 3 % 2 = b.
 */
import { modU64 } from '../../hash/u64.js';
import type { CommonLbConfig, RandomConfig } from '../../model/lb-config.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import type { PickContext, PickTrace } from '../common/pick-context.js';
import type { LoadBalancerOptions } from '../common/load-balancer-base.js';
import { ZoneAwareLoadBalancer } from '../common/zone-aware-lb.js';

export class RandomLoadBalancer extends ZoneAwareLoadBalancer {
  constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    _config: RandomConfig,
    options: LoadBalancerOptions,
  ) {
    super(prioritySet, common, options);
  }

  protected override onHostSetsChanged(): void {}

  protected override chooseHostOnce(
    _context: PickContext | undefined,
    trace: PickTrace | undefined,
  ): number {
    return this.#peekOrChoose(false, trace);
  }

  override peekAnotherHost(trace?: PickTrace): number {
    return this.tooManyPreconnects() ? -1 : this.#peekOrChoose(true, trace);
  }

  #peekOrChoose(peeking: boolean, trace: PickTrace | undefined): number {
    this.random(peeking);
    const hi = this.drawHi;
    const lo = this.drawLo;
    const source = this.hostSourceToUse(hi, lo, trace);
    const hosts = source < 0 ? null : this.sourceHosts[source];
    const host = hosts && hosts.length > 0 ? hosts[modU64(hi, lo, hosts.length)] : -1;
    if (trace) trace.host = host;
    return host;
  }
}
