package org.deepgrad.spark;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.cli.Main;

/** The command line in this JVM, as a user runs it with deepgrad-spark and Spark on the class path (./deepgrad --master). */
final class Cli {
  private Cli() {}

  /** The exit code and what was printed. */
  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * A config file in {@code dir}: the teacher set (512 training rows, 20 features, 3 classes, a tenth held
   * out), a 32-16 ReLU MLP, Adam, 2 epochs of global batches of 32, diagnostics every 4 steps.
   */
  static Path config(Path dir) throws java.io.IOException {
    return Files.writeString(dir.resolve("teacher.yaml"), """
        data: {dataset: teacher, validation: 0.1, synthetic: {samples: 512, test_samples: 128, inputs: 20, hidden: 16, classes: 3}}
        model: {hidden: [32, 16]}
        optimizer: {name: adam, lr: 0.01}
        training: {epochs: 2, batch_size: 32, seed: 7}
        output: {progress: false, diagnose_every: 4, log_every: 4}
        """);
  }
}
