package org.deepgrad.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deepgrad.init.Init;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Activation.Kind;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;

/** No remedy the run already applies: each rule of {@link Setup#remaining}, and through the verdicts. */
class SetupTest {
  /** Layers "0" (ReLU, He-sized weights), "2" (tanh with batch norm, Xavier-sized), "4" (output). */
  private static final List<LayerInfo> LAYERS = List.of(
      new LayerInfo("0", 0, Activation.Kind.RELU, false, 50, 32, Math.sqrt(2.0 / 50)),
      new LayerInfo("2", 1, Activation.Kind.TANH, true, 32, 32, Math.sqrt(2.0 / 64)),
      new LayerInfo("4", 2, Activation.Kind.IDENTITY, false, 32, 4, 0.1));

  private static Setup inits(String... names) {
    return new Setup(null, Arrays.asList(names), false, 0, false);
  }

  private static Optional<Remedy> left(Setup s, Remedy.Kind kind, String... layers) {
    return s.remaining(Remedy.on(kind, List.of(layers)), LAYERS);
  }

  @Test
  void initRemediesKeepOnlyTheLayersNotDrawnWithThatInit() {
    assertTrue(left(inits("he_normal", "xavier_normal", null), Remedy.Kind.INIT_HE, "0").isEmpty());
    assertTrue(left(inits("kaiming_uniform:auto", "glorot_uniform", null), Remedy.Kind.INIT_HE, "0").isEmpty());
    assertEquals(List.of("0"), left(inits("xavier_normal", "xavier_normal", null), Remedy.Kind.INIT_HE, "0")
        .orElseThrow().layers());
    assertTrue(left(inits("he_normal", "xavier_normal:auto", null), Remedy.Kind.INIT_XAVIER, "2").isEmpty());
    assertEquals(List.of("0", "2"), left(inits(null, "default", null), Remedy.Kind.INIT_XAVIER, "0", "2")
        .orElseThrow().layers(), "torch's default is not Xavier");
    // not told: judged from the weights, which here look like He for "0" and Xavier for "2"
    assertTrue(left(Setup.UNKNOWN, Remedy.Kind.INIT_HE, "0").isEmpty());
    assertTrue(left(Setup.UNKNOWN, Remedy.Kind.INIT_XAVIER, "2").isEmpty());
  }

  @Test
  void runWideRemediesAreDroppedWhenTheRunHasThem() {
    for (String adaptive : List.of("adam", "AdamW", "rmsprop", "adagrad", "adadelta", "nadam", "radam", "adamax")) {
      assertTrue(new Setup(adaptive, List.of(), false, 0, false).remaining(Remedy.of(Remedy.Kind.OPTIMIZER_ADAM), LAYERS)
          .isEmpty(), adaptive);
    }
    for (String plain : Arrays.asList("sgd", "momentum", "nesterov", null)) {
      assertTrue(new Setup(plain, List.of(), false, 0, false).remaining(Remedy.of(Remedy.Kind.OPTIMIZER_ADAM), LAYERS)
          .isPresent(), String.valueOf(plain));
    }
    Setup all = new Setup("sgd", List.of(), true, 1, true);
    for (Remedy.Kind k : List.of(Remedy.Kind.RESIDUAL, Remedy.Kind.SHALLOWER, Remedy.Kind.CLIP_NORM,
        Remedy.Kind.STANDARDIZE_INPUTS)) {
      assertTrue(all.remaining(Remedy.of(k), LAYERS).isEmpty(), k.name()); // residual: no shallower network either
      assertTrue(Setup.UNKNOWN.remaining(Remedy.of(k), LAYERS).isPresent(), k.name());
    }
    for (Remedy.Kind k : List.of(Remedy.Kind.LR_DOWN, Remedy.Kind.LR_UP, Remedy.Kind.ACTIVATION_RELU, Remedy.Kind.CHECK_INPUTS)) {
      assertTrue(all.remaining(Remedy.of(k), LAYERS).isPresent(), k.name() + " is a change, never already applied");
    }
  }

