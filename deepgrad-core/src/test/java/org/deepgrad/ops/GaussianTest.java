package org.deepgrad.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianTest {
  @Test
  void erfcMeetsItsStatedRelativeErrorBound() {
    // Reference values from Python's math.erfc (correctly rounded double).
    double[][] cases = {{0.0, 1.0}, {0.5, 0.4795001221869535}, {1, 0.15729920705028513},
        {2, 0.004677734981047265}, {3, 2.2090496998585438e-05}, {5, 1.5374597944280351e-12},
        {10, 2.088487583762545e-45}, {-1, 1.842700792949715}, {-2.5, 1.999593047982555}};
    for (double[] c : cases) {
      double got = Gaussian.erfc(c[0]);
      double rel = Math.abs(got - c[1]) / c[1];
      assertTrue(rel < 1.2e-7, "erfc(" + c[0] + ") = " + got + ", expected " + c[1] + ", relative error " + rel);
    }
  }

  @Test
  void cdfAndPdfAreTheStandardNormals() {
    assertTrue(Math.abs(Gaussian.cdf(0) - 0.5) < 1e-7);
    assertTrue(Math.abs(Gaussian.cdf(1.959963984540054) - 0.975) < 1e-7);
    assertTrue(Math.abs(Gaussian.pdf(0) - 0.3989422804014327) < 1e-15);
  }
}
