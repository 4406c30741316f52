package org.deepgrad.blas;

import org.deepgrad.backend.Backend;
import org.deepgrad.backend.BackendProvider;

/**
 * Provides {@link OpenBlasBackend} under the name {@code openblas} with priority 100, so it wins over
 * the pure-Java backend (priority 0) whenever this module is on the class path and the native
 * library loads. Constructing the provider touches no native code: {@link #create()} does.
 */
public final class OpenBlasBackendProvider implements BackendProvider {
  @Override
  public String name() {
    return "openblas";
  }

  @Override
  public int priority() {
    return 100;
  }

  /** Loads OpenBLAS; throws {@link IllegalStateException} saying why and what to do when it cannot. */
  @Override
  public Backend create() {
    return new OpenBlasBackend();
  }
}
