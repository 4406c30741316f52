package org.deepgrad.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.backend.CpuInfo;
import org.deepgrad.diagnostics.Recorder;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.run.HeapCheck;
import org.deepgrad.train.MemoryEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad bench}: training throughput of an MLP on synthetic MNIST-shaped data held in
 * memory ({@link BenchRun}): warm-up steps, then {@code --windows} timed windows of
 * {@code --window-steps} steps. Prints samples/s per window and their median, the matrix products'
 * GFLOP/s at the median ({@link BenchModel#flopsPerStep}) and its fraction of the peak
 * ({@code --peak-gflops} per thread × threads), heap bytes allocated per step by all threads, and
 * the process's peak RSS. {@code --json} prints the same as one JSON object.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Measure training throughput (samples/s, GFLOP/s, allocation, peak RSS) on synthetic data.")
final class BenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The most elements one array (and so one tensor) holds. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  @Spec
  CommandSpec spec;

  @Option(names = "--model", paramLabel = "WIDTHS",
      description = "Widths from input to classes joined by '-' (default 784-512-512-10).")
  String model;

  @Option(names = "--hidden", paramLabel = "SPEC",
      description = "Hidden widths as train takes them (e.g. 256x10) between 784 inputs and 10 classes.")
  String hidden;

  @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation (default ${DEFAULT-VALUE}).")
  String activation;

  @Option(names = "--optimizer", defaultValue = "sgd", description = "Optimizer preset (default ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(names = "--lr", description = "Learning rate (default 0.01 for sgd, else torch's default).")
  Double lr;

  @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--threads", description = "Backend threads (default: the backend's, one per processor).")
  Integer threads;

  @Option(names = "--warmup-steps", defaultValue = "50", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
  int warmupSteps;

  @Option(names = "--windows", defaultValue = "5", description = "Timed windows (default ${DEFAULT-VALUE}).")
  int windows;

  @Option(names = "--window-steps", defaultValue = "50", description = "Steps per window (default ${DEFAULT-VALUE}).")
  int windowSteps;

  @Option(names = "--peak-gflops", paramLabel = "GFLOPS", description = "FP32 peak GFLOP/s of one core, for the products' "
      + "share of it (× threads); measure it with deepgrad-bench's FmaPeak (docs/performance.md). Without it no share is "
      + "printed.")
  Double peakGflops;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the model and the data (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--diagnose", description = "Sample gradient-flow diagnostics as train --diagnose does, to "
      + "measure their cost.")
  boolean diagnose;

  @Option(names = "--diagnose-every", paramLabel = "N", defaultValue = "" + Recorder.DEFAULT_EVERY,
      description = "With --diagnose, sample every N steps (default ${DEFAULT-VALUE}).")
  int diagnoseEvery;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() throws JsonProcessingException {
    check();
    BenchModel m = BenchModel.parse(model, hidden);
    Backend backend = Backends.current();
    if (threads != null) backend.setThreads(threads);
    Map<String, Object> hyper = new LinkedHashMap<>();
    String name = optimizer.trim().toLowerCase(Locale.ROOT);
    if (lr != null) hyper.put("lr", lr); else if (name.equals("sgd")) hyper.put("lr", 0.01);
    int every = diagnose ? diagnoseEvery : 0;
    checkSize(m, name, hyper);
    BenchRun run = new BenchRun(m, activation, name, hyper, batchSize, seed, every);
    run.warmUp(warmupSteps);
    List<BenchRun.Window> results = new ArrayList<>();
    for (int w = 0; w < windows; w++) results.add(run.window(windowSteps));
    BenchReport report = new BenchReport(m, backend.name(), backend.threads(),
        CpuInfo.describe() + "; " + backend.describe(), run.optimizer().name(),
        run.optimizer().lr(), activation, batchSize, run.parameterCount(), every, warmupSteps, windowSteps,
        peakGflops == null ? Double.NaN : peakGflops,
        results, BenchMemory.allocationSupported(), BenchMemory.peakRssBytes());
    var out = spec.commandLine().getOut();
    out.println(json ? JSON.writeValueAsString(report.json()) : report.text());
    out.flush();
    return Failures.OK;
  }

  private void check() {
    positive("--batch-size", batchSize);
    positive("--windows", windows);
    positive("--window-steps", windowSteps);
    if (warmupSteps < 0) throw new UsageException("--warmup-steps must be >= 0, got " + warmupSteps);
    if (threads != null) positive("--threads", threads);
    positive("--diagnose-every", diagnoseEvery);
    if (peakGflops != null && (!(peakGflops > 0) || Double.isInfinite(peakGflops))) {
      throw new UsageException("--peak-gflops must be a positive number, got " + peakGflops + "; e.g. 229.7, FmaPeak's "
          + "figure for one core");
    }
    if (lr != null && !(lr >= 0)) throw new UsageException("--lr must be >= 0, got " + lr + "; e.g. --lr 0.01");
    if (!OptimizerRegistry.names().contains(optimizer.trim().toLowerCase(Locale.ROOT))) {
      throw new UsageException("unknown --optimizer '" + optimizer + "'; choose one of " + OptimizerRegistry.names());
    }
  }

  /**
   * Refuses, before anything is allocated, a batch of more values than one array holds and a run
   * larger than the heap ({@link HeapCheck}).
   */
  private void checkSize(BenchModel m, String name, Map<String, Object> hyper) {
    long values = (long) batchSize * m.inputs();
    if (values > MAX_ARRAY) {
      throw new UsageException("--batch-size " + batchSize + ": a batch of " + batchSize + " samples of " + m.inputs()
          + " inputs is " + values + " values, more than one array holds (" + MAX_ARRAY + "); use at most "
          + MAX_ARRAY / m.inputs() + ".");
    }
    ModelSpec spec;
    try {
      spec = BenchRun.spec(m, activation);
    } catch (IllegalArgumentException e) {
      throw new UsageException("the model (--model, --hidden, --activation): " + e.getMessage(), e);
    }
    MemoryEstimate estimate = MemoryEstimate.of(spec, HeapCheck.optimizerBuffers(name, hyper), batchSize,
        BenchRun.dataBytes(m, batchSize));
    HeapCheck.require(estimate, Runtime.getRuntime().maxMemory(), name, batchSize,
        "bench a smaller model (--model, --hidden) or a smaller batch (--batch-size)");
  }

  private static void positive(String option, int value) {
    if (value < 1) throw new UsageException(option + " must be >= 1, got " + value);
  }
}
