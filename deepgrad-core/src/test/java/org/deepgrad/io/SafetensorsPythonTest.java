package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the reference implementation: Python's {@code safetensors} reads a file we
 * wrote, and we read one it wrote. Skipped where {@code python3} with {@code safetensors} and numpy
 * is not installed (nothing is installed for it).
 */
class SafetensorsPythonTest {
  @TempDir Path dir;

  private static final String SCRIPT = String.join("\n",
      "import json, sys",
      "import numpy as np",
      "from safetensors import safe_open",
      "from safetensors.numpy import load_file, save_file",
      "with safe_open(sys.argv[1], framework='np') as f:",
      "    meta = f.metadata()",
      "ours = {k: {'shape': list(v.shape), 'dtype': str(v.dtype), 'values': v.ravel().tolist()}",
      "        for k, v in load_file(sys.argv[1]).items()}",
      "save_file({'w': (np.arange(6, dtype=np.float32) / 4).reshape(2, 3), 's': np.array(-1.5, np.float32),",
      "           'e': np.zeros((0, 3), np.float32)}, sys.argv[2], metadata={'from': 'python'})",
      "print(json.dumps({'metadata': meta, 'tensors': ours}))");

  @Test
  void pythonReadsOurFileAndWeReadPythons() throws Exception {
    assumeTrue(pythonHasSafetensors(), "python3 with safetensors and numpy is not installed");
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("layer.weight", Tensor.of(new float[] {1f, -2f, 0.25f, 3e-8f, 1e30f, -0f}, 2, 3));
    tensors.put("scalar", Tensor.scalar(7f));
    tensors.put("empty", Tensor.zeros(0));
    Path ours = dir.resolve("ours.safetensors");
    Path theirs = dir.resolve("theirs.safetensors");
    Safetensors.write(ours, tensors, Map.of("format", "pt", "note", "é \"q\""));

    Process p = new ProcessBuilder("python3", "-c", SCRIPT, ours.toString(), theirs.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);

    JsonNode seen = new ObjectMapper().readTree(out);
    assertEquals("pt", seen.get("metadata").get("format").asText());
    assertEquals("é \"q\"", seen.get("metadata").get("note").asText());
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      JsonNode t = seen.get("tensors").get(e.getKey());
      assertEquals("float32", t.get("dtype").asText(), e.getKey());
      assertArrayEquals(e.getValue().shape().dims(), ints(t.get("shape")), e.getKey());
      float[] values = new float[t.get("values").size()];
      for (int i = 0; i < values.length; i++) values[i] = (float) t.get("values").get(i).asDouble();
      assertArrayEquals(e.getValue().data(), values, e.getKey());
    }

    Safetensors.Contents back = Safetensors.read(theirs);
    assertEquals(Map.of("from", "python"), back.metadata());
    assertArrayEquals(new int[] {2, 3}, back.tensors().get("w").shape().dims());
    assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f}, back.tensors().get("w").data());
    assertEquals(-1.5f, back.tensors().get("s").item());
    assertArrayEquals(new int[] {0, 3}, back.tensors().get("e").shape().dims());
  }

  private static boolean pythonHasSafetensors() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import safetensors.numpy, numpy")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException noPython) {
      return false;
    }
  }

  private static int[] ints(JsonNode array) {
    int[] v = new int[array.size()];
    for (int i = 0; i < v.length; i++) v[i] = array.get(i).asInt();
    return v;
  }
}
