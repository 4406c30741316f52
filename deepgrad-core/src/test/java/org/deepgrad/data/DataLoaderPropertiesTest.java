package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The loader's contract for any size, batch size, shuffle, drop-last and seed: each epoch visits
 * every sample at most once (exactly once without drop-last), and a restored state replays the
 * batches. Sample i carries the feature value i, so a batch tells which samples it holds.
 */
class DataLoaderPropertiesTest {

  /** n, batch size, shuffle, drop-last: the settings a loader accepts (drop-last needs a full batch). */
  record Settings(int n, int batchSize, boolean shuffle, boolean dropLast) {}

  private static Gen<Settings> settings(int maxN) {
    return integers().between(1, maxN).zip(integers().between(1, maxN + 10), booleans().all(), booleans().all(),
        Settings::new).assuming(s -> !(s.dropLast() && s.batchSize() > s.n()));
  }

  private static DataLoader<Dataset> loader(Settings s, long seed) {
    float[] x = new float[s.n()];
    for (int i = 0; i < x.length; i++) x[i] = i;
    return new DataLoader<>(new Dataset(Tensor.of(x, s.n(), 1), new int[s.n()], 1), s.batchSize(), s.shuffle(),
        s.dropLast(), seed);
  }

  /** The indices of the samples in {@code batch}. */
  private static int[] ids(Dataset batch) {
    float[] v = batch.features().data();
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
    return out;
  }

  @Test
  void eachEpochVisitsEverySampleOnce() {
    qt().withExamples(300).forAll(settings(50), longs().all()).checkAssert((s, seed) -> {
      DataLoader<Dataset> loader = loader(s, seed);
      int n = s.n();
      int b = s.batchSize();
      int batches = s.dropLast() ? n / b : (n + b - 1) / b;
      assertEquals(batches, loader.batchesPerEpoch());
      for (int epoch = 0; epoch < 3; epoch++) {
        boolean[] seen = new boolean[n];
        int count = 0;
        int index = 0;
        for (Dataset batch : loader.epoch()) {
          int size = batch.size();
          assertTrue(size == b || (!s.dropLast() && index == batches - 1 && size == n % b), "batch " + index + " of " + size);
          for (int id : ids(batch)) {
            assertFalse(seen[id], "sample " + id + " twice in epoch " + epoch);
            seen[id] = true;
            if (!s.shuffle()) assertEquals(count, id, "without shuffling the samples come in order");
            count++;
          }
          index++;
        }
        assertEquals(batches, index);
        assertEquals(s.dropLast() ? batches * b : n, count);
        assertEquals(epoch + 1, loader.epochIndex());
      }
    });
  }

  @Test
  void restoredStateGivesTheSameRemainingBatches() {
    qt().withExamples(300).forAll(settings(40), longs().all(), integers().between(0, 100)).checkAssert((s, seed, taken) -> {
      DataLoader<Dataset> original = loader(s, seed);
      for (int i = 0; i < taken; i++) original.next();
      DataLoader<Dataset> restored = loader(s, seed + 1); // another seed: the state must carry the order
      restored.restore(original.state());
      int ahead = 3 * original.batchesPerEpoch() + 1; // across at least two epoch boundaries
      for (int i = 0; i < ahead; i++) assertArrayEquals(ids(original.next()), ids(restored.next()), "batch " + i);
      assertEquals(original.epochIndex(), restored.epochIndex());
      assertEquals(original.batchIndex(), restored.batchIndex());
      assertArrayEquals(original.state().rng(), restored.state().rng());
    });
  }
}
