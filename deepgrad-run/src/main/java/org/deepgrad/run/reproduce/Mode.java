package org.deepgrad.run.reproduce;

import java.nio.file.Path;

/**
 * How a reproduction runs.
 *
 * @param quick the small version: the built-in mnist-10k, fewer units and epochs; else full MNIST or
 *     Fashion-MNIST and the papers' sizes where affordable
 * @param examples the repository's {@code examples/} directory (the articles experiment reuses its
 *     configs), or null when it was not found
 */
public record Mode(boolean quick, Path examples) {
  /** {@code quick} when quick, else {@code full}. */
  int pick(int quickValue, int fullValue) {
    return quick ? quickValue : fullValue;
  }
}
