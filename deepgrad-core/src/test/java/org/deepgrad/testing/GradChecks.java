package org.deepgrad.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.deepgrad.autograd.GradCheck;
import org.deepgrad.tensor.Tensor;

/** The assertion every op test uses: {@link GradCheck} passes, or the failure names the worst element. */
public final class GradChecks {
  private GradChecks() {}

  public static void assertGradCheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
    GradCheck.Result r = GradCheck.check(f, inputs);
    assertTrue(r.passed(), r.toString());
  }
}
