package org.deepgrad.spark;

import java.io.Serializable;

/**
 * One training row on its way to a replica: its index in the whole data set (which decides its
 * replica and its place in the shard), its features and its class.
 */
record Sample(long index, float[] features, int label) implements Serializable {}
