package org.deepgrad.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deepgrad.run.config.RunException;
import scala.Option;

/**
 * A Spark master as {@code --master} names it, and the Spark deepgrad runs on there. It takes
 * {@code local[N]} (N task threads in this JVM), {@code local[*]} (one per processor), {@code local[N,F]}
 * (each task tried up to F times; plain local mode tries once, as Spark does) and {@code spark://HOST:PORT}
 * (a standalone cluster; several masters as {@code spark://H1:P1,H2:P2}). Before anything trains it
 * makes sure the master can serve the run, each failure a {@link RunException} naming what, where and
 * the fix: a URL of another form; a master that cannot be reached (a TCP connection with a timeout); a
 * master that does not take the application or offers too few cores within {@value #WAIT_DEFAULT} s
 * ({@code -Ddeepgrad.spark.wait=SECONDS}); executors of another Spark or Scala version than deepgrad's
 * (a one-task job reports theirs).
 *
 * <p>A cluster's executors need deepgrad's classes: the jar named by {@code -Ddeepgrad.spark.jar}
 * (./deepgrad names deepgrad-spark-submit.jar) is added to {@code spark.jars}, which Spark serves them;
 * without it, {@code spark.jars} or {@code spark.executor.extraClassPath} must provide them. Any other
 * Spark setting comes from {@code -Dspark.KEY=VALUE} (Spark reads its settings from system properties).
 * One SparkContext runs per JVM: a session already running on the same master is used and left running.
 */
