package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.data.DataSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 5: {@code --data-dir} is the only place a data set is read from and the dataset line
 * names the files read; model.json records every layer's init and norm settings, numbers as numbers
 * and Fashion-MNIST's class names, and one written the old way still evaluates; {@code --output} is
 * {@code --out}. On a fake Fashion-MNIST of 30 + 10 images of 2x2 pixels.
 */
class DataDirModelJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** The four files of an MNIST-style set of {@code 2x2} images, labels 0-9 in turn, in {@code d}. */
  private static Path fakeSet(Path d) throws IOException {
    Files.createDirectories(d);
    int[] counts = {30, 30, 10, 10};
    for (int f = 0; f < 4; f++) {
      boolean images = f % 2 == 0;
      int n = counts[f] * (images ? 4 : 1);
      ByteBuffer b = ByteBuffer.allocate((images ? 16 : 8) + n).putInt(images ? 0x803 : 0x801).putInt(counts[f]);
      if (images) b.putInt(2).putInt(2);
      for (int i = 0; i < n; i++) b.put((byte) (images ? i * 37 % 256 : i % 10));
      Files.write(d.resolve(DataSources.FILES.get(f).replace(".gz", "")), b.array());
    }
    return d;
  }

  private Cli.Run train(String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--no-progress", "--no-diagnose", "--epochs", "1",
        "--hidden", "4"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void theDatasetLineNamesTheFilesReadAndModelJsonNamesFashionMnistsClasses() throws IOException {
    Path data = dir.resolve("data");
    Path files = fakeSet(data.resolve("fashion-mnist"));
    Path out = dir.resolve("run");
    Cli.Run run = train("--dataset", "fashion-mnist", "--data-dir", data.toString(), "--output", out.toString(),
        "--init", "xavier_uniform", "--batch-norm");
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().startsWith("fashion-mnist: 30 train, 10 test, 4 features (read from " + files
        + ": train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)\n"),
        run::toString);
    assertTrue(run.out().contains("model saved in " + out), "--output is --out: " + run);

    JsonNode card = JSON.readTree(out.resolve("model.json").toFile());
    assertEquals(DataSources.FASHION_MNIST_CLASSES.get(0), card.get("classes").get(0).asText());
    assertEquals("Ankle boot", card.get("classes").get(9).asText());
    JsonNode layers = card.get("layers");
    assertEquals("xavier_uniform", layers.get(0).get("init").asText());
    assertEquals(1e-5, layers.get(1).get("eps").asDouble());
    assertEquals(0.1, layers.get(1).get("momentum").asDouble());
    JsonNode info = card.get("info");
    assertTrue(info.get("seed").isIntegralNumber() && info.get("seed").asLong() == 42, info::toString);
    assertTrue(info.get("steps").isIntegralNumber() && info.get("test_accuracy").isDouble(), info::toString);
    assertTrue(info.get("dataset").isTextual(), info::toString);
  }

  @Test
  void aModelJsonWrittenTheOldWayStillEvaluates() throws IOException {
    Path data = fakeSet(dir.resolve("data"));
    Path out = dir.resolve("run");
    Cli.Run run = train("--dataset", "fashion-mnist", "--data-dir", data.toString(), "--out", out.toString());
    assertEquals(0, run.code(), run::toString);
    // as deepgrad wrote it before: info values as strings, no init for torch's default, classes "0".."9"
    ObjectNode card = (ObjectNode) JSON.readTree(out.resolve("model.json").toFile());
    ObjectNode info = (ObjectNode) card.get("info");
    List<String> keys = new ArrayList<>();
    info.fieldNames().forEachRemaining(keys::add);
    for (String k : keys) info.put(k, info.get(k).asText());
    card.get("layers").forEach(l -> ((ObjectNode) l).remove(List.of("init", "eps", "momentum")));
    ArrayNode classes = card.putArray("classes");
    for (int k = 0; k < 10; k++) classes.add(String.valueOf(k));
    Files.writeString(out.resolve("model.json"), JSON.writeValueAsString(card));
    assertEquals("42", JSON.readTree(out.resolve("model.json").toFile()).get("info").get("seed").asText());

    Cli.Run eval = Cli.run("evaluate", "--model", out.toString(), "--data-dir", data.toString());
    assertEquals(0, eval.code(), eval::toString);
    String testLine = run.out().lines().filter(l -> l.startsWith("test accuracy")).findFirst().orElseThrow();
    assertTrue(eval.out().contains(testLine.substring(0, testLine.indexOf(';'))), eval + "\n" + testLine);
  }

  @Test
  void aDataDirectoryWithoutTheFilesIsAnErrorNamingThem() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    for (String set : List.of("fashion-mnist", "mnist")) {
      Cli.Run run = train("--dataset", set, "--data-dir", empty.toString(), "--out", dir.resolve(set).toString());
      assertEquals(2, run.code(), run::toString);
      assertTrue(run.err().contains("not found in the data directory " + empty), run::toString);
      assertTrue(run.err().contains("train-images-idx3-ubyte.gz") && run.err().contains("t10k-labels-idx1-ubyte.gz")
          && run.err().contains(empty.resolve(set) + " (no such directory)"), run::toString);
      assertFalse(Files.exists(dir.resolve(set).resolve("model.json")));
    }
  }

  @Test
  void aDataDirectoryOnlyGoesWithDataSetsReadFromOne() throws IOException {
    Path d = Files.createDirectories(dir.resolve("d"));
    Cli.Run builtIn = train("--data-dir", d.toString(), "--dry-run");
    assertEquals(2, builtIn.code(), builtIn::toString);
    assertTrue(builtIn.err().contains("--data-dir (data.data_dir)") && builtIn.err().contains("mnist-10k reads no files"),
        builtIn::toString);
    Cli.Run download = train("--dataset", "mnist", "--data-dir", d.toString(), "--download", "--dry-run");
    assertEquals(2, download.code(), download::toString);
    assertTrue(download.err().contains("give one of them"), download::toString);
  }

  @Test
  void sweepAndReproduceTakeOutAndOutput() throws IOException {
    Path grid = Files.writeString(dir.resolve("g.yaml"), "base: {training: {epochs: 1}}\naxes: {lr: [0.1, 0.01]}\n");
    for (String flag : List.of("--out", "--output")) {
      Cli.Run sweep = Cli.run("sweep", grid.toString(), flag, dir.resolve("s").toString(), "--dry-run");
      assertEquals(0, sweep.code(), sweep::toString);
      assertTrue(sweep.out().contains(dir.resolve("s").toString()), sweep::toString);
      Cli.Run reproduce = Cli.run("reproduce", "nosuch", flag, dir.resolve("r").toString());
      assertEquals(2, reproduce.code(), reproduce::toString);
      assertTrue(reproduce.err().contains("nosuch") && !reproduce.err().contains("Unknown option"), reproduce::toString);
    }
  }
}