  @Test
  void batchNormOnlyWhereALayerHasNone() {
    assertEquals(List.of("0"), left(Setup.UNKNOWN, Remedy.Kind.BATCH_NORM, "0", "2").orElseThrow().layers());
    assertTrue(left(Setup.UNKNOWN, Remedy.Kind.BATCH_NORM, "2").isEmpty());
  }

  @Test
  void initializersMustNameEveryLayer() {
    assertThrows(IllegalArgumentException.class, () -> inits("he_normal").check(LAYERS));
    assertThrows(IllegalArgumentException.class, () -> new Setup(null, List.of(), false, -1, false));
  }

  @Test
  void aSpecsInitializersLineUpWithTheRecordersLayers() {
    ModelSpec spec = new ModelSpec(4, List.of(new LayerSpec.Dense(8, "he_normal"), new LayerSpec.Act("relu"),
        new LayerSpec.Residual(List.of(new LayerSpec.Dense(5, "xavier_normal"), new LayerSpec.Act("tanh"))),
        new LayerSpec.Dense(2, null)));
    List<LayerInfo> layers = new Recorder(spec.build(new Rng(1))).layers();
    assertEquals(List.of("0", "2.body.0", "2.projection", "3"), layers.stream().map(LayerInfo::name).toList());
    Setup s = new Setup(null, spec.linearInits(), true, 0, false);
    s.check(layers);
    assertEquals(List.of("2.projection", "3"), s.remaining(Remedy.on(Remedy.Kind.INIT_XAVIER,
        List.of("2.body.0", "2.projection", "3")), layers).orElseThrow().layers());
    assertEquals(List.of("2.body.0", "2.projection", "3"), s.remaining(Remedy.on(Remedy.Kind.INIT_HE,
        List.of("0", "2.body.0", "2.projection", "3")), layers).orElseThrow().layers());
  }

  @Test
  void anAdamRunIsNotToldToUseAdam() {
    // issue 14: VANISHING and STALLED suggested Adam to a run that already used it
    History h = Probe.train(Probe.mlp(10, 32, Kind.SIGMOID, null, false), p -> Optimizers.adam(p, Adam.defaults().lr(1e-9)), 30);
    List<Finding> unknown = Verdicts.judge(h);
    List<Finding> adam = Verdicts.judge(h, new Setup("adam", List.of(), false, 0, false));
    assertEquals(unknown.stream().map(Finding::kind).toList(), adam.stream().map(Finding::kind).toList());
    List<Finding.Kind> suggestingAdam = unknown.stream()
        .filter(f -> Probe.remedies(f).contains(Remedy.Kind.OPTIMIZER_ADAM)).map(Finding::kind).toList();
    assertTrue(suggestingAdam.containsAll(List.of(Finding.Kind.VANISHING, Finding.Kind.STALLED)), suggestingAdam.toString());
    for (Finding f : adam) assertFalse(Probe.remedies(f).contains(Remedy.Kind.OPTIMIZER_ADAM), f.kind() + ": " + f.remedies());
  }

  @Test
  void aHeInitializedReluRunIsNotToldToUseHeInit() {
    // dead units from a learning rate of 3 on a He-initialized ReLU net
    History h = Probe.train(Probe.mlp(3, 32, Kind.RELU, Init.heNormal(), false), p -> Optimizers.sgd(p, SGD.of(3)), 30);
    List<Finding> unknownInits = Verdicts.judge(h, new Setup("sgd", List.of(), false, 0, false));
    List<Finding> told = Verdicts.judge(h, inits("he_normal", "he_normal", "he_normal", "he_normal"));
    List<Finding> claimedXavier = Verdicts.judge(h, inits("xavier_normal", "xavier_normal", "xavier_normal", null));
    assertTrue(claimedXavier.stream().anyMatch(f -> Probe.remedies(f).contains(Remedy.Kind.INIT_HE)),
        "the same findings suggest He init to a run that does not use it: " + claimedXavier);
    for (List<Finding> findings : List.of(unknownInits, told)) {
      assertFalse(findings.isEmpty());
      for (Finding f : findings) assertFalse(Probe.remedies(f).contains(Remedy.Kind.INIT_HE), f.kind() + ": " + f.remedies());
    }
  }
}
