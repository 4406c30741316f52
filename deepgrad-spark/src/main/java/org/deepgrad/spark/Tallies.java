package org.deepgrad.spark;

import org.deepgrad.train.ReplicaSync;

/** {@link ReplicaSync#gatherTallies} over a {@link Collective}: each replica's epoch sums, in replica order. */
final class Tallies {
  private Tallies() {}

  static double[][] gather(Collective c, double[] sums) {
    ReplicaMessage[] all = ReplicaMessage.exchange(c, new ReplicaMessage("tallies", 0, 0, Floats.encode(sums)));
    double[][] out = new double[all.length][];
    for (int r = 0; r < all.length; r++) out[r] = Floats.decodeDoubles(all[r].payload());
    return out;
  }
}
