package org.deepgrad.backend;

/**
 * Service interface through which {@link Backends} finds backends on the class path
 * ({@code META-INF/services/org.deepgrad.backend.BackendProvider}). A provider is cheap to construct;
 * {@link #create()} does the expensive part (loading a native library) and may fail.
 */
public interface BackendProvider {

  /** The backend's name, as given to {@code -Ddeepgrad.backend=NAME}. */
  String name();

  /** Higher wins when no backend is named. The pure-Java backend has priority 0. */
  int priority();

  /** Creates the backend; throws (any exception or linkage error) when it cannot run here. */
  Backend create() throws Exception;
}
