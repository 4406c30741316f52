package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.run.files.RunContents;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, item 3: {@code deepgrad diagnose} on mnist-10k with the default probe (50 steps, every
 * 5th sampled), and {@code train --diagnose}. Each probe takes a second or two.
 */
class DiagnoseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEEP_SIGMOID = "--hidden 256x10 --activation sigmoid --init standard --no-batch-norm "
      + "--dropout 0 --optimizer sgd --lr 0.1";

  @TempDir
  Path dir;

  private static Cli.Run diagnose(String flags, String... more) {
    List<String> args = new ArrayList<>(List.of("diagnose"));
    args.addAll(List.of(flags.split(" ")));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<String> kinds(JsonNode findings) {
    List<String> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.get("kind").asText()));
    return out;
  }

  @Test
  void aDeepSigmoidStackWithStandardInitVanishesInItsEarlyLayers() {
    Cli.Run run = diagnose(DEEP_SIGMOID, "--fail-on", "vanishing");
    assertEquals(DiagnoseCommand.FOUND, run.code(), run::toString);
    assertTrue(run.out().contains("VANISHING (warning) in layers 0, 2, 4, "), run::toString);
    assertTrue(run.out().matches("(?s).*\n0 +sigmoid +784->256 .*"), () -> "no table row for layer 0:\n" + run);
    assertTrue(run.err().contains("found [vanishing], named by --fail-on: exit code 3"), run::toString);
  }

  @Test
  void reluWithHeInitAndBatchNormDoesNotVanish() {
    Cli.Run run = diagnose("--hidden 256x10 --activation relu --init he_normal --batch-norm --fail-on vanishing");
    assertEquals(Failures.OK, run.code(), run::toString);
    assertFalse(run.out().contains("VANISHING"), run::toString);
    assertTrue(run.out().contains("diagnostics: 50 steps (MAX_STEPS), 10 sampled (every 5)"), run::toString);
  }

  /**
   * Issue 14, item 4: He et al. 2015's comparison. torch's xavier_normal_ (gain 1 before ReLU too)
   * halves the signal at every one of 30 ReLU layers, so the probe finds VANISHING; kaiming_normal
   * (gain √2, torch's defaults) and he_normal keep it, and so does xavier_normal:auto, gain √2.
   */
  @Test
  void thirtyReluLayersVanishWithXavierButNotWithHe() {
    String net = "--hidden 64x30 --activation relu --fail-on vanishing --init ";
    Cli.Run xavier = diagnose(net + "xavier_normal");
    assertEquals(DiagnoseCommand.FOUND, xavier.code(), xavier::toString);
    assertTrue(xavier.out().contains("relu, xavier_normal init (gain 1), 171530 parameters"), xavier::toString);
    for (String init : List.of("kaiming_normal", "he_normal", "xavier_normal:auto")) {
      Cli.Run run = diagnose(net + init);
      assertEquals(Failures.OK, run.code(), run::toString);
      assertFalse(run.out().contains("VANISHING"), run::toString);
      assertTrue(!init.endsWith(":auto") || run.out().contains("init (gain 1.414 for dense layers 1-30, 1 for 31)"),
          run::toString);
    }
  }

  @Test
  void learningRate10WithoutClippingExplodesAndJsonSaysWhere() throws IOException {
    Cli.Run run = diagnose("--optimizer sgd --lr 10 --no-batch-norm --dropout 0 --json --fail-on EXPLODING,Nan_Or_Inf");
    assertEquals(DiagnoseCommand.FOUND, run.code(), run::toString);
    JsonNode root = JSON.readTree(run.out());
    assertEquals(List.of("run", "inputs", "layers", "findings"), iterable(root.fieldNames()));
    assertEquals(List.of("samples", "features", "mean", "rms", "min", "max", "constant_features", "non_finite_features"),
        iterable(root.get("inputs").fieldNames()));
    assertEquals(784, root.at("/inputs/features").asInt());
    assertEquals(1.0, root.at("/inputs/max").asDouble(), "mnist-10k's pixels are scaled to [0, 1]");
    assertEquals(4, root.get("layers").size(), run::toString);
    assertEquals(List.of("name", "activation", "fan_in", "fan_out", "grad_norm", "grad_ratio_to_last",
        "activation_std", "saturation", "dead_fraction", "update_ratio"), iterable(root.at("/layers/0").fieldNames()));
    // a learning rate far too high is the cause, named first when found; the explosion or the NaN follows
    List<String> kinds = kinds(root.get("findings"));
    int at = kinds.contains("EXPLODING") ? kinds.indexOf("EXPLODING") : kinds.indexOf("NAN_OR_INF");
    assertTrue(at == 0 || at == 1 && kinds.get(0).equals("LR_TOO_HIGH"), run::toString);
    JsonNode first = root.get("findings").get(at);
    assertTrue(first.get("layers").size() > 0, () -> "no offending layer named:\n" + run);
    for (String key : List.of("severity", "numbers", "explanation", "explained_by", "remedies")) assertTrue(first.has(key), key);
    assertEquals(List.of("kind", "layers", "parameters", "text", "reference"), iterable(first.at("/remedies/0").fieldNames()));
  }

  /**
   * Issue 19, item 0: the digits as a CSV of raw 0-255 pixels, a plain ReLU MLP with He init and SGD at
   * 0.1. The unscaled inputs come first and explain the rest; no remedy repeats what the run does.
   */
  @Test
  void rawPixelsAreNamedAsTheCauseAndNoRemedyRepeatsTheRun() throws IOException {
    Path csv = Digits.raw(dir.resolve("digits.csv"), 600);
    String net = "--dataset csv:" + csv + " --hidden 128,64 --activation relu --init he_normal --optimizer sgd --lr 0.1 "
        + "--steps 20 --every 2";
    Cli.Run text = diagnose(net, "--fail-on", "input_scale");
    assertEquals(DiagnoseCommand.FOUND, text.code(), text::toString);
    assertTrue(text.out().contains("inputs: 480 samples x 784 features, mean "), text::toString);
    assertTrue(text.out().contains("\nINPUT_SCALE (warning)\n  The inputs are not standardized"), text::toString);
    assertTrue(text.out().indexOf("\nINPUT_SCALE (warning)") < text.out().indexOf("\nDEAD_UNITS"), text::toString);
    assertTrue(text.out().contains("below: fix it first."), text::toString);
    assertFalse(text.out().contains("He (Kaiming) init"), text::toString);

    JsonNode root = JSON.readTree(diagnose(net, "--json").out());
    assertEquals(255, root.at("/inputs/max").asDouble());
    JsonNode findings = root.get("findings");
    assertEquals("INPUT_SCALE", findings.at("/0/kind").asText(), root::toString);
    assertEquals("STANDARDIZE_INPUTS", findings.at("/0/remedies/0/kind").asText());
    boolean explained = false;
    for (JsonNode f : findings) {
      explained |= f.get("explained_by").size() > 0;
      for (JsonNode r : f.get("remedies")) assertTrue(!r.get("kind").asText().equals("INIT_HE"), f::toString);
    }
    assertTrue(explained, root::toString);

    // standardized, the same digits have no input finding and no one suggests standardizing
    Cli.Run standardized = diagnose(net, "--standardize", "--json");
    assertEquals(Failures.OK, standardized.code(), standardized::toString);
    assertFalse(standardized.out().contains("INPUT_SCALE") || standardized.out().contains("STANDARDIZE_INPUTS"),
        standardized::toString);
  }

  /** Issue 14, item 5: an Adam run is not told to use an adaptive optimizer. */
  @Test
  void anAdamRunIsNotToldToUseAdam() throws IOException {
    JsonNode sgd = JSON.readTree(diagnose(DEEP_SIGMOID, "--json").out());
    JsonNode adam = JSON.readTree(diagnose(DEEP_SIGMOID.replace("--optimizer sgd --lr 0.1", "--optimizer adam --lr 1e-5"),
        "--json").out());
    assertTrue(sgd.toString().contains("\"OPTIMIZER_ADAM\""), sgd::toString);
    assertTrue(kinds(adam.get("findings")).contains("VANISHING"), adam::toString);
    assertFalse(adam.toString().contains("\"OPTIMIZER_ADAM\""), adam::toString);
  }

  @Test
  void anUnknownFailOnKindIsBadUsageListingTheKinds() {
    Cli.Run run = Cli.run("diagnose", "--fail-on", "vanishing,explode");
    assertEquals(Failures.BAD_INPUT, run.code(), run::toString);
    assertTrue(run.err().contains("unknown finding kind `explode`; did you mean `exploding`?; allowed kinds: "
        + "input_nan_or_inf, input_scale, constant_features, vanishing, exploding, saturated, dead_units, nan_or_inf, "
        + "lr_too_high, lr_too_low, stalled, init_mismatch"),
        run::toString);
    assertEquals(Failures.BAD_INPUT, Cli.run("diagnose", "--resume", "--out", dir.toString()).code());
    assertEquals(Failures.BAD_INPUT, Cli.run("diagnose", "--every", "0").code());
  }

  @Test
  void trainDiagnoseWritesTheFindingsAndLeavesTheRunUnchanged() throws IOException {
    String tiny = "--no-progress --hidden 16 --epochs 1 --max-steps 20";
    Path plain = dir.resolve("plain");
    Path watched = dir.resolve("watched");
    // Without diagnostics every step takes the buffered path; with them, the sampled steps take the tape.
    Cli.Run a = Cli.run(Stream.concat(Stream.of("train", "--out", plain.toString(), "--no-diagnose"), Stream.of(tiny.split(" ")))
        .toArray(String[]::new));
    Cli.Run b = Cli.run(Stream.concat(Stream.of("train", "--out", watched.toString(), "--diagnose",
        "--diagnose-every", "5"), Stream.of(tiny.split(" "))).toArray(String[]::new));
    assertEquals(Failures.OK, a.code(), a::toString);
    assertEquals(Failures.OK, b.code(), b::toString);
    assertTrue(b.out().contains("diagnostics: 20 steps (MAX_STEPS), 4 sampled (every 5)"), b::toString);
    assertTrue(b.out().contains("findings: "), b::toString);
    JsonNode saved = JSON.readTree(watched.resolve(Diagnosis.FILE).toFile());
    assertEquals(4, saved.at("/run/samples").asInt());
    Map<String, Tensor> x = ModelFiles.load(plain).model().stateDict();
    Map<String, Tensor> y = ModelFiles.load(watched).model().stateDict();
    for (String k : x.keySet()) assertArrayEquals(x.get(k).data(), y.get(k).data(), k);

    // A finished run's config.yaml names its directory as output.dir: diagnose ignores the output section.
    Path probe = dir.resolve("probe");
    Cli.Run c = Cli.run("diagnose", watched.resolve(RunContents.CONFIG_FILE).toString(), "--steps", "10", "--out",
        probe.toString());
    assertEquals(Failures.OK, c.code(), c::toString);
    assertTrue(c.out().contains(b.out().lines().filter(l -> l.startsWith("model: ")).findFirst().orElseThrow()),
        () -> "diagnose builds another model than train:\n" + b + c);
    try (Stream<Path> files = Files.list(probe)) {
      assertEquals(List.of(probe.resolve(Diagnosis.FILE)), files.toList());
    }
  }

  @Test
  void helpListsTheCommandAndItsFlags() {
    assertTrue(Cli.run("--help").out().contains("diagnose"));
    Cli.Run run = Cli.run("diagnose", "--help");
    for (String flag : List.of("--steps", "--every", "--json", "--fail-on", "--hidden", "--lr", "CONFIG",
        "Exit with code 3")) {
      assertTrue(run.out().contains(flag), () -> flag + " missing from\n" + run);
    }
    assertTrue(Cli.run("train", "--help").out().contains("--diagnose-every"));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
