package org.deepgrad.train;

/**
 * What ties together the replicas of a data-parallel run: N {@link Trainer}s, each with an identical
 * copy of the model and optimizer and its own shard of the data, that must take the same updates. A
 * trainer calls it at two points, on every replica in the same order, so an implementation can
 * exchange values with the other replicas there (deepgrad-spark does, through Spark):
 *
 * <ul>
 *   <li>{@link #combine} after each step's backward pass, before the finite checks, clipping and the
 *       optimizer: the gradients become their mean over the replicas, identical on each, so every
 *       replica's checks, clipping and update come out the same;
 *   <li>{@link #gatherTallies} at an epoch's end: the replicas' epoch metric sums, merged into the
 *       metrics of all their samples.
 * </ul>
 *
 * {@link #SINGLE} is a run of one replica: nothing to exchange.
 */
public interface ReplicaSync {

  /** One replica: gradients, loss and tallies stay as they are. */
  ReplicaSync SINGLE = new ReplicaSync() {
    @Override
    public double combine(long step, double loss) {
      return loss;
    }

    @Override
    public double[][] gatherTallies(double[] sums) {
      return new double[][] {sums};
    }
  };

  /**
   * Called after update {@code step}'s backward pass (its number from 1, retried under the same number
   * after a skipped batch). Makes each parameter's gradient the mean over the replicas, the same bits
   * on each (it may exchange more, e.g. batch-norm statistics), and returns the mean of the replicas'
   * losses, or NaN when any replica's loss was not finite.
   *
   * @param loss this replica's mean loss on its batch; NaN when its loss (with the L2 penalty) was not
   *     finite, in which case backward did not run and its gradients are zero
   */
  double combine(long step, double loss);

  /** Every replica's epoch {@link Tally#sums()}, in replica order (the same on each); this one's among them. */
  double[][] gatherTallies(double[] sums);
}
