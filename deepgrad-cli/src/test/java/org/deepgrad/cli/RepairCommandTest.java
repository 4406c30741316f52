package org.deepgrad.cli;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19's test of {@code deepgrad repair}: on eight pathological networks the top-ranked remedy
 * removes the finding when {@code diagnose} is run on {@code repaired.yaml}, and the repaired run's test
 * accuracy after the same short training is higher than the original's; a healthy network gets "nothing
 * to repair". Each on 600 mnist-10k digits written as a CSV (480 train, of which 48 are held out for
 * validation, 120 test), batch 32, the default budget of 100 steps, two jobs.
 */
class RepairCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLAIN = " --batch-size 32 --dropout 0 --no-batch-norm ";

  @TempDir
  static Path data;
  static Path digits;
  static Path raw;

  @TempDir
  Path dir;

  @BeforeAll
  static void write() throws IOException {
    digits = Digits.scaled(data.resolve("digits.csv"), 600);
    raw = Digits.raw(data.resolve("raw.csv"), 600);
  }

  /**
   * A pathological network: its flags and the finding that names its problem.
   *
   * @param raw whether it reads the raw 0-255 pixels
   */
  record Case(String name, String flags, String finding, boolean raw) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> pathologies() {
    return Stream.of(
        new Case("deep sigmoid, standard init", "--hidden 64x10 --activation sigmoid --init standard --optimizer sgd "
            + "--lr 0.1", "VANISHING", false),
        new Case("30 ReLU layers, Glorot init", "--hidden 64x30 --activation relu --init xavier_normal --optimizer sgd "
            + "--lr 0.01", "VANISHING", false),
        new Case("a learning rate that explodes", "--hidden 64,64 --activation relu --init kaiming_normal --optimizer sgd "
            + "--lr 3", "EXPLODING", false),
        new Case("a learning rate too small to move", "--hidden 64,64 --activation relu --init kaiming_normal "
            + "--optimizer sgd --lr 1e-5", "LR_TOO_LOW", false),
        new Case("dead ReLU units from a large learning rate", "--hidden 64,64 --activation relu --init kaiming_normal "
            + "--optimizer sgd --lr 1", "DEAD_UNITS", false),
        new Case("raw 0-255 pixels", "--hidden 64,64 --activation relu --init he_normal --optimizer sgd --lr 0.1",
            "INPUT_SCALE", true),
        new Case("saturated tanh from a large init", "--hidden 64,64 --activation tanh --init normal --optimizer sgd "
            + "--lr 0.1", "SATURATED", false),
        new Case("a deep net without normalization", "--hidden 64x20 --activation relu --optimizer sgd --lr 0.1",
            "VANISHING", false));
  }

  private static String[] args(String command, String... parts) {
    List<String> out = new ArrayList<>(List.of(command));
    for (String p : parts) out.addAll(List.of(p.trim().split("\\s+")));
    return out.toArray(String[]::new);
  }

  private static List<String> kinds(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(k -> out.add(k.isTextual() ? k.asText() : k.get("kind").asText()));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pathologies")
  void theTopRemedyRemovesTheFindingAndTheRepairedRunTestsBetter(Case c) throws IOException {
    Path out = dir.resolve("repair");
    Cli.Run run = Cli.run(args("repair", "--dataset csv:" + (c.raw() ? raw : digits), PLAIN, c.flags(), "--jobs 2 --json",
        "--out " + out));
    assertEquals(Failures.OK, run.code(), run::toString);
    JsonNode r = JSON.readTree(run.out());
    assertTrue(kinds(r.at("/run/findings")).contains(c.finding()), run::toString);
    assertEquals("repaired", r.get("verdict").asText(), run::toString);
    assertFalse(kinds(r.at("/repaired/findings")).contains(c.finding()), run::toString);
    assertTrue(r.at("/repaired/test_accuracy").asDouble() > r.at("/run/test_accuracy").asDouble(), run::toString);
    Path repaired = out.resolve("repaired.yaml");
    assertEquals(repaired.toString(), r.get("file").asText());

    Cli.Run diagnose = Cli.run(args("diagnose", repaired.toString(), "--steps 100 --every 5 --json"));
    assertEquals(Failures.OK, diagnose.code(), diagnose::toString);
    assertFalse(kinds(JSON.readTree(diagnose.out()).get("findings")).contains(c.finding()), diagnose + "\n" + run);
  }

  @Test
  void aHealthyNetHasNothingToRepair() throws IOException {
    Path out = dir.resolve("repair");
    Cli.Run run = Cli.run(args("repair", "--dataset csv:" + digits, PLAIN,
        "--hidden 64 --activation relu --init kaiming_normal --optimizer adam", "--out " + out));
    assertEquals(Failures.OK, run.code(), run::toString);
    assertTrue(run.out().contains("\nnothing to repair: the run has no finding after 100 steps (validation accuracy "),
        run::toString);
    assertFalse(run.out().contains("round 1"), run::toString);
    assertFalse(Files.exists(out.resolve("repaired.yaml")), "nothing to write");
    assertEquals("nothing to repair", JSON.readTree(out.resolve("repair.json").toFile()).get("verdict").asText());
  }
}
