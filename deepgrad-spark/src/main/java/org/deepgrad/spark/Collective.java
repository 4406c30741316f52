package org.deepgrad.spark;

/**
 * The one communication primitive the replicas of a run use: every replica passes a message and gets
 * back all of them, in replica order, the same array on each. Every replica must make the same calls
 * in the same order. In a Spark task it is {@code BarrierTaskContext.allGather} ({@link BarrierCollective}).
 */
@FunctionalInterface
public interface Collective {

  /** Blocks until every replica has called it; returns every replica's message, indexed by replica. */
  String[] allGather(String message);
}
