package org.deepgrad.optim.schedule;

/**
 * Cosine annealing (Loshchilov and Hutter, SGDR, 2017), torch's {@code CosineAnnealingLR(T_max, eta_min)}:
 *
 * <pre>lr = etaMin + (baseLr - etaMin)·(1 + cos(π·step/tMax))/2</pre>
 *
 * <p>The rate falls from baseLr at step 0 to etaMin at step tMax. Past tMax the closed form keeps
 * going, rising back to baseLr at 2·tMax, and so on periodically; torch's recursive update does the
 * same, so the two agree at every step (torch adds no restarts; that is CosineAnnealingWarmRestarts).
 *
 * @param tMax steps from baseLr down to etaMin, &gt; 0
 * @param etaMin the lowest rate, finite and &gt;= 0 (torch's default 0)
 */
public record CosineAnnealing(long tMax, double etaMin) implements Schedule {

  /** Validates tMax &gt; 0 and etaMin finite and &gt;= 0. */
  public CosineAnnealing {
    if (tMax <= 0) {
      throw new IllegalArgumentException("cosine: t_max must be > 0, got " + tMax
          + "; set it to the number of steps the rate takes to fall to eta_min (usually the whole run)");
    }
    if (!(etaMin >= 0 && Double.isFinite(etaMin))) {
      throw new IllegalArgumentException("cosine: eta_min must be finite and >= 0, got " + etaMin
          + "; use 0 (torch's default) or a small floor such as 1e-5");
    }
  }

  @Override
  public double lr(long step, double baseLr) {
    ScheduleSteps.check(step);
    return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
  }
}
