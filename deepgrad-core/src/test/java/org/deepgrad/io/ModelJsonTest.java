package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    ModelSpec spec = new ModelSpec(3, List.of(new LayerSpec.Dense(6, "he_normal"), new LayerSpec.BatchNorm(),
        new LayerSpec.Act("tanh"), new LayerSpec.Dropout(0.1), new LayerSpec.LayerNorm(),
        new LayerSpec.Residual(List.of(new LayerSpec.Residual(inner), new LayerSpec.Dropout(1e-7))),
        new LayerSpec.Dense(2, null)));
    Map<String, String> info = new LinkedHashMap<>();
    info.put("dataset", "toy \"quoted\" ✓ 😀");
    info.put("accuracy", "0.93");
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
        Map.of("seed", "1")), SHA);
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
              "units": 1
            },
            {
              "type": "activation",
              "name": "sigmoid"
            }
          ],
          "info": {
            "seed": "1"
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
}
