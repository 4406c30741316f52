package org.deepgrad.spark;

import org.apache.spark.BarrierTaskContext;

/**
 * {@link Collective} over a barrier stage: {@link BarrierTaskContext#allGather}, where the driver
 * collects each task's message and sends every task all of them, ordered by partition (= replica).
 */
final class BarrierCollective implements Collective {
  private final BarrierTaskContext context;

  BarrierCollective(BarrierTaskContext context) {
    this.context = context;
  }

  @Override
  public String[] allGather(String message) {
    return context.allGather(message);
  }
}
