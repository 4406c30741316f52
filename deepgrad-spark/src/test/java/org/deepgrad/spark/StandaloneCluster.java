package org.deepgrad.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A Spark standalone master and two one-core workers on 127.0.0.1, started from the Spark jars of
 * this test's class path (no Spark distribution exists on Maven Central: a folder whose {@code jars/}
 * links to them serves as the Spark home a worker launches executors from). {@link #close} ends every
 * process it started, executors included, whatever happened.
 */
final class StandaloneCluster implements AutoCloseable {
  static final Duration START = Duration.ofSeconds(90);

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();
  final String master;
  /** The class path entries that are folders (deepgrad's classes): executors put them before Spark's jars. */
  final String classFolders;

  StandaloneCluster(Path dir) throws Exception {
    this.dir = dir;
    Path home = dir.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    List<String> folders = new ArrayList<>();
    for (String entry : classPath()) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) folders.add(p.toAbsolutePath().toString());
      else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        Path link = home.resolve("jars").resolve(p.getFileName());
        if (!Files.exists(link)) Files.createSymbolicLink(link, p.toAbsolutePath());
      }
    }
    classFolders = String.join(File.pathSeparator, folders);
    int port = freePort();
    master = "spark://127.0.0.1:" + port;
    Process m = start("master", home, List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        String.valueOf(port), "--webui-port", String.valueOf(freePort())));
    await(() -> logContains("master", "I have been elected leader"), "the master to start", m);
    for (int w = 0; w < 2; w++) {
      String name = "worker-" + w;
      Process p = start(name, home, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
          "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir", dir.resolve(name).toString(), master));
      workers.add(p);
      await(() -> logContains(name, "Successfully registered with master"), name + " to register", p);
    }
  }

  /** The executor JVMs the workers have launched so far. */
  List<ProcessHandle> executors() {
    return workers.stream().flatMap(Process::descendants).filter(h -> h.info().commandLine().orElse("")
        .contains("CoarseGrainedExecutorBackend")).toList();
  }

  /** The JVM options Spark needs on Java 17, which the build passes to this test JVM as a property. */
  static String jvmOptions() {
    return System.getProperty("spark.jvm.options", "");
  }

  /** This test JVM's class path (surefire hands the real one in a property when it boots from a manifest jar). */
  static List<String> classPath() {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(cp.split(File.pathSeparator));
  }

  Process start(String name, Path home, List<String> mainAndArgs) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", home.resolve("jars") + File.separator + "*"));
    for (String o : jvmOptions().split(" ")) if (!o.isBlank()) cmd.add(o);
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(name).toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /** Starts {@code cmd} as a driver, logging to {@code NAME.log}; {@link #close} ends it too. */
  Process startDriver(String name, List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
    processes.add(p);
    return p;
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  boolean logContains(String name, String text) {
    try {
      return Files.exists(log(name)) && Files.readString(log(name)).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  void await(BooleanSupplier done, String what, Process p) throws Exception {
    long end = System.nanoTime() + START.toNanos();
    while (!done.getAsBoolean()) {
      if (!p.isAlive()) throw new IllegalStateException(what + ": the process ended; see " + dir);
      if (System.nanoTime() > end) throw new IllegalStateException("timed out waiting for " + what + "; see " + dir);
      Thread.sleep(100);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
