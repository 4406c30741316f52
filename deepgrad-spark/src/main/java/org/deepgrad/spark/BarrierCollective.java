package org.deepgrad.spark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.BarrierTaskContext;

/**
 * {@link Collective} over a barrier stage: {@link BarrierTaskContext#allGather}, where the driver's
 * barrier coordinator collects each task's message and answers every task with all of them, ordered by
 * partition (= replica).
 *
 * <p>Spark's task waits for that answer in one-second sleeps (it wakes to check whether the task was
 * killed), so a plain allGather costs about a second even when the answer comes in a millisecond
 * (docs/spark.md has the measurements). While it waits, a waker thread interrupts the task's thread
 * every {@code wakeMicros}: each interrupt only ends the current sleep early (Spark swallows it and
 * looks again at the answer, and at a kill, which it tracks apart from the interrupt flag), so the
 * exchange returns within a wake period of the answer. The flag is cleared before returning, and
 * no interrupt can come after that.
 */
final class BarrierCollective implements Collective {
  private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "deepgrad-allgather-waker");
    t.setDaemon(true);
    return t;
  });

  private final BarrierTaskContext context;
  private final long wakeMicros;

  /** @param wakeMicros how often to wake the waiting task, or 0 for Spark's own one-second wait */
  BarrierCollective(BarrierTaskContext context, long wakeMicros) {
    this.context = context;
    this.wakeMicros = wakeMicros;
  }

  @Override
  public String[] allGather(String message) {
    if (wakeMicros == 0) return context.allGather(message);
    Waking waking = new Waking(Thread.currentThread());
    ScheduledFuture<?> task = WAKER.scheduleAtFixedRate(waking, wakeMicros, wakeMicros, TimeUnit.MICROSECONDS);
    try {
      return context.allGather(message);
    } finally {
      waking.stop();
      task.cancel(false);
      Thread.interrupted();
    }
  }

  /** Interrupts the waiting thread until stopped; after {@link #stop} returns it never does again. */
  private static final class Waking implements Runnable {
    private final Thread waiter;
    private boolean stopped;

    Waking(Thread waiter) {
      this.waiter = waiter;
    }

    @Override
    public synchronized void run() {
      if (!stopped) waiter.interrupt();
    }

    synchronized void stop() {
      stopped = true;
    }
  }
}
