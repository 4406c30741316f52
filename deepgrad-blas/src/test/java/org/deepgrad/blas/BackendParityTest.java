package org.deepgrad.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.backend.GemmCases;
import org.deepgrad.ops.MatMul;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every backend the SPI finds gives the same gemm as a double-precision reference, and the same
 * matmul and linear results (forward and gradients) as every other backend.
 */
class BackendParityTest {
  private Backend saved;

  @BeforeEach
  void save() {
    saved = Backends.current();
  }

  @AfterEach
  void restore() {
    Backends.use(saved);
  }

  @Test
  void openBlasLoadsAndIsTheDefault() {
    List<String> names = Backends.available().stream().map(Backend::name).toList();
    assertEquals(List.of("openblas", "java"), names, "OpenBLAS must load here (linux-x86_64)");
    if (System.getProperty("deepgrad.backend") == null) assertEquals("openblas", saved.name());
  }

  @Test
  void gemmMatchesDoubleReferenceOnEveryBackend() {
    List<GemmCases.Case> cases = GemmCases.all(21);
    for (Backend backend : Backends.available()) {
      for (int threads : new int[] {1, 2}) {
        backend.setThreads(threads);
        for (int i = 0; i < cases.size(); i++) GemmCases.check(backend, cases.get(i), 300 + i);
      }
    }
  }

  @Test
  void matmulAndLinearAgreeAcrossBackends() {
    List<Backend> backends = Backends.available();
    assertTrue(backends.size() >= 2, "parity needs two backends, found " + backends);
    List<float[]> first = null;
    for (Backend backend : backends) {
      Backends.use(backend);
      List<float[]> results = opSuite();
      if (first == null) {
        first = results;
        continue;
      }
      for (int r = 0; r < results.size(); r++) {
        assertClose(first.get(r), results.get(r), backends.get(0).name() + " vs " + backend.name() + ", result " + r);
      }
    }
  }

  /** Outputs and input gradients of matmul (2-D, batched, shared right matrix) and linear. */
  private static List<float[]> opSuite() {
    Rng rng = new Rng(99);
    List<float[]> out = new ArrayList<>();
    int[][][] shapes = {{{37, 53}, {53, 29}}, {{4, 13, 17}, {4, 17, 11}}, {{3, 9, 14}, {14, 6}}, {{1, 1}, {1, 1}}};
    for (int[][] s : shapes) {
      Tensor a = Tensor.uniform(rng, -1f, 1f, s[0]).requiresGrad(true);
      Tensor b = Tensor.uniform(rng, -1f, 1f, s[1]).requiresGrad(true);
      Tensor y = MatMul.matmul(a, b);
      Autograd.backward(y, Tensor.uniform(rng, -1f, 1f, y.shape().dims()));
      out.add(y.data());
      out.add(a.grad().data());
      out.add(b.grad().data());
    }
    Tensor x = Tensor.uniform(rng, -1f, 1f, 19, 45).requiresGrad(true);
    Tensor w = Tensor.uniform(rng, -1f, 1f, 23, 45).requiresGrad(true);
    Tensor bias = Tensor.uniform(rng, -1f, 1f, 23).requiresGrad(true);
    Tensor y = MatMul.linear(x, w, bias);
    Autograd.backward(y, Tensor.uniform(rng, -1f, 1f, 19, 23));
    out.add(y.data());
    out.add(x.grad().data());
    out.add(w.grad().data());
    out.add(bias.grad().data());
    return out;
  }

  /** Sums of at most 53 products of values in [-1, 1]: 1e-5 relative to the largest entry is 100 ulps. */
  private static void assertClose(float[] want, float[] got, String what) {
    assertEquals(want.length, got.length, what);
    float scale = 1f;
    for (float v : want) scale = Math.max(scale, Math.abs(v));
    for (int i = 0; i < want.length; i++) {
      if (!(Math.abs(want[i] - got[i]) <= 1e-5f * scale)) fail(what + "[" + i + "]: " + want[i] + " vs " + got[i]);
    }
  }
}
