package org.deepgrad.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.deepgrad.data.Dataset;

/**
 * N replicas of a run as threads of this JVM, exchanging through an in-memory {@link Collective}: the
 * same {@link Replica} code a Spark task runs, without Spark. A replica that fails breaks the barrier,
 * so the others fail too instead of waiting (as a barrier stage's tasks are killed together).
 */
final class LocalReplicas {
  private LocalReplicas() {}

  /** Runs the replicas and writes the end files as the driver does; returns replica 0's result, or throws the first failure. */
  static DistributedResult run(TrainingJob job, int n, Dataset train, Dataset validation, Path out, boolean resume)
      throws Exception {
    return run(job, n, train, validation, out, resume, -1, 0);
  }

  /** As above, replica {@code failing} throwing {@link InjectedFailure} at its exchange number {@code failAt} (from 1). */
  static DistributedResult run(TrainingJob job, int n, Dataset train, Dataset validation, Path out, boolean resume,
      int failing, int failAt) throws Exception {
    InMemory shared = new InMemory(n);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<ReplicaResult>> futures = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        int replica = r;
        Collective c = shared.forReplica(replica, replica == failing ? failAt : -1);
        futures.add(pool.submit(() -> Replica.run(job, replica, n, Shards.shard(train, replica, n), validation, out, c,
            resume)));
      }
      Throwable failure = null;
      ReplicaResult result = null;
      for (int r = 0; r < n; r++) {
        try {
          ReplicaResult d = futures.get(r).get(5, TimeUnit.MINUTES);
          if (r == 0) result = d;
        } catch (ExecutionException e) {
          if (failure == null || e.getCause() instanceof InjectedFailure) failure = e.getCause();
        }
      }
      if (failure instanceof Exception e) throw e;
      if (failure != null) throw new AssertionError(failure);
      return RunEnd.write(out, job, n, result);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The failure a test injects. */
  static final class InjectedFailure extends RuntimeException {
    InjectedFailure(String message) {
      super(message);
    }
  }

  /** allGather over a barrier of N threads. */
  private static final class InMemory {
    /** What a lost replica sends: the others fail on seeing it, as a barrier stage's tasks fail together. */
    private static final String LOST = "lost";
    private final String[] messages;
    private final CyclicBarrier gathered;
    private final CyclicBarrier read;

    InMemory(int n) {
      messages = new String[n];
      gathered = new CyclicBarrier(n);
      read = new CyclicBarrier(n);
    }

    Collective forReplica(int r, int failAt) {
      int[] calls = {0};
      return message -> {
        boolean fail = ++calls[0] == failAt;
        try {
          messages[r] = fail ? LOST : message;
          gathered.await(2, TimeUnit.MINUTES);
          String[] all = messages.clone();
          read.await(2, TimeUnit.MINUTES);
          if (fail) throw new InjectedFailure("replica " + r + " lost at exchange " + failAt);
          for (String m : all) if (m.equals(LOST)) throw new IllegalStateException("replica " + r + ": another was lost");
          return all;
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
          throw new IllegalStateException("replica " + r + ": the exchange failed", e);
        }
      };
    }
  }
}
