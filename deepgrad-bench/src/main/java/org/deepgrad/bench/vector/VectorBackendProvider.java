package org.deepgrad.bench.vector;

import org.deepgrad.backend.Backend;
import org.deepgrad.backend.BackendProvider;

/** Provides {@link VectorBackend} as {@code vector}, priority -1: only when named, never by default. */
public final class VectorBackendProvider implements BackendProvider {
  @Override
  public String name() {
    return "vector";
  }

  @Override
  public int priority() {
    return -1;
  }

  /** Throws, saying what to add, when the JVM was started without the Vector API module. */
  @Override
  public Backend create() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      throw new IllegalStateException("the vector backend needs the JVM option --add-modules jdk.incubator.vector");
    }
    return new VectorBackend();
  }
}
