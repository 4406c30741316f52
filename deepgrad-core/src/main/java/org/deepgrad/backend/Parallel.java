package org.deepgrad.backend;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a task into parts run at once by the calling thread and resident worker threads: the
 * fork-join of the training step (gemm row blocks, gradient norms, optimizer updates), made for
 * tasks of tens of microseconds. A task is handed over by a volatile write, not a queue, and
 * nothing is allocated per call; between tasks a worker spins for {@value #SPIN_MICROS} µs, so
 * the next task of a step starts at once, then parks and costs nothing.
 *
 * <p>One caller at a time owns the workers. A call made while they are busy (a task that itself
 * splits work, or another thread training at the same time) runs all its parts on its own thread,
 * in order, so the results are the same and nothing waits on anything.
 */
public final class Parallel {
  /** How long an idle worker spins before it parks. */
  static final long SPIN_MICROS = 200;
  /** How many spins a caller waits on a worker before it yields its core between checks. */
  private static final int SPINS_BEFORE_YIELD = 1 << 12;

  /** One piece of work, split into {@code parts} pieces by index. */
  @FunctionalInterface
  public interface Task {
    /** Does piece {@code part} of {@code parts} (from 0); pieces must not write the same memory. */
    void run(int part, int parts);
  }

  private static final AtomicBoolean BUSY = new AtomicBoolean();
  /** Per thread: how many tasks of more than one part it is running a piece of now. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
  private static Worker[] workers = new Worker[0];

  private Parallel() {}

  /**
   * Where piece {@code part} of {@code parts} starts when {@code n} items are cut into equal pieces,
   * {@code n·part/parts}; piece p covers {@code [bound(n, p, parts), bound(n, p + 1, parts))}.
   */
  public static int bound(int n, int part, int parts) {
    return (int) ((long) n * part / parts);
  }

  /**
   * Runs {@code task} as {@code parts} pieces: piece 0 on this thread, the others on workers when
   * they are free (else here, in order), and returns when all are done, rethrowing the first failure.
   */
  public static void run(int parts, Task task) {
    if (parts < 1) throw new IllegalArgumentException("parts must be >= 1, got " + parts);
    if (parts == 1) {
      task.run(0, 1);
      return;
    }
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      if (BUSY.compareAndSet(false, true)) {
        runOnWorkers(parts, task);
      } else {
        for (int p = 0; p < parts; p++) task.run(p, parts);
      }
    } finally {
      depth[0]--;
    }
  }

  /** Runs the parts, piece 0 here; the caller owns BUSY, which this gives back. */
  private static void runOnWorkers(int parts, Task task) {
    try {
      Worker[] ws = workers(parts - 1);
      for (int p = 1; p < parts; p++) ws[p - 1].start(task, p, parts);
      Throwable failure = null;
      try {
        task.run(0, parts);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      for (int p = 1; p < parts; p++) {
        Throwable f = ws[p - 1].await();
        if (failure == null) failure = f;
      }
      if (failure instanceof RuntimeException r) throw r;
      if (failure instanceof Error e) throw e;
    } finally {
      BUSY.set(false);
    }
  }

  /**
   * Whether this thread is running a piece of a task now: a call to {@link #run} from here would find the
   * workers busy and run all its parts here, so work that would be split should not be.
   */
  public static boolean inTask() {
    return DEPTH.get()[0] > 0;
  }

  /** The first {@code n} workers, started on first need (called only by the owner of BUSY). */
  private static Worker[] workers(int n) {
    if (workers.length < n) {
      Worker[] grown = Arrays.copyOf(workers, n);
      for (int i = workers.length; i < n; i++) grown[i] = new Worker(i + 1);
      workers = grown;
    }
    return workers;
  }

  /** A resident thread running one piece per generation. */
  private static final class Worker extends Thread {
    private volatile int generation;
    private volatile int finished;
    private volatile boolean parked;
    private Task task;
    private int part;
    private int parts;
    private Throwable failure;

    Worker(int id) {
      super("deepgrad-parallel-" + id);
      setDaemon(true);
      start();
    }

    /** Hands over a piece (the plain fields are published by the volatile write of generation). */
    void start(Task task, int part, int parts) {
      this.task = task;
      this.part = part;
      this.parts = parts;
      this.failure = null;
      generation = generation + 1;
      if (parked) LockSupport.unpark(this);
    }

    /**
     * Waits for the piece handed over last; returns its failure or null. Spins, then yields the
     * core, in case the worker waits for one (a machine busy with other work).
     */
    Throwable await() {
      int g = generation;
      for (int spins = 0; finished != g; spins++) {
        if (spins < SPINS_BEFORE_YIELD) Thread.onSpinWait();
        else Thread.yield();
      }
      Throwable f = failure;
      task = null;
      return f;
    }

    @Override
    public void run() {
      DEPTH.get()[0] = 1; // a worker runs nothing but pieces of tasks
      int seen = 0;
      while (true) {
        seen = next(seen);
        try {
          task.run(part, parts);
        } catch (Throwable t) { // handed to the caller, which rethrows it
          failure = t;
        }
        finished = seen;
      }
    }

    /** Waits for a generation after {@code seen}: spins, then parks until woken. */
    private int next(int seen) {
      long spinUntil = System.nanoTime() + SPIN_MICROS * 1000;
      int spins = 0;
      while (generation == seen) {
        if ((++spins & 63) != 0 || System.nanoTime() < spinUntil) {
          Thread.onSpinWait();
          continue;
        }
        parked = true; // Dekker with start(): it writes generation then reads parked; we the reverse
        if (generation == seen) LockSupport.park(this);
        parked = false;
      }
      return generation;
    }
  }
}
