package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved model, broken one way at a time: loading must fail with a ModelFileException naming the
 * file and the place. Layers of the base model: [0] dense 8, [1] batch_norm, [2] relu, [3] dropout, [4] dense 3.
 */
class ModelFilesMalformedTest {
  private static final ModelSpec SPEC = ModelSpec.mlp(4, new int[] {8}, 3, "relu", "he_normal", true, 0.25, false);
  @TempDir Path dir;

  @BeforeEach
  void saveTheBaseModel() throws IOException {
    ModelFiles.save(dir, ModelFilesTest.trained(SPEC), ModelFilesTest.card(SPEC));
  }

  /** Replaces {@code from} by {@code to} in model.json; the text must contain it. */
  private static IOConsumer<Path> edit(String from, String to) {
    return d -> {
      Path json = d.resolve(ModelFiles.CARD);
      String text = Files.readString(json);
      int at = text.indexOf(from);
      assertTrue(at >= 0, "the test must change model.json, which has no " + from);
      Files.writeString(json, text.substring(0, at) + to + text.substring(at + from.length()));
    };
  }

  private static Arguments bad(String name, IOConsumer<Path> breakIt, String file, String... fragments) {
    return Arguments.of(name, breakIt, file, fragments);
  }

  static Stream<Arguments> brokenModels() {
    return Stream.of(
        bad("not JSON", d -> Files.writeString(d.resolve(ModelFiles.CARD), "{\"format\": "), "model.json",
            "not valid JSON", "at character 11"),
        bad("top level not an object", d -> Files.writeString(d.resolve(ModelFiles.CARD), "[]"), "model.json",
            "the top level: expected an object, found an array"),
        bad("wrong format", edit("\"deepgrad-model\"", "\"keras\""), "model.json", "format: expected \"deepgrad-model\", found \"keras\""),
        bad("newer version", edit("\"version\": 1", "\"version\": 2"), "model.json", "version: 2 is not supported", "upgrade"),
        bad("unknown top-level key", edit("\"task\"", "\"extra\": 1, \"task\""), "model.json", "the top level: unknown key \"extra\""),
        bad("unknown layer key", edit("\"units\": 8", "\"unit\": 8"), "model.json", "layers[0]: unknown key \"unit\"",
            "allowed here: [type, units, init]"),
        bad("wrong type", edit("\"units\": 8", "\"units\": \"abc\""), "model.json",
            "layers[0].units: expected a positive integer, found \"abc\""),
        bad("negative units", edit("\"units\": 3", "\"units\": -3"), "model.json", "layers[4].units: expected a positive integer, found -3"),
        bad("fractional units", edit("\"units\": 3", "\"units\": 3.5"), "model.json", "layers[4].units: expected a positive integer, found 3.5"),
        bad("unknown activation", edit("\"relu\"", "\"relu6\""), "model.json", "layers[2].name: unknown activation 'relu6'",
            "leaky_relu"),
        bad("unknown initializer", edit("\"he_normal\"", "\"he\""), "model.json", "layers[0].init: unknown initializer 'he'", "he_normal"),
        bad("unknown layer type", edit("\"batch_norm\"", "\"conv2d\""), "model.json", "layers[1].type: unknown layer type \"conv2d\""),
        bad("dropout out of range", edit("\"p\": 0.25", "\"p\": 1.5"), "model.json", "layers[3].p: dropout p must be in [0, 1)"),
        bad("outputs disagree with the layers", edit("\"outputs\": 3", "\"outputs\": 4"), "model.json",
            "outputs: 4 does not match the layers, which end with 3 units"),
        bad("a class too many", edit("\"c\"", "\"c\", \"d\""), "model.json", "classes: 4 class names for a model with 3 outputs"),
        bad("a mean that is not a number", edit("\"mean\": [1.0, 2.0", "\"mean\": [1.0, \"x\""), "model.json",
            "preprocessing.mean[1]: expected a finite 32-bit number, found \"x\""),
        bad("a negative std", edit("\"std\": [1.0", "\"std\": [-1.0"), "model.json", "preprocessing: std[0] is -1.0"),
        bad("info value not a scalar", edit("\"toy\"", "[7]"), "model.json",
            "info: the value of \"dataset\" must be a string, a number or a boolean, found"),
        bad("too large", d -> Files.writeString(d.resolve(ModelFiles.CARD), " ".repeat(ModelJson.MAX_BYTES + 1)), "model.json",
            "larger than the limit"),
        bad("missing model.json", d -> Files.delete(d.resolve(ModelFiles.CARD)), "model.json", "not found"),
        bad("missing weights", d -> Files.delete(d.resolve(ModelFiles.WEIGHTS)), "model.safetensors", "not found"),
        bad("weights not matching the layers", edit("\"units\": 8", "\"units\": 9"), "model.safetensors",
            "do not fit the layers in model.json (4-9-3 relu, he_normal init (gain 1.414), batch norm, dropout 0.25)",
            "wrong shape: [0.weight [8, 4] (model has [9, 4]), 0.bias [8] (model has [9])"),
        bad("layers far larger than the weights", edit("\"units\": 8", "\"units\": 5000000"), "model.safetensors",
            "holds 99 values", "need 60000003"),
        bad("truncated weights", d -> truncate(d.resolve(ModelFiles.WEIGHTS), 4), "model.safetensors", "tensor '1.running_var'",
            "beyond the data buffer", "truncated"),
        bad("weights from another save", d -> Files.copy(other(d), d.resolve(ModelFiles.WEIGHTS),
            StandardCopyOption.REPLACE_EXISTING), "model.safetensors", "SHA-256 differs", "come from another save"));
  }

  private static void truncate(Path file, int bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - bytes);
    }
  }

  /** The weights of the same layers saved with other values, next to {@code d}. */
  private static Path other(Path d) throws IOException {
    Path o = Files.createTempDirectory(d, "other");
    ModelFiles.save(o, SPEC.build(new Rng(5)), ModelFilesTest.card(SPEC));
    return o.resolve(ModelFiles.WEIGHTS);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("brokenModels")
  void loadReportsTheFileAndThePlace(String name, IOConsumer<Path> breakIt, String file, String[] fragments) throws IOException {
    breakIt.accept(dir);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.load(dir));
    assertEquals(dir.resolve(file), e.file());
    assertTrue(e.getMessage().startsWith(dir.resolve(file) + ": "), e.getMessage());
    for (String f : fragments) assertTrue(e.getMessage().contains(f), "missing '" + f + "' in: " + e.getMessage());
  }
}
