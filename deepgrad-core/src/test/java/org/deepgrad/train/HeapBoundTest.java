package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.deepgrad.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training keeps no memory per step: the heap in use after a full collection is the same after
 * {@value #N} and after 10·{@value #N} steps of a run with everything a long run has (dropout, batch
 * norm, Adam, a validation pass and early-stopping bookkeeping every epoch, a checkpoint every 50
 * steps).
 *
 * <p>Why the bound cannot flake: {@code System.gc()} is a full, compacting collection (G1 and Serial
 * alike; the test checks that collections ran and is skipped where explicit GC is disabled), after
 * which the heap in use is exactly the reachable objects, measured as the least of three collections.
 * At both points, the same phase of a step ({@code onStep}), the run holds the same objects of the same
 * sizes (weights, Adam's moments, the loader's order, one epoch tally); class loading, lambda and
 * reflection set-up happen in the first steps, before the first measurement, and this JVM runs one
 * test at a time. What remains is a few KiB of JVM and test-framework bookkeeping, far under the
 * bound of {@value #BOUND_KIB} KiB, while a leak of {@value #DETECTED_BYTES_PER_STEP} bytes a step
 * or more (a tape, a tensor or a listener event kept per step) exceeds it over the 9·{@value #N} steps.
 */
class HeapBoundTest {
  static final int N = 200;
  static final int BOUND_KIB = 256;
  static final int DETECTED_BYTES_PER_STEP = BOUND_KIB * 1024 / (9 * N) + 1;

  @TempDir Path dir;

  @Test
  void theHeapInUseDoesNotGrowFromNToTenNSteps() throws Exception {
    Sequential model = Fixtures.net(1);
    long[] used = new long[2];
    TrainerSettings settings = TrainerSettings.defaults().withEpochs(10 * N).withMaxSteps(10 * N)
        .withCheckpoints(dir, 50, 0, 2).withEarlyStopping(EarlyStopping.of(100_000));
    Trainer<?> t = Fixtures.classifier(model, Fixtures.adam(model), 1, settings).addListener(new TrainListener() {
      @Override
      public void onStep(StepEvent e) {
        if (e.step() == N) used[0] = usedAfterFullGc();
        if (e.step() == 10 * N) used[1] = usedAfterFullGc();
      }
    });
    assertEquals(10 * N, t.fit().steps());
    long growth = used[1] - used[0];
    System.out.printf("heap in use after a full GC: %,d bytes at step %d, %,d at step %d: %+,d bytes (%+.1f a step)%n",
        used[0], N, used[1], 10 * N, growth, growth / (9.0 * N));
    assertTrue(growth < BOUND_KIB * 1024L, () -> "the heap grew by " + growth + " bytes from step " + N + " to "
        + 10 * N + ": something is kept per step");
  }

  /** The heap in use after a full collection: the least of three, each checked to have run. */
  static long usedAfterFullGc() {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long before = collections();
      System.gc();
      assumeTrue(collections() > before, "System.gc() ran no collection (-XX:+DisableExplicitGC?)");
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  private static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
    return n;
  }
}
