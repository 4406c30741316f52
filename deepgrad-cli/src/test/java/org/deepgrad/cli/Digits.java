package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Mnist;

/** The first built-in digits written as a CSV, label first: a small data set of real images for command tests. */
final class Digits {
  private Digits() {}

  /** The first {@code n} digits as their raw 0-255 pixels (as a user's own export reads). */
  static Path raw(Path file, int n) throws IOException {
    return write(file, n, true);
  }

  /** The first {@code n} digits with their pixels in [0, 1], as the built-in set reads them. */
  static Path scaled(Path file, int n) throws IOException {
    return write(file, n, false);
  }

  private static Path write(Path file, int n, boolean raw) throws IOException {
    Dataset digits = Mnist.tenK().slice(0, n);
    StringBuilder csv = new StringBuilder("label");
    for (int j = 0; j < 784; j++) csv.append(",p").append(j);
    float[] x = digits.features().data();
    for (int i = 0; i < n; i++) {
      csv.append('\n').append(digits.labels()[i]);
      for (int j = 0; j < 784; j++) {
        float v = x[i * 784 + j];
        csv.append(',').append(raw ? String.valueOf(Math.round(255 * v)) : v == 0 ? "0" : String.valueOf(v));
      }
    }
    return Files.writeString(file, csv.append('\n'));
  }
}
