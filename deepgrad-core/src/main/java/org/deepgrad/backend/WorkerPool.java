package org.deepgrad.backend;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The daemon threads shared by every {@link JavaBackend}: a fixed pool that grows to the largest
 * thread count asked for and lets idle threads exit after a while. The caller runs task 0 itself,
 * so {@code threads} kernels use {@code threads - 1} pool threads. Tasks never wait on other tasks,
 * so concurrent callers cannot deadlock; they only queue.
 */
final class WorkerPool {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "deepgrad-gemm-" + IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });

  static {
    POOL.allowCoreThreadTimeOut(true);
  }

  private WorkerPool() {}

  /** Makes room for {@code workers} pool threads (never shrinks: other backends may need them). */
  static synchronized void ensure(int workers) {
    if (workers > POOL.getMaximumPoolSize()) {
      POOL.setMaximumPoolSize(workers);
      POOL.setCorePoolSize(workers);
    }
  }

  /**
   * Runs {@code body.accept(t)} for t in [0, tasks) and returns when all have finished, rethrowing
   * the first failure. Waits through interrupts (the tasks are still writing the caller's arrays),
   * then restores the interrupt flag.
   */
  static void run(int tasks, IntConsumer body) {
    if (tasks == 1) {
      body.accept(0);
      return;
    }
    ensure(tasks - 1);
    Future<?>[] futures = new Future<?>[tasks - 1];
    for (int t = 1; t < tasks; t++) {
      int task = t;
      futures[t - 1] = POOL.submit(() -> body.accept(task));
    }
    Throwable failure = null;
    try {
      body.accept(0);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    boolean interrupted = false;
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (failure == null) failure = e.getCause();
          break;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    if (failure instanceof RuntimeException r) throw r;
    if (failure instanceof Error e) throw e;
  }
}
