package org.deepgrad.spark;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import scala.collection.immutable.Seq;

/** A DataFrame row's features (an ML vector or a numeric array) and label (a whole number) as a {@link Sample}. */
final class RowSamples {
  private RowSamples() {}

  static Sample sample(Row row, long index, String featuresCol, String labelCol) {
    return new Sample(index, features(row.get(0), index, featuresCol), label(row.get(1), index, labelCol));
  }

  static float[] features(Object value, long index, String column) {
    if (value instanceof Vector v) {
      double[] d = v.toArray();
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
      return f;
    }
    if (value instanceof Seq<?> seq) {
      float[] f = new float[seq.size()];
      for (int i = 0; i < f.length; i++) {
        if (!(seq.apply(i) instanceof Number x)) throw bad(index, column, "an array holding " + seq.apply(i));
        f[i] = x.floatValue();
      }
      return f;
    }
    throw bad(index, column, value == null ? "null" : value.getClass().getSimpleName() + " " + value);
  }

  static int label(Object value, long index, String column) {
    if (!(value instanceof Number x) || x.doubleValue() != Math.rint(x.doubleValue()) || x.doubleValue() < 0) {
      throw new IllegalArgumentException("row " + index + ": label column '" + column + "' holds " + value + "; labels"
          + " must be class numbers 0, 1, 2, ... (index string labels with StringIndexer first)");
    }
    return (int) x.doubleValue();
  }

  private static IllegalArgumentException bad(long index, String column, String what) {
    return new IllegalArgumentException("row " + index + ": features column '" + column + "' holds " + what
        + "; it must be a vector (VectorAssembler makes one) or an array of numbers");
  }
}
