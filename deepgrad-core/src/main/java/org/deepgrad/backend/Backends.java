package org.deepgrad.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Chooses the backend for this JVM: the one named by the system property {@code deepgrad.backend}
 * (for example {@code -Ddeepgrad.backend=java}), otherwise the available one with the highest
 * priority: OpenBLAS when {@code deepgrad-blas} is on the class path and its native library loads,
 * else the pure-Java backend. A backend that fails to load is reported in one log line.
 *
 * <p>Thread count: the system property {@code deepgrad.threads}, else the number of processors.
 */
public final class Backends {
  private static final System.Logger LOG = System.getLogger(Backends.class.getName());
  private static volatile Backend current;

  private Backends() {}

  /** The backend in use, chosen on first call. */
  public static Backend current() {
    Backend b = current;
    if (b == null) {
      synchronized (Backends.class) {
        if (current == null) current = choose(System.getProperty("deepgrad.backend"));
        b = current;
      }
    }
    return b;
  }

  /** Replaces the backend in use (tests and benchmarks compare backends this way). */
  public static void use(Backend backend) {
    current = backend;
  }

  /** The providers found on the class path, highest priority first. */
  public static List<BackendProvider> providers() {
    List<BackendProvider> list = new ArrayList<>();
    ServiceLoader.load(BackendProvider.class).forEach(list::add);
    list.sort(Comparator.comparingInt(BackendProvider::priority).reversed());
    return list;
  }

  /** Every backend that loads here, highest priority first. */
  public static List<Backend> available() {
    List<Backend> list = new ArrayList<>();
    for (BackendProvider p : providers()) {
      Backend b = tryCreate(p);
      if (b != null) list.add(b);
    }
    return list;
  }

  private static Backend choose(String wanted) {
    List<BackendProvider> providers = providers();
    if (wanted != null && !wanted.isBlank()) {
      for (BackendProvider p : providers) {
        if (p.name().equalsIgnoreCase(wanted.trim())) {
          Backend b = tryCreate(p);
          if (b != null) return configured(b);
          throw new IllegalStateException("backend '" + wanted + "' (from -Ddeepgrad.backend) failed to load; "
              + "see the log line above, or choose -Ddeepgrad.backend=java");
        }
      }
      List<String> names = providers.stream().map(BackendProvider::name).toList();
      throw new IllegalArgumentException("unknown backend '" + wanted + "' in -Ddeepgrad.backend; available: " + names);
    }
    for (BackendProvider p : providers) {
      Backend b = tryCreate(p);
      if (b != null) return configured(b);
    }
    return configured(new JavaBackend());
  }

  private static Backend tryCreate(BackendProvider p) {
    try {
      return p.create();
    } catch (Exception | LinkageError e) {
      LOG.log(System.Logger.Level.WARNING, "deepgrad: backend ''{0}'' is not available ({1}); falling back",
          p.name(), e.toString());
      return null;
    }
  }

  private static Backend configured(Backend b) {
    String t = System.getProperty("deepgrad.threads");
    int threads = Runtime.getRuntime().availableProcessors();
    if (t != null && !t.isBlank()) {
      try {
        threads = Integer.parseInt(t.trim());
      } catch (NumberFormatException e) {
        threads = -1;
      }
      if (threads < 1) {
        throw new IllegalArgumentException("-Ddeepgrad.threads=" + t + " is not a positive integer");
      }
    }
    b.setThreads(threads);
    return b;
  }
}
