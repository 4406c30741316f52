package org.deepgrad.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * The cores of the executors that have joined an application, counted from Spark's listener events
 * (Spark's public API tells executors, not their cores). {@link SparkMaster} registers it through
 * {@code spark.extraListeners}, so that it is on the listener bus before the first executor joins; Spark
 * builds it, and one SparkContext runs per JVM, so the last one built is the one of that context.
 */
public final class ExecutorCores extends SparkListener {
  private static volatile ExecutorCores latest;
  private final Map<String, Integer> cores = new ConcurrentHashMap<>();

  /** Built by Spark, from {@code spark.extraListeners}. */
  public ExecutorCores() {
    latest = this;
  }

  /** The listener of the SparkContext started last in this JVM, or null. */
  static ExecutorCores latest() {
    return latest;
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded e) {
    cores.put(e.executorId(), e.executorInfo().totalCores());
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
    cores.remove(e.executorId());
  }

  /** The cores of the executors present now. */
  int total() {
    return cores.values().stream().mapToInt(Integer::intValue).sum();
  }
}
