package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {
  private static final String SHA = "ab".repeat(32);
  @TempDir Path dir;

  private ModelJson.Parsed roundTrip(ModelCard card, String sha) throws IOException {
    Path file = dir.resolve("model.json");
    Files.writeString(file, ModelJson.write(card, sha), StandardCharsets.UTF_8);
    return ModelJson.read(file);
  }

  @Test
  void everyLayerTypeAndEveryCardFieldRoundTrip() throws IOException {
    List<LayerSpec> inner = List.of(new LayerSpec.Dense(6, "orthogonal"), new LayerSpec.Act("leaky_relu"));
    ModelSpec spec = new ModelSpec(3, List.of(new LayerSpec.Dense(6, "he_normal"), new LayerSpec.BatchNorm(1e-3, 0.01),
        new LayerSpec.Act("tanh"), new LayerSpec.Dropout(0.1), new LayerSpec.LayerNorm(2e-6), new LayerSpec.BatchNorm(),
        new LayerSpec.Residual(List.of(new LayerSpec.Residual(inner), new LayerSpec.Dropout(1e-7))),
        new LayerSpec.Dense(4, "xavier_normal:auto"), new LayerSpec.Act("relu"), new LayerSpec.Dense(2, null)));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("dataset", "toy \"quoted\" ✓ 😀");
    info.put("accuracy", 0.93);
    info.put("seed", 42L);
    info.put("standardized", true);
    info.put("note", "0.5");
    ModelCard card = new ModelCard(spec, Task.CLASSIFICATION, List.of("no", "yes"),
        new Preprocessing(1 / 255.0, new float[] {0.1f, -3e-8f, 1e30f}, new float[] {0.3081f, 1, Float.MIN_VALUE}), info);
    ModelJson.Parsed back = roundTrip(card, SHA);
    assertEquals(card, back.card());
    assertEquals(List.copyOf(info.keySet()), List.copyOf(back.card().info().keySet()));
    assertEquals(SHA, back.weightsSha256());
  }

  @Test
  void floatsReadBackBitForBit() throws IOException {
    Rng rng = new Rng(11);
    float[] values = new float[2000];
    for (int i = 0; i < values.length; i++) {
      do {
        values[i] = Float.intBitsToFloat((int) rng.nextLong());
      } while (!Float.isFinite(values[i]));
    }
    float[] std = values.clone();
    for (int i = 0; i < std.length; i++) std[i] = Math.abs(std[i]) == 0 ? 1 : Math.abs(std[i]);
    ModelSpec spec = new ModelSpec(values.length, List.of(new LayerSpec.Dense(1, null)));
    Preprocessing pre = new Preprocessing(Math.PI, values, std);
    Preprocessing back = roundTrip(new ModelCard(spec, Task.REGRESSION, null, pre, null), SHA).card().pre();
    assertArrayEquals(values, back.mean());
    assertArrayEquals(std, back.std());
    assertEquals(Math.PI, back.scale());
  }

  @Test
  void writesReadableIndentedJsonAndOptionalPartsMayBeLeftOut() throws IOException {
    ModelSpec spec = new ModelSpec(2, List.of(new LayerSpec.Dense(1, null), new LayerSpec.Act("sigmoid")));
    String json = ModelJson.write(new ModelCard(spec, Task.REGRESSION, null, new Preprocessing(1, null, new float[] {0.5f}),
        Map.of("seed", 1L)), SHA);
    assertEquals("""
        {
          "format": "deepgrad-model",
          "version": 1,
          "task": "regression",
          "inputs": 2,
          "outputs": 1,
          "classes": [],
          "preprocessing": {
            "scale": 1.0,
            "std": [0.5]
          },
          "layers": [
            {
              "type": "dense",
              "units": 1,
              "init": "default"
            },
            {
              "type": "activation",
              "name": "sigmoid"
            }
          ],
          "info": {
            "seed": 1
          },
          "weights_sha256": "%s"
        }
        """.formatted(SHA), json);
    Path file = dir.resolve("minimal.json");
    Files.writeString(file, "{\"format\": \"deepgrad-model\", \"version\": 1, \"task\": \"regression\", \"inputs\": 2,"
        + " \"outputs\": 1, \"layers\": [{\"type\": \"dense\", \"units\": 1}]}");
    ModelJson.Parsed parsed = ModelJson.read(file);
    assertEquals(new ModelCard(new ModelSpec(2, List.of(new LayerSpec.Dense(1, null))), Task.REGRESSION, null, null, null),
        parsed.card());
    assertNull(parsed.weightsSha256());
  }

  @Test
  void normLayersWriteEpsAndMomentum() {
    ModelSpec spec = new ModelSpec(2, List.of(new LayerSpec.BatchNorm(), new LayerSpec.LayerNorm(),
        new LayerSpec.Dense(1, "xavier_uniform")));
    String json = ModelJson.write(new ModelCard(spec, Task.REGRESSION, null, null, null), SHA);
    String compact = json.replaceAll("\\s", "");
    assertTrue(compact.contains("{\"type\":\"batch_norm\",\"eps\":1.0E-5,\"momentum\":0.1},{\"type\":\"layer_norm\","
        + "\"eps\":1.0E-5},{\"type\":\"dense\",\"units\":1,\"init\":\"xavier_uniform\"}"), json);
  }

  @Test
  void aModelJsonWrittenTheOldWayStillReads() throws IOException {
    // As deepgrad wrote it before: every info value a string, no init for torch's default, no eps or momentum.
    Path file = dir.resolve("old.json");
    Files.writeString(file, """
        {"format": "deepgrad-model", "version": 1, "task": "classification", "inputs": 4, "outputs": 10,
         "classes": ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], "preprocessing": {"scale": 0.00392156862745098},
         "layers": [{"type": "dense", "units": 8}, {"type": "batch_norm"}, {"type": "activation", "name": "relu"},
                    {"type": "layer_norm"}, {"type": "dense", "units": 10}],
         "info": {"dataset": "fashion-mnist", "seed": "42", "steps": "250", "test_accuracy": "0.849"}}""");
    ModelCard card = ModelJson.read(file).card();
    assertEquals(List.of(new LayerSpec.Dense(8, null), new LayerSpec.BatchNorm(1e-5, 0.1), new LayerSpec.Act("relu"),
        new LayerSpec.LayerNorm(1e-5), new LayerSpec.Dense(10, null)), card.spec().layers());
    assertEquals("42", card.info().get("seed"));
    assertEquals("42", card.infoText("seed"));
    assertEquals("0.849", card.infoText("test_accuracy"));
  }

  @Test
  void infoValuesMustBeScalars() throws IOException {
    Path file = dir.resolve("nested.json");
    Files.writeString(file, "{\"format\": \"deepgrad-model\", \"version\": 1, \"task\": \"regression\", \"inputs\": 2,"
        + " \"outputs\": 1, \"layers\": [{\"type\": \"dense\", \"units\": 1}], \"info\": {\"seed\": [1]}}");
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelJson.read(file));
    assertTrue(e.getMessage().contains("info") && e.getMessage().contains("a string, a number or a boolean"), e.getMessage());
  }
}
