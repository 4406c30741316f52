package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.SavedModel;
import org.deepgrad.ops.Reductions;
import org.deepgrad.ops.Softmax;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepgrad predict}: the model's forward pass on the preprocessed inputs, as CSV; bad inputs exit 2. */
class PredictCommandTest {
  @TempDir
  Path tmp;

  @Test
  void csvPredictionsAreTheArgMaxOfTheForwardPass() throws IOException {
    Path model = TrainedModels.get("spirals").dir();
    float[] x = {0.1f, -0.2f, 0.5f, 0.5f, -0.7f, 0.05f, 0.3f, -0.9f};
    Path csv = Files.writeString(tmp.resolve("in.csv"), "x1,x2\n0.1,-0.2\n0.5,0.5\n\n-0.7,5e-2\n 0.3 ,-0.9\n");
    Cli.Run run = Cli.run("predict", "--model", model.toString(), "--input", csv.toString(), "--probabilities");
    assertEquals(0, run.code(), run::toString);
    List<String> lines = run.out().lines().toList();
    assertEquals("row,prediction,p_0,p_1", lines.get(0));
    Tensor logits = forward(model, Tensor.of(x, 4, 2));
    int[] expected = Reductions.argmax(logits, 1);
    float[] p = Softmax.softmax(logits, 1).data();
    assertEquals(5, lines.size(), run::toString);
    for (int i = 0; i < 4; i++) {
      String[] f = lines.get(i + 1).split(",");
      assertEquals(List.of(String.valueOf(i), String.valueOf(expected[i]), Float.toString(p[2 * i]),
          Float.toString(p[2 * i + 1])), List.of(f));
    }
    // Without a header and without probabilities: the same predictions.
    Path bare = Files.writeString(tmp.resolve("bare.csv"), "0.1,-0.2\n0.5,0.5\n-0.7,0.05\n0.3,-0.9\n");
    Cli.Run plain = Cli.run("predict", "--model", model.toString(), "--input", bare.toString());
    assertEquals(0, plain.code(), plain::toString);
    StringBuilder want = new StringBuilder("row,prediction\n");
    for (int i = 0; i < 4; i++) want.append(i).append(',').append(expected[i]).append('\n');
    assertEquals(want.toString(), plain.out());
  }

  @Test
  void idxImagesArePredictedFromTheirRawBytes() throws IOException {
    Path model = TrainedModels.get("mnist").dir();
    int n = 5;
    byte[] pixels = new byte[n * 784];
    Rng rng = new Rng(3);
    for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (rng.nextDouble() < 0.8 ? 0 : rng.nextDouble() * 256);
    Path file = tmp.resolve("images-idx3-ubyte.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(ByteBuffer.allocate(16).putInt(0x803).putInt(n).putInt(28).putInt(28).array());
      out.write(pixels);
    }
    Path csv = tmp.resolve("predictions.csv");
    Cli.Run run = Cli.run("predict", "--model", model.toString(), "--input", file.toString(), "--output", csv.toString());
    assertEquals(0, run.code(), run::toString);
    assertEquals(n + " predictions written to " + csv + "\n", run.out());
    float[] raw = new float[pixels.length];
    for (int i = 0; i < raw.length; i++) raw[i] = pixels[i] & 0xFF;
    int[] expected = Reductions.argmax(forward(model, Tensor.of(raw, n, 784)), 1);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("row,prediction", lines.get(0));
    for (int i = 0; i < n; i++) assertEquals(i + "," + expected[i], lines.get(i + 1));
    assertEquals(n + 1, lines.size());
  }

  @Test
  void regressionPredictionsAreTheOutputs() throws IOException {
    Path model = TrainedModels.get("linear").dir();
    Path csv = Files.writeString(tmp.resolve("x.csv"), "0.5\n-1\n");
    Cli.Run run = Cli.run("predict", "--model", model.toString(), "--input", csv.toString());
    assertEquals(0, run.code(), run::toString);
    float[] y = forward(model, Tensor.of(new float[] {0.5f, -1f}, 2, 1)).data();
    assertEquals("row,target_0\n0," + y[0] + "\n1," + y[1] + "\n", run.out());
  }

  @Test
  void badInputsExitWithTwo() throws IOException {
    String spirals = TrainedModels.get("spirals").dir().toString();
    fails(spirals, "wide.csv", "1,2\n3,4,5\n", "wide.csv, line 2, column 3", "found 3 values", "expected 2 values");
    fails(spirals, "text.csv", "a,b\n1,2\n3,x\n", "text.csv, line 3, column 2", "column \"b\"", "found \"x\"");
    fails(spirals, "nan.csv", "1,2\nNaN,1\n", "nan.csv, line 2, column 1", "a finite number");
    fails(spirals, "mixed.csv", "1.5,y\n1,2\n", "mixed.csv, line 1, column 2", "mixes numbers with text");
    fails(spirals, "empty.csv", "", "empty.csv", "an empty file");
    fails(spirals, "header.csv", "x1,x2\n\n", "header.csv", "no data rows after the header");
    Path images = tmp.resolve("images.idx");
    Files.write(images, ByteBuffer.allocate(16 + 2 * 9).putInt(0x803).putInt(2).putInt(3).putInt(3).array());
    fails(spirals, images, "holds images of 3x3 = 9 values each", "the model takes 2 inputs");
    Path labels = Files.write(tmp.resolve("labels.idx"), ByteBuffer.allocate(10).putInt(0x801).putInt(2).array());
    fails(spirals, labels, "a labels file, not images");
    EvaluateCommandTest.fails(List.of("predict", "--model", tmp.resolve("none").toString(), "--input", labels.toString()),
        "no such directory");
    Path corrupt = Files.createDirectories(tmp.resolve("corrupt"));
    Files.writeString(corrupt.resolve("model.json"), "not json");
    fails(corrupt.toString(), labels, "model.json");
    Path x = Files.writeString(tmp.resolve("x.csv"), "1\n");
    EvaluateCommandTest.fails(List.of("predict", "--model", TrainedModels.get("linear").dir().toString(), "--input",
        x.toString(), "--probabilities"), "--probabilities", "regression model");
  }

  private void fails(String model, String name, String content, String... phrases) throws IOException {
    fails(model, Files.writeString(tmp.resolve(name), content), phrases);
  }

  private static void fails(String model, Path input, String... phrases) {
    EvaluateCommandTest.fails(List.of("predict", "--model", model, "--input", input.toString()), phrases);
  }

  /** The saved model's outputs for raw features: the card's preprocessing, then the forward pass. */
  private static Tensor forward(Path dir, Tensor raw) throws IOException {
    SavedModel saved = ModelFiles.load(dir);
    try (NoGrad scope = NoGrad.enter()) {
      return saved.model().forward(saved.card().pre().apply(raw));
    }
  }
}
