package org.deepgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Identities the ops must satisfy on random small tensors (rank 1 to 3, 1 to 6 per dimension).
 * Tolerances follow float32 rounding (unit roundoff u = 2^-24 ≈ 6e-8) with a margin; each says
 * what it bounds.
 */
class OpIdentityPropertiesTest {
  private static final Gen<Tensor> LOGITS = tensors(floats().between(-1000f, 1000f));
  private static final Gen<Tensor> MODERATE = tensors(floats().between(-10f, 10f));
  /** Log-uniform over [1e-6, 1e6], so every magnitude is as likely. */
  private static final Gen<Tensor> POSITIVE = tensors(doubles().between(-6, 6).map(e -> (float) Math.pow(10, e)));

  static Gen<Tensor> tensors(Gen<Float> value) {
    return lists().of(integers().between(1, 6)).ofSizeBetween(1, 3).flatMap(l -> {
      int[] dims = l.stream().mapToInt(Integer::intValue).toArray();
      return values(value, Shape.of(dims).size()).map(v -> Tensor.of(v, dims));
    });
  }

  static Gen<float[]> values(Gen<Float> value, int n) {
    return lists().of(value).ofSize(n).map(OpIdentityPropertiesTest::floatArray);
  }

  private static float[] floatArray(List<Float> l) {
    float[] out = new float[l.size()];
    for (int i = 0; i < out.length; i++) out[i] = l.get(i);
    return out;
  }

  @Test
  void softmaxRowsAreDistributions() {
    qt().withExamples(200).forAll(LOGITS).checkAssert(x -> {
      float[] y = Softmax.softmax(x, -1).data();
      int n = x.dim(-1);
      for (int row = 0; row < y.length / n; row++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          float p = y[row * n + j];
          assertTrue(p >= 0 && p <= 1, "softmax value " + p + " outside [0, 1]");
          sum += p;
        }
        assertEquals(1.0, sum, 1e-6 * n, "row " + row); // n values rounded to float, u each
      }
    });
  }

  @Test
  void logSoftmaxIsTheLogOfSoftmaxWhereFinite() {
    qt().withExamples(200).forAll(LOGITS).checkAssert(x -> {
      float[] logOfSoftmax = Pointwise.log(Softmax.softmax(x, -1)).data();
      float[] logSoftmax = Softmax.logSoftmax(x, -1).data();
      for (int i = 0; i < logSoftmax.length; i++) {
        // Where softmax underflows to 0 or to a subnormal its log is -inf or imprecise: not compared.
        if (!Float.isFinite(logOfSoftmax[i]) || Math.exp(logSoftmax[i]) < Float.MIN_NORMAL) continue;
        double tol = 1e-5 + 1e-6 * Math.abs(logSoftmax[i]); // softmax's rounding (u), each result's (u·|value|)
        assertEquals(logSoftmax[i], logOfSoftmax[i], tol, "element " + i);
      }
    });
  }

  @Test
  void expUndoesLog() {
    qt().withExamples(200).forAll(POSITIVE).checkAssert(x -> {
      float[] back = Pointwise.exp(Pointwise.log(x)).data();
      for (int i = 0; i < back.length; i++) {
        float v = x.data()[i];
        assertEquals(v, back[i], 1e-5 * v, "exp(log " + v + ")"); // log's rounding u·|log x| < 1e-6, relative after exp
      }
    });
  }

  @Test
  void sumOfABroadcastAddCountsEachOperandOncePerCopy() {
    qt().withExamples(200).forAll(MODERATE, MODERATE).checkAssert((a, b) -> {
      // A shape that broadcasts to a's: a trailing part of it, some dimensions set to 1 (chosen by b's size).
      int[] d = a.shape().dims();
      int[] bd = Arrays.copyOfRange(d, b.size() % d.length, d.length);
      for (int i = 0; i < bd.length; i++) if (((b.size() >> i) & 1) == 1) bd[i] = 1;
      Tensor small = Tensor.of(Arrays.copyOf(b.data(), Shape.of(bd).size()), bd);
      Tensor sum = Arithmetic.add(a, small);
      assertEquals(a.shape(), sum.shape());
      int copies = a.size() / small.size();
      double expected = total(a, false) + copies * total(small, false);
      double scale = total(a, true) + copies * total(small, true);
      assertEquals(expected, Reductions.sum(sum).item(), 1e-6 * scale + 1e-6); // u per element add, u for the float result
    });
  }

  @Test
  void transposeTwiceIsTheIdentity() {
    qt().withExamples(200).forAll(MODERATE, integers().between(0, 2), integers().between(0, 2)).checkAssert((x, i, j) -> {
      int d0 = i % x.rank();
      int d1 = j % x.rank();
      Tensor back = Shaping.transpose(Shaping.transpose(x, d0, d1), d0, d1);
      assertEquals(x.shape(), back.shape());
      assertArrayEquals(x.data(), back.data());
    });
  }

  @Test
  void reshapeRoundTrips() {
    qt().withExamples(200).forAll(MODERATE).checkAssert(x -> {
      int[] d = x.shape().dims();
      int[] reversed = new int[d.length];
      for (int i = 0; i < d.length; i++) reversed[i] = d[d.length - 1 - i];
      Tensor back = Shaping.reshape(Shaping.reshape(Shaping.reshape(x, -1), reversed), d);
      assertEquals(x.shape(), back.shape());
      assertArrayEquals(x.data(), back.data());
    });
  }

  @Test
  void matmulIsAssociativeWithinRounding() {
    Gen<Integer> dim = integers().between(1, 5);
    Gen<Tensor[]> chains = dim.zip(dim, dim, dim, (m, k, l, n) -> new int[] {m, k, l, n}).flatMap(s -> {
      Gen<Float> v = floats().between(-1f, 1f);
      return values(v, s[0] * s[1]).zip(values(v, s[1] * s[2]), values(v, s[2] * s[3]),
          (a, b, c) -> new Tensor[] {Tensor.of(a, s[0], s[1]), Tensor.of(b, s[1], s[2]), Tensor.of(c, s[2], s[3])});
    }).describedAs(Arrays::toString);
    qt().withExamples(200).forAll(chains).checkAssert(abc -> {
      float[] left = MatMul.matmul(MatMul.matmul(abc[0], abc[1]), abc[2]).data();
      float[] right = MatMul.matmul(abc[0], MatMul.matmul(abc[1], abc[2])).data();
      // Either order errs by at most (k + l)·u·(|A||B||C|)_ij; 1e-5 leaves a margin over (5 + 5)·6e-8.
      float[] bound = MatMul.matmul(MatMul.matmul(Pointwise.abs(abc[0]), Pointwise.abs(abc[1])), Pointwise.abs(abc[2])).data();
      for (int i = 0; i < left.length; i++) assertEquals(left[i], right[i], 1e-5 * bound[i] + 1e-7, "element " + i);
    });
  }

  private static double total(Tensor t, boolean abs) {
    double s = 0;
    for (float v : t.data()) s += abs ? Math.abs(v) : v;
    return s;
  }
}
