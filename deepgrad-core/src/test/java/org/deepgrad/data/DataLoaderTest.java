package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
  /** Sample i has features [i, -i] and label i % 3, so a batch's first column names its samples. */
  private static Dataset numbered(int n) {
    float[] x = new float[2 * n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = i;
      x[2 * i + 1] = -i;
      y[i] = i % 3;
    }
    return new Dataset(Tensor.of(x, n, 2), y, 3);
  }

  /** The sample ids of a batch, checking its rows and labels belong together. */
  private static int[] ids(Dataset batch) {
    int[] ids = new int[batch.size()];
    for (int r = 0; r < ids.length; r++) {
      ids[r] = (int) batch.features().get(r, 0);
      assertEquals(-ids[r], batch.features().get(r, 1), 0f);
      assertEquals(ids[r] % 3, batch.labels()[r], "label travels with its row");
    }
    return ids;
  }

  /** The ids of every batch of the loader's current epoch, concatenated. */
  private static int[] epochOrder(DataLoader<Dataset> loader) {
    List<Integer> all = new ArrayList<>();
    for (Dataset b : loader.epoch()) for (int id : ids(b)) all.add(id);
    return all.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void everySampleOncePerEpochWithASmallerLastBatch() {
    DataLoader<Dataset> loader = DataLoader.miniBatch(numbered(10), 3, 7);
    assertEquals(4, loader.batchesPerEpoch());
    for (int e = 0; e < 3; e++) {
      assertEquals(e, loader.epochIndex());
      int[] sizes = new int[4];
      int[] seen = new int[10];
      int k = 0;
      for (Dataset b : loader.epoch()) {
        sizes[k++] = b.size();
        for (int id : ids(b)) seen[id]++;
      }
      assertArrayEquals(new int[] {3, 3, 3, 1}, sizes);
      int[] once = new int[10];
      Arrays.fill(once, 1);
      assertArrayEquals(once, seen, "epoch " + e);
    }
  }

  @Test
  void orderIsFixedBySeedAndChangesEveryEpoch() {
    DataLoader<Dataset> a = DataLoader.miniBatch(numbered(50), 8, 42);
    DataLoader<Dataset> b = DataLoader.miniBatch(numbered(50), 8, 42);
    DataLoader<Dataset> c = DataLoader.miniBatch(numbered(50), 8, 43);
    int[] a0 = epochOrder(a);
    int[] a1 = epochOrder(a);
    assertArrayEquals(a0, epochOrder(b));
    assertArrayEquals(a1, epochOrder(b));
    assertFalse(Arrays.equals(a0, a1), "a new permutation each epoch");
    assertFalse(Arrays.equals(a0, epochOrder(c)), "another seed, another order");
    int[] sorted = a0.clone();
    Arrays.sort(sorted);
    assertFalse(Arrays.equals(sorted, a0), "shuffled");
  }

  @Test
  void resumeMidEpochGivesTheIdenticalRemainingBatches() {
    DataLoader<Dataset> first = DataLoader.miniBatch(numbered(23), 4, 5);
    epochOrder(first);
    first.next();
    first.next();
    LoaderState saved = first.state();
    assertEquals(1, saved.epoch());
    assertEquals(2, saved.batch());
    List<int[]> expected = new ArrayList<>();
    for (int i = 0; i < 15; i++) expected.add(ids(first.next())); // crosses into epochs 2 and 3

    DataLoader<Dataset> resumed = DataLoader.miniBatch(numbered(23), 4, 999); // the seed is overridden
    resumed.restore(saved);
    assertEquals(1, resumed.epochIndex());
    assertEquals(2, resumed.batchIndex());
    for (int i = 0; i < 15; i++) assertArrayEquals(expected.get(i), ids(resumed.next()), "batch " + i + " after resume");
    assertEquals(first.state().epoch(), resumed.state().epoch());
    assertArrayEquals(first.state().rng(), resumed.state().rng());
  }

  @Test
  void stateAtAnEpochBoundaryPointsAtTheNextEpoch() {
    DataLoader<Dataset> loader = DataLoader.miniBatch(numbered(6), 3, 1);
    loader.next();
    loader.next();
    LoaderState s = loader.state();
    assertEquals(1, s.epoch());
    assertEquals(0, s.batch());
    int[] next = epochOrder(loader);
    DataLoader<Dataset> other = DataLoader.miniBatch(numbered(6), 3, 2);
    other.restore(s);
    assertArrayEquals(next, epochOrder(other));
  }

  @Test
  void dropLastDropsTheShortBatchAndVariesWhichSamplesMissOut() {
    DataLoader<Dataset> loader = new DataLoader<>(numbered(10), 3, true, true, 11);
    assertEquals(3, loader.batchesPerEpoch());
    boolean[] everDropped = new boolean[10];
    for (int e = 0; e < 20; e++) {
      int[] order = epochOrder(loader);
      assertEquals(9, order.length);
      assertEquals(9, Arrays.stream(order).distinct().count());
      boolean[] seen = new boolean[10];
      for (int id : order) seen[id] = true;
      for (int i = 0; i < 10; i++) if (!seen[i]) everDropped[i] = true;
    }
    int dropped = 0;
    for (boolean d : everDropped) if (d) dropped++;
    assertTrue(dropped > 1, "a reshuffle each epoch drops a different sample; 20 epochs dropped only " + dropped);
  }

  @Test
  void fullBatchIsTheWholeSetInOrderEveryStep() {
    Dataset data = numbered(7);
    DataLoader<Dataset> gd = DataLoader.fullBatch(data);
    assertEquals(1, gd.batchesPerEpoch());
    for (int e = 0; e < 3; e++) {
      assertEquals(e, gd.epochIndex());
      Dataset b = gd.next();
      assertArrayEquals(data.features().data(), b.features().data());
      assertArrayEquals(data.labels(), b.labels());
    }
  }

  @Test
  void oneSampleServesSingleSamplesInAFreshPermutation() {
    DataLoader<Dataset> sgd = DataLoader.oneSample(numbered(8), 3);
    assertEquals(8, sgd.batchesPerEpoch());
    int[] order = new int[8];
    for (int i = 0; i < 8; i++) {
      Dataset b = sgd.next();
      assertEquals(1, b.size());
      order[i] = ids(b)[0];
    }
    assertEquals(1, sgd.epochIndex());
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, sorted);
    assertFalse(Arrays.equals(sorted, order));
  }

  @Test
  void withoutShuffleTheOrderIsTheDataOrder() {
    DataLoader<Dataset> loader = new DataLoader<>(numbered(5), 2, false, false, 0);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, epochOrder(loader));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, epochOrder(loader));
  }

  @Test
  void batchesAreFreshCopies() {
    Dataset data = numbered(4);
    DataLoader<Dataset> loader = DataLoader.fullBatch(data);
    Dataset b = loader.next();
    b.features().data()[0] = 100;
    b.labels()[0] = 2;
    assertEquals(0f, data.features().get(0, 0));
    assertEquals(0, data.labels()[0]);
    assertEquals(0f, loader.next().features().get(0, 0));
  }

  @Test
  void regressionBatchesCarryTheirTargets() {
    Regression r = Synthetic.linear(9, new float[] {2}, 0, 0, 3);
    DataLoader<Regression> loader = DataLoader.miniBatch(r, 4, 3);
    int rows = 0;
    for (Regression b : loader.epoch()) {
      assertEquals(1, b.targetSize());
      for (int i = 0; i < b.size(); i++) assertEquals(2 * b.features().get(i, 0), b.targets().get(i, 0), 1e-6f);
      rows += b.size();
    }
    assertEquals(9, rows);
  }

  @Test
  void restoreRejectsAStateFromOtherSettings() {
    LoaderState s = DataLoader.miniBatch(numbered(10), 3, 1).state();
    String m = assertThrows(IllegalArgumentException.class,
        () -> DataLoader.miniBatch(numbered(10), 4, 1).restore(s)).getMessage();
    assertTrue(m.contains("batchSize 3") && m.contains("settings the checkpoint was taken with"), m);
    assertThrows(IllegalArgumentException.class, () -> DataLoader.miniBatch(numbered(11), 3, 1).restore(s));
    LoaderState past = new LoaderState(10, 3, true, false, 0, 4, s.rng());
    m = assertThrows(IllegalArgumentException.class, () -> DataLoader.miniBatch(numbered(10), 3, 1).restore(past))
        .getMessage();
    assertTrue(m.contains("batch 4 is past the 4 batches"), m);
  }

  @Test
  void rejectsSettingsThatGiveNoBatch() {
    String m = assertThrows(IllegalArgumentException.class, () -> DataLoader.miniBatch(numbered(5), 0, 1)).getMessage();
    assertTrue(m.contains("batchSize is 0"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new DataLoader<>(numbered(5), 6, true, true, 1)).getMessage();
    assertTrue(m.contains("5 samples give no batch of 6 with dropLast"), m);
    assertNotEquals(0, new DataLoader<>(numbered(5), 6, true, false, 1).batchesPerEpoch());
  }
}
