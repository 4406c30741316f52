package org.deepgrad.diagnostics;

import java.util.Arrays;

/**
 * Quantiles with linear interpolation (numpy's default), by selection instead of a full sort:
 *
 * <pre>
 * h = (n − 1)·q,   pq = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)   over the order statistics x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎
 * </pre>
 *
 * Each x₍⌊h⌋₎ is put in place by Hoare's FIND (quickselect, Wirth's form with a median-of-three
 * pivot) on the part of the array left between the ranks already placed, the middle rank first; each
 * x₍⌊h⌋+1₎ is then the smallest value between its rank and the next placed one. Expected O(n)
 * comparisons instead of a sort's O(n log n), with the same values (up to the sign of a zero), since
 * the k-th order statistic does not depend on how it is found. A range that does not shrink fast
 * enough is sorted instead, so no input costs much more than a sort.
 */
final class Percentiles {
  private Percentiles() {}

  /** The {@code qs}-quantiles (each in [0, 1]) of the finite values {@code x}, which are reordered; NaN when x is empty. */
  static double[] of(float[] x, double... qs) {
    double[] out = new double[qs.length];
    if (x.length == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    int[] ranks = new int[qs.length];
    for (int j = 0; j < qs.length; j++) ranks[j] = (int) Math.floor((x.length - 1) * qs[j]);
    Arrays.sort(ranks);
    int distinct = 0;
    for (int r : ranks) if (distinct == 0 || ranks[distinct - 1] != r) ranks[distinct++] = r;
    place(x, 0, x.length - 1, ranks, 0, distinct);
    for (int j = 0; j < qs.length; j++) {
      double h = (x.length - 1) * qs[j];
      int i = (int) Math.floor(h);
      if (i + 1 >= x.length || h == i) {
        out[j] = x[i];
        continue;
      }
      int next = Arrays.binarySearch(ranks, 0, distinct, i) + 1; // the next placed rank, else the end
      int end = next < distinct ? ranks[next] : x.length - 1;
      float above = x[i + 1]; // x₍ᵢ₊₁₎: ranks i+1..end fill positions i+1..end
      for (int k = i + 2; k <= end; k++) if (x[k] < above) above = x[k];
      out[j] = x[i] + (h - i) * ((double) above - x[i]);
    }
    return out;
  }

  /** Puts the order statistics of ranks[from, to) (ascending, distinct, within [lo, hi]) in place. */
  private static void place(float[] x, int lo, int hi, int[] ranks, int from, int to) {
    if (from >= to) return;
    int mid = (from + to) >>> 1;
    int k = ranks[mid];
    select(x, lo, hi, k); // the smaller ranks now lie in [lo, k), the greater in (k, hi]
    place(x, lo, k - 1, ranks, from, mid);
    place(x, k + 1, hi, ranks, mid + 1, to);
  }

  /**
   * Rearranges x[lo..hi] so that x[k] holds the value a sort would put there, with no greater value
   * before it and no smaller one after it.
   */
  static void select(float[] x, int lo, int hi, int k) {
    select(x, lo, hi, k, 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8);
  }

  /** {@link #select(float[], int, int, int)} sorting what is left of the range after {@code rounds} partitions. */
  static void select(float[] x, int lo, int hi, int k, int rounds) {
    while (hi > lo) {
      if (rounds-- == 0) {
        Arrays.sort(x, lo, hi + 1);
        return;
      }
      float p = medianOf3(x[lo], x[(lo + hi) >>> 1], x[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) { // the pivot's value is in the range, so each scan stops within it
        while (x[i] < p) i++;
        while (x[j] > p) j--;
        if (i <= j) {
          float t = x[i];
          x[i++] = x[j];
          x[j--] = t;
        }
      }
      // now x[lo..j] <= p, x[i..hi] >= p, and anything between equals p
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  private static float medianOf3(float a, float b, float c) {
    return a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
  }
}
