package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code deepgrad sweep} in this JVM on small grids written into a temporary directory. */
final class Sweeps {
  /** A base of a few seconds in all: 200 spirals samples (40 for validation), 2 epochs, no checkpoints kept beyond 1. */
  static final String BASE = """
      base:
        data: {dataset: spirals, synthetic: {samples: 200, test_samples: 50}, validation: 0.2}
        model: {hidden: 8x2, batch_norm: false, dropout: 0}
        optimizer: {name: adam, lr: 0.01}
        schedule: constant
        training: {epochs: 2, batch_size: 32}
        output: {diagnose_every: 2, keep_checkpoints: 1}
      """;

  private Sweeps() {}

  /** Writes {@code text} as {@code dir/name}; returns its path. */
  static Path grid(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
