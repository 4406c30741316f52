package org.deepgrad.run.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deepgrad.diagnostics.Remedy;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.run.config.GroupConfig;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.OptimizerConfig;
import org.deepgrad.run.config.Preset;
import org.deepgrad.run.config.TrainConfig;
import org.junit.jupiter.api.Test;

/** Each remedy kind as the change of a run value it makes, in words, and the remedies no change can make. */
class ChangeTest {
  private static final TrainConfig SIGMOID = TrainConfig.plain()
      .withModel(ModelConfig.mlp(64, 64, 64).withActivation("sigmoid"))
      .withOptimizer(OptimizerConfig.of("sgd").withLr(0.1));

  private static Change.Made made(Remedy r, TrainConfig run) {
    Change c = Change.of(r, run);
    Change.Made m = assertInstanceOf(Change.Made.class, c, c.toString());
    assertEquals(m.config(), m.config().validated(), "a change gives a valid run: " + m.words());
    return m;
  }

  private static Change.Made made(Remedy.Kind kind, TrainConfig run) {
    return made(Remedy.of(kind), run);
  }

  @Test
  void modelRemediesChangeTheMlpsKeys() {
    Change.Made xavier = made(Remedy.Kind.INIT_XAVIER, SIGMOID);
    assertEquals("xavier_normal:auto", xavier.config().model().init());
    assertEquals("Xavier init (xavier_normal:auto, gain matched to sigmoid)", xavier.words());
    assertEquals("xavier_normal", made(Remedy.Kind.INIT_XAVIER, SIGMOID.withModel(m -> m.withActivation("softsign")))
        .config().model().init(), "torch's calculate_gain knows no softsign: gain 1");
    TrainConfig relu = SIGMOID.withModel(m -> m.withActivation("relu"));
    assertEquals("kaiming_normal:auto", made(Remedy.Kind.INIT_HE, relu).config().model().init());
    assertEquals("relu", made(Remedy.Kind.ACTIVATION_RELU, SIGMOID).config().model().activation());
    Change.Made leaky = made(Remedy.Kind.ACTIVATION_LEAKY_RELU, relu);
    assertEquals("leaky_relu", leaky.config().model().activation());
    assertEquals("leaky_relu instead of relu", leaky.words());
    assertTrue(made(Remedy.Kind.BATCH_NORM, SIGMOID).config().model().batchNorm());
    assertTrue(made(Remedy.Kind.RESIDUAL, SIGMOID).config().model().residual());
    Change.Made shallower = made(new Remedy(Remedy.Kind.SHALLOWER, List.of(), Map.of("depth", 1.0)), SIGMOID);
    assertEquals(List.of(64), shallower.config().model().hidden());
    assertEquals("1 hidden layer instead of 3", shallower.words());
  }

  @Test
  void aModelChangeDropsThePresetWhoseModelItNoLongerIs() {
    TrainConfig main = TrainConfig.mainJob();
    assertEquals(Preset.MAIN, main.preset());
    assertNull(made(Remedy.Kind.ACTIVATION_LEAKY_RELU, main).config().preset());
    assertEquals(Preset.MAIN, made(Remedy.Kind.CLIP_NORM, main).config().preset(), "the model is unchanged");
  }

  @Test
  void learningRateOptimizerClippingAndData() {
    Change.Made down = made(Remedy.of(Remedy.Kind.LR_DOWN), SIGMOID);
    assertEquals(0.01, (Double) down.config().optimizer().hyper().get("lr"), 1e-12);
    assertEquals("lr 0.1 -> 0.01", down.words());
    TrainConfig adamDefault = SIGMOID.withOptimizer(OptimizerConfig.of("adam"));
    Change.Made up = made(Remedy.of(Remedy.Kind.LR_UP), adamDefault);
    assertEquals(0.01, (Double) up.config().optimizer().hyper().get("lr"), 1e-12, "adam's default 1e-3, times 10");
    TrainConfig grouped = SIGMOID.withOptimizer(o -> o.withWeightDecay(1e-4)
        .withGroups(List.of(new GroupConfig(List.of("bias"), 0.2, 0.0))));
    Change.Made adam = made(Remedy.of(Remedy.Kind.OPTIMIZER_ADAM), grouped);
    assertEquals("adam", adam.config().optimizer().name());
    assertEquals(Map.of("weight_decay", 1e-4), adam.config().optimizer().hyper(), "torch's default lr, the decay kept");
    assertEquals(0.2 * 1e-3 / 0.1, adam.config().optimizer().groups().get(0).lr(), 1e-12, "scaled as the main lr");
    assertEquals("adam lr 0.001 instead of sgd lr 0.1", adam.words());
    assertEquals(0.02, made(Remedy.of(Remedy.Kind.LR_DOWN), grouped).config().optimizer().groups().get(0).lr(), 1e-12);
    assertEquals(1.0, made(Remedy.Kind.CLIP_NORM, SIGMOID).config().training().clipNorm());
    assertTrue(made(Remedy.Kind.STANDARDIZE_INPUTS, SIGMOID).config().data().standardize());
  }

  @Test
  void remediesNoChangeCanMakeSayWhy() {
    assertEquals("a person has to look at how the data is read",
        ((Change.NotMade) Change.of(Remedy.of(Remedy.Kind.CHECK_INPUTS), SIGMOID)).reason());
    TrainConfig narrowing = SIGMOID.withModel(m -> m.withHidden(List.of(64, 32)));
    assertInstanceOf(Change.NotMade.class, Change.of(Remedy.of(Remedy.Kind.RESIDUAL), narrowing));
    TrainConfig explicit = SIGMOID.withModel(ModelConfig.layers(List.of(new LayerSpec.Dense(8, null),
        new LayerSpec.Act("sigmoid"))));
    Change c = Change.of(Remedy.of(Remedy.Kind.BATCH_NORM), explicit);
    assertTrue(((Change.NotMade) c).reason().contains("explicit layers list"), c.toString());
    assertInstanceOf(Change.Made.class, Change.of(Remedy.of(Remedy.Kind.LR_DOWN), explicit), "run-wide changes still apply");
    assertInstanceOf(Change.NotMade.class, Change.of(new Remedy(Remedy.Kind.SHALLOWER, List.of(), Map.of("depth", 3.0)),
        SIGMOID), "no fewer layers than it has");
  }
}
