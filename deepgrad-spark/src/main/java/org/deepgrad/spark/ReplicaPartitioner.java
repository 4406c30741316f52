package org.deepgrad.spark;

import org.apache.spark.Partitioner;

/** Row i (the key) to replica {@code i mod N}, as {@link Shards} deals them. */
final class ReplicaPartitioner extends Partitioner {
  private final int replicas;

  ReplicaPartitioner(int replicas) {
    this.replicas = replicas;
  }

  @Override
  public int numPartitions() {
    return replicas;
  }

  @Override
  public int getPartition(Object key) {
    return (int) ((Long) key % replicas);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplicaPartitioner p && p.replicas == replicas;
  }

  @Override
  public int hashCode() {
    return replicas;
  }
}
