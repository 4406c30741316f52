package org.deepgrad.backend;

/** Provides the pure-Java backend, which always loads. */
public final class JavaBackendProvider implements BackendProvider {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public Backend create() {
    return new JavaBackend();
  }
}