final class SparkMaster implements AutoCloseable {
  /** The jar a cluster's executors get deepgrad's classes from. */
  static final String JAR_PROPERTY = "deepgrad.spark.jar";
  /** How long to wait for a cluster to take the application and offer its cores, in seconds. */
  static final String WAIT_PROPERTY = "deepgrad.spark.wait";
  static final int WAIT_DEFAULT = 60;
  /** A cluster's cores count as all there when no executor joined for this long. */
  private static final long SETTLE_MS = 3000;
  private static final int CONNECT_TIMEOUT_MS = 5000;
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:\\s*,\\s*(\\d+))?])?");
  private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");
  private static final String FORMS = "give local[N] (N task threads in this JVM, e.g. local[2]), local[*] (one per "
      + "processor), local[N,F] (each task tried up to F times) or spark://HOST:PORT (a standalone cluster's master, "
      + "port 7077 by default)";

  final String url;
  /** The task threads of local mode; 0 on a cluster. */
  final int localThreads;
  /** The times Spark tries a task before the job fails. */
  final int taskAttempts;
  /** The cores the executors offer (local mode: its threads). */
  final int cores;
  final SparkSession session;
  private final boolean owned;

  private SparkMaster(String url, int localThreads, int taskAttempts, int cores, SparkSession session, boolean owned) {
    this.url = url;
    this.localThreads = localThreads;
    this.taskAttempts = taskAttempts;
    this.cores = cores;
    this.session = session;
    this.owned = owned;
  }

  /**
   * Spark at {@code url}, ready: on a cluster, once its executors offer {@code need} cores (0: once
   * they stop joining) and run deepgrad's Spark version.
   */
  static SparkMaster connect(String url, int need) {
    String u = url.trim();
    Matcher local = LOCAL.matcher(u);
    if (local.matches()) return local(u, local);
    Matcher standalone = STANDALONE.matcher(u);
    if (!standalone.matches()) {
      String other = u.equals("yarn") || u.startsWith("k8s://") || u.startsWith("mesos://")
          ? " deepgrad's command line runs Spark in its own JVM (local) or on a standalone cluster; for YARN or"
          + " Kubernetes, submit a program that calls deepgrad-spark with spark-submit (docs/spark.md)."
          : "";
      throw new RunException("--master " + url + ": not a master URL deepgrad takes; " + FORMS + "." + other);
    }
    List<InetSocketAddress> masters = addresses(url, standalone.group(1));
    reachable(url, masters);
    return cluster(u, need);
  }

  private static SparkMaster local(String url, Matcher m) {
    String threads = m.group(1);
    int n = threads == null ? 1 : threads.equals("*") ? Runtime.getRuntime().availableProcessors() : parse(url, threads);
    int attempts = m.group(2) == null ? 1 : parse(url, m.group(2));
    if (n < 1 || attempts < 1) {
      throw new RunException("--master " + url + ": local mode needs at least 1 thread and 1 attempt per task; " + FORMS
          + ".");
    }
    SparkSession.Builder b = builder(url).config("spark.ui.enabled", "false");
    // Nothing outside this JVM takes part: Spark's services bind and name the loopback address only.
    if (System.getProperty("spark.driver.host") == null) b.config("spark.driver.host", "127.0.0.1");
    if (System.getProperty("spark.driver.bindAddress") == null) b.config("spark.driver.bindAddress", "127.0.0.1");
    Started s = start(url, b);
    return new SparkMaster(url, n, attempts, n, s.session, s.owned);
  }

  private static int parse(String url, String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw new RunException("--master " + url + ": " + number + " is too large a number; " + FORMS + ".");
    }
  }

  private static SparkMaster cluster(String url, int need) {
    SparkSession.Builder b = builder(url);
    String jar = System.getProperty(JAR_PROPERTY);
    String jars = System.getProperty("spark.jars");
    if (jar != null) b.config("spark.jars", jars == null || jars.isBlank() ? jar : jars + "," + jar);
    else if (jars == null && System.getProperty("spark.executor.extraClassPath") == null) {
      throw new RunException("--master " + url + ": the cluster's executors need deepgrad's classes, and nothing gives "
          + "them: run through ./deepgrad (it ships deepgrad-spark-submit.jar), or name that jar with -D" + JAR_PROPERTY
          + "=PATH (or -Dspark.jars=PATH).");
    }
    Started s = start(url, b);
    SparkMaster m = null;
    try {
      int cores = s.owned ? awaitCores(url, s.session.sparkContext(), need) : need;
      int attempts = s.session.sparkContext().conf().getInt("spark.task.maxFailures", 4);
      m = new SparkMaster(url, 0, attempts, cores, s.session, s.owned);
      m.checkVersions();
      return m;
    } catch (RuntimeException e) {
      if (s.owned) s.session.stop();
      throw e;
    }
  }

  /** A builder for {@code url} with deepgrad's settings: its name, no progress bars, {@link ExecutorCores}. */
  private static SparkSession.Builder builder(String url) {
    String listeners = System.getProperty("spark.extraListeners");
    String mine = ExecutorCores.class.getName();
    return SparkSession.builder().master(url).appName("deepgrad").config("spark.ui.showConsoleProgress", "false")
        .config("spark.extraListeners", listeners == null || listeners.isBlank() ? mine : listeners + "," + mine);
  }

  private record Started(SparkSession session, boolean owned) {}

  /** The session running on {@code url} in this JVM, else a new one from {@code b}. */
  private static Started start(String url, SparkSession.Builder b) {
    Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined() && !running.get().sparkContext().isStopped()) {
      String theirs = running.get().sparkContext().master();
      if (!theirs.equals(url)) {
        throw new RunException("--master " + url + ": this JVM already runs Spark on " + theirs + ", and Spark runs one"
            + " context per JVM; use that master, or stop its session first.");
      }
      return new Started(running.get(), false);
    }
    try {
      return new Started(b.getOrCreate(), true);
    } catch (RuntimeException e) {
      throw new RunException("--master " + url + ": Spark did not start: " + firstLine(e) + ". Check the -Dspark.* "
          + "settings given, or run with --verbose for Spark's stack trace.", e);
    }
  }

  private static List<InetSocketAddress> addresses(String url, String hosts) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String hostPort : hosts.split(",")) {
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0 || !hostPort.substring(colon + 1).matches("\\d{1,5}")) {
        throw new RunException("--master " + url + ": " + hostPort + " has no port; a standalone master's URL is "
            + "spark://HOST:PORT, e.g. spark://" + (colon <= 0 ? hostPort : hostPort.substring(0, colon)) + ":7077 (its "
            + "web UI shows it).");
      }
      out.add(InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
          Integer.parseInt(hostPort.substring(colon + 1))));
    }
    return out;
  }

  /** Refuses a cluster none of whose masters takes a TCP connection within a few seconds. */
  private static void reachable(String url, List<InetSocketAddress> masters) {
    List<String> problems = new ArrayList<>();
    for (InetSocketAddress a : masters) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(a.getHostString(), a.getPort()), CONNECT_TIMEOUT_MS);
        return;
      } catch (UnknownHostException e) {
        problems.add(a.getHostString() + ": unknown host");
      } catch (IOException e) {
        problems.add(a.getHostString() + ":" + a.getPort() + ": " + (e.getMessage() == null ? e.toString()
            : e.getMessage().toLowerCase(Locale.ROOT)));
      }
    }
    throw new RunException("--master " + url + ": cannot reach the Spark master (" + String.join("; ", problems)
        + "). Start it (SPARK_HOME/sbin/start-master.sh, then start-worker.sh on the workers), or give the host and "
        + "port it listens on (7077 by default; its web UI, port 8080, shows its URL).");
  }

  /**
   * Waits until the executors offer {@code need} cores (0: some, and no executor joined for a few
   * seconds); returns the cores offered.
   */
  private static int awaitCores(String url, SparkContext sc, int need) {
    ExecutorCores cores = ExecutorCores.latest();
    long wait = Long.getLong(WAIT_PROPERTY, WAIT_DEFAULT) * 1000;
    long start = System.currentTimeMillis();
    int seen = 0;
    long changed = start;
    while (true) {
      if (sc.isStopped()) {
        throw new RunException("--master " + url + ": the Spark master did not take this application (Spark gave up and"
            + " stopped; its log above says why). Usually the master runs another Spark version: deepgrad drives Spark "
            + sparkVersion() + " (Scala " + scalaBinary() + "), and Spark's driver, master and executors must be of the"
            + " same version. Fix: run a Spark " + minor(sparkVersion()) + ".x cluster, or build deepgrad-spark for "
            + "yours (-Dspark.version, docs/spark.md).");
      }
      long now = System.currentTimeMillis();
      int have = cores.total();
      if (have != seen) {
        seen = have;
        changed = now;
      }
      if (need > 0 ? have >= need : have > 0 && now - changed >= SETTLE_MS) return have;
      if (now - start > wait) {
        throw new RunException("--master " + url + ": " + (have == 0 ? "no executor joined" : "the executors offer "
            + have + " core(s), and the run needs " + need + " (one per replica, all at once),") + " within " + wait / 1000
            + " s. Start workers with free cores (SPARK_HOME/sbin/start-worker.sh " + url + "), "
            + (have == 0 ? "check the master's web UI for executors that failed to start, "
            : "give fewer --replicas, ") + "or wait longer with -D" + WAIT_PROPERTY + "=SECONDS.");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RunException("--master " + url + ": interrupted while waiting for the cluster's executors.");
      }
    }
  }

  /** Refuses executors of another Spark (major.minor) or Scala (binary) version than this driver's. */
  private void checkVersions() {
    String here = versions();
    String there;
    try {
      there = new JavaSparkContext(session.sparkContext()).parallelize(List.of(0), 1).map(x -> versions())
          .collectAsync().get(Long.getLong(WAIT_PROPERTY, WAIT_DEFAULT), TimeUnit.SECONDS).get(0);
    } catch (ExecutionException e) {
      throw new RunException("--master " + url + ": the cluster's executors could not run deepgrad's first task ("
          + firstLine(e.getCause()) + "). Usually they run another Spark version: deepgrad drives Spark " + here
          + ", and the driver and the executors must be of the same version. Fix: run a Spark "
          + minor(sparkVersion()) + ".x cluster, or build deepgrad-spark for yours (-Dspark.version, docs/spark.md).", e);
    } catch (TimeoutException e) {
      throw new RunException("--master " + url + ": the cluster's executors did not run deepgrad's first task within "
          + Long.getLong(WAIT_PROPERTY, WAIT_DEFAULT) + " s; check the master's web UI for executors that fail.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunException("--master " + url + ": interrupted while checking the executors' Spark version.", e);
    }
    if (!compatible(here, there)) {
      throw new RunException("--master " + url + ": the cluster's executors run Spark " + there + ", and deepgrad "
          + "drives Spark " + here + "; Spark's driver and executors must be of the same version (major.minor, and the "
          + "same Scala). Fix: run the workers on a Spark " + minor(sparkVersion()) + ".x home, or build deepgrad-spark "
          + "for yours (-Dspark.version, docs/spark.md).");
    }
  }

  /** {@code 4.0.1 (Scala 2.13)}: this JVM's Spark and Scala. */
  static String versions() {
    return sparkVersion() + " (Scala " + scalaBinary() + ")";
  }

  /** Whether two {@link #versions} agree on Spark's major.minor and Scala's binary version. */
  static boolean compatible(String a, String b) {
    return minor(a).equals(minor(b)) && a.substring(a.indexOf('(')).equals(b.substring(b.indexOf('(')));
  }

  private static String sparkVersion() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  private static String scalaBinary() {
    return minor(scala.util.Properties.versionNumberString());
  }

  /** {@code 4.0} of {@code 4.0.1...}. */
  private static String minor(String version) {
    Matcher m = Pattern.compile("(\\d+\\.\\d+)").matcher(version);
    return m.find() ? m.group(1) : version;
  }

  /** The threads each task's backend uses: {@code asked} (--threads), else spark.task.cpus. */
  int taskThreads(int asked) {
    return asked > 0 ? asked : session.sparkContext().conf().getInt("spark.task.cpus", 1);
  }

  /** The first line of {@code e}'s message, or its class's name when it has none. */
  static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse("").trim();
  }

  /** {@code Spark 4.0.1 local[2]}. */
  @Override
  public String toString() {
    return "Spark " + sparkVersion() + " " + url;
  }

  /** Stops the session if it was started here. */
  @Override
  public void close() {
    if (owned) session.stop();
  }
}
