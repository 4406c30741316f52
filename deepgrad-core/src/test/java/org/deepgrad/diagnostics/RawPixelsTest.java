package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Mnist;
import org.deepgrad.init.Init;
import org.deepgrad.init.Initializer;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A new user's first try: mnist-10k digits as raw 0–255 pixels (as a CSV of them reads), a plain
 * 784-128-64-10 MLP. The diagnosis names the unscaled inputs first, explains the rest by them, and
 * suggests no initializer or optimizer the run already uses. 256 digits, full batch, 20 steps.
 */
class RawPixelsTest {
  private static final Dataset DIGITS = Mnist.tenK().slice(0, 256);

  private static Dataset scaled(float factor) {
    float[] x = DIGITS.features().data().clone();
    for (int i = 0; i < x.length; i++) x[i] *= factor;
    return DIGITS.withFeatures(Tensor.of(x, DIGITS.size(), DIGITS.inputSize()));
  }

  private static List<Finding> diagnose(Dataset data, Activation.Kind act, Initializer init,
      Function<Map<String, Parameter>, Optimizer> opt, Setup setup) {
    Sequential model = Sequential.builder(784, new Rng(42)).init(init).dense(128, Activation.of(act))
        .dense(64, Activation.of(act)).dense(10).build();
    return Verdicts.judge(Probe.train(model, opt, 20, 2, Double.NaN, data, true), setup);
  }

  private static List<Finding.Kind> kinds(List<Finding> findings) {
    return findings.stream().map(Finding::kind).toList();
  }

  @Test
  void tanhWithXavierSaturatesBecauseOfTheInputsAndIsNotToldToUseXavier() {
    Setup setup = new Setup("adam", List.of("xavier_normal", "xavier_normal", "xavier_normal"), false, 0, false);
    List<Finding> raw = diagnose(scaled(255), Activation.Kind.TANH, Init.xavierNormal(1),
        p -> Optimizers.adam(p, Adam.defaults()), setup);
    assertEquals(List.of(Finding.Kind.INPUT_SCALE, Finding.Kind.SATURATED), kinds(raw));
    Finding scale = raw.get(0);
    assertTrue(scale.numbers().get(InputScaleRule.RMS) > 50, scale.numbers().toString());
    assertEquals(255.0, scale.numbers().get("input max"), 0.01);
    Finding saturated = raw.get(1);
    assertEquals("0", saturated.layers().get(0));
    assertEquals(List.of(Finding.Kind.INPUT_SCALE), saturated.explainedBy());
    assertTrue(saturated.explanation().contains("Likely a consequence of INPUT_SCALE above"), saturated.explanation());
    assertFalse(Probe.remedies(saturated).contains(Remedy.Kind.INIT_XAVIER), saturated.remedies().toString());
    // the same digits in [0, 1], as the built-in set reads them: nothing to say
    assertEquals(List.of(), diagnose(scaled(1), Activation.Kind.TANH, Init.xavierNormal(1),
        p -> Optimizers.adam(p, Adam.defaults()), setup));
  }

  @Test
  void reluWithHeAndSgdDiesBecauseOfTheInputsAndTheVanishingIsExplainedByTheDeadUnits() {
    Setup setup = new Setup("sgd", List.of("he_normal", "he_normal", "he_normal"), false, 0, false);
    List<Finding> raw = diagnose(scaled(255), Activation.Kind.RELU, Init.heNormal(), p -> Optimizers.sgd(p, SGD.of(0.1)),
        setup);
    List<Finding.Kind> kinds = kinds(raw);
    assertEquals(Finding.Kind.INPUT_SCALE, kinds.get(0), kinds.toString());
    assertTrue(kinds.containsAll(List.of(Finding.Kind.DEAD_UNITS, Finding.Kind.VANISHING)), kinds.toString());
    assertTrue(kinds.indexOf(Finding.Kind.DEAD_UNITS) < kinds.indexOf(Finding.Kind.VANISHING), kinds.toString());
    Finding vanishing = raw.get(kinds.indexOf(Finding.Kind.VANISHING));
    assertEquals(List.of(Finding.Kind.DEAD_UNITS), vanishing.explainedBy());
    assertTrue(vanishing.explanation().startsWith("No gradient reaches the weights of layer 0"), vanishing.explanation());
    assertFalse(vanishing.numbers().containsKey("gradient factor per layer"), vanishing.numbers().toString());
    assertTrue(raw.get(0).explanation().endsWith("below: fix it first."), raw.get(0).explanation());
    for (Finding f : raw) assertFalse(Probe.remedies(f).contains(Remedy.Kind.INIT_HE), f.kind() + ": " + f.remedies());
    assertTrue(Probe.remedies(vanishing).contains(Remedy.Kind.OPTIMIZER_ADAM), "an SGD run may try Adam");
  }
}
