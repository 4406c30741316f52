package org.deepgrad.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.deepgrad.data.Dataset;
import org.deepgrad.tensor.Tensor;

/**
 * How n rows are dealt to N replicas: row i goes to replica {@code i mod N}, each shard in index
 * order, and the last {@code n mod N} rows are dropped so that every replica holds m = n div N rows
 * (as torch's {@code DistributedSampler(drop_last=True)}): equal shards give every replica the same
 * number of batches per epoch, which synchronous steps need.
 */
public final class Shards {
  private Shards() {}

  /** The rows of each shard: {@code n div N}. */
  public static long rowsPerShard(long n, int replicas) {
    return n / replicas;
  }

  /** Replica r's shard of {@code data}, as the distributed run sees it. */
  public static Dataset shard(Dataset data, int replica, int replicas) {
    int m = (int) rowsPerShard(data.size(), replicas);
    int[] rows = new int[m];
    for (int k = 0; k < m; k++) rows[k] = k * replicas + replica;
    return data.rows(rows);
  }

  /** Every kept row of {@code data} as a {@link Sample}, shard after shard (the order Spark slices a list in). */
  static List<Sample> samples(Dataset data, int replicas) {
    int m = (int) rowsPerShard(data.size(), replicas);
    int d = data.inputSize();
    float[] x = data.features().data();
    List<Sample> out = new ArrayList<>(m * replicas);
    for (int r = 0; r < replicas; r++) {
      for (int k = 0; k < m; k++) {
        int i = k * replicas + r;
        out.add(new Sample(i, Arrays.copyOfRange(x, i * d, (i + 1) * d), data.labels()[i]));
      }
    }
    return out;
  }

  /** A replica's samples, in any order, as its shard: sorted by index. */
  static Dataset toDataset(Iterator<Sample> samples, int inputs, int classes) {
    List<Sample> rows = new ArrayList<>();
    samples.forEachRemaining(rows::add);
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a replica received no rows; give at least as many rows as replicas");
    }
    rows.sort(Comparator.comparingLong(Sample::index));
    float[] x = new float[rows.size() * inputs];
    int[] y = new int[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      Sample s = rows.get(k);
      if (s.features().length != inputs) {
        throw new IllegalArgumentException("row " + s.index() + " has " + s.features().length + " features; the model"
            + " takes " + inputs + ". Give every row the same features, as many as the model's inputs");
      }
      if (s.label() < 0 || s.label() >= classes) {
        throw new IllegalArgumentException("row " + s.index() + " has label " + s.label() + "; the model has " + classes
            + " outputs, so labels must be 0.." + (classes - 1));
      }
      System.arraycopy(s.features(), 0, x, k * inputs, inputs);
      y[k] = s.label();
    }
    return new Dataset(Tensor.of(x, rows.size(), inputs), y, classes);
  }
}
