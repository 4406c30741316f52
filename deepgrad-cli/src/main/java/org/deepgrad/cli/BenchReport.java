package org.deepgrad.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@code bench} run, as text or as the JSON object of {@code bench --json}:
 * samples/s per window and their median, GFLOP/s at the median and its fraction of
 * {@code peakGflopsPerThread × threads} (none where that is NaN: no peak given), heap bytes allocated
 * per step over all timed windows (null where the JVM does not count them), peak RSS in bytes (null
 * where unknown). {@code machine} names the processor and what computes the products on it (e.g.
 * OpenBLAS's kernel table).
 */
record BenchReport(BenchModel model, String backend, int threads, String machine, String optimizer, double lr, String activation,
    int batchSize, long parameters, int diagnoseEvery, int warmupSteps, int windowSteps, double peakGflopsPerThread,
    List<BenchRun.Window> windows, boolean allocationCounted, long peakRssBytes) {

  double[] samplesPerSecond() {
    return windows.stream().mapToDouble(w -> batchSize * windowSteps / w.seconds()).toArray();
  }

  /** The median of the windows' samples/s (the mean of the middle two for an even count). */
  double medianSamplesPerSecond() {
    double[] s = samplesPerSecond().clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  double gflops() {
    return medianSamplesPerSecond() / batchSize * model.flopsPerStep(batchSize) / 1e9;
  }

  double peakGflops() {
    return peakGflopsPerThread * threads;
  }

  Long allocBytesPerStep() {
    if (!allocationCounted) return null;
    long total = windows.stream().mapToLong(BenchRun.Window::allocatedBytes).sum();
    return total / ((long) windows.size() * windowSteps);
  }

  Map<String, Object> json() {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("samples_per_s", medianSamplesPerSecond());
    j.put("gflops", gflops());
    j.put("fraction_of_peak", Double.isNaN(peakGflopsPerThread) ? null : gflops() / peakGflops());
    j.put("alloc_bytes_per_step", allocBytesPerStep());
    j.put("peak_rss_bytes", peakRssBytes < 0 ? null : peakRssBytes);
    j.put("window_samples_per_s", samplesPerSecond());
    j.put("window_alloc_bytes_per_step", windows.stream().map(w -> allocationCounted
        ? w.allocatedBytes() / windowSteps : null).toList());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model", model.describe());
    c.put("activation", activation);
    c.put("diagnose_every", diagnoseEvery);
    c.put("parameters", parameters);
    c.put("optimizer", optimizer);
    c.put("lr", lr);
    c.put("batch_size", batchSize);
    c.put("threads", threads);
    c.put("backend", backend);
    c.put("machine", machine);
    c.put("warmup_steps", warmupSteps);
    c.put("windows", windows.size());
    c.put("window_steps", windowSteps);
    c.put("flops_per_step", model.flopsPerStep(batchSize));
    c.put("peak_gflops", Double.isNaN(peakGflopsPerThread) ? null : peakGflops());
    j.put("config", c);
    return j;
  }

  String text() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "bench: %s %s, %d parameters; %s lr %s; batch %d; backend %s, %d thread%s%n",
        model.describe(), activation, parameters, optimizer, lr, batchSize, backend, threads, threads == 1 ? "" : "s"));
    s.append("machine: ").append(machine).append('\n');
    if (diagnoseEvery > 0) s.append("diagnostics sampled every ").append(diagnoseEvery).append(" steps\n");
    s.append(String.format(Locale.ROOT, "warm-up %d steps, %d windows of %d steps%n", warmupSteps, windows.size(),
        windowSteps));
    double[] sps = samplesPerSecond();
    for (int i = 0; i < sps.length; i++) {
      s.append(String.format(Locale.ROOT, "  window %d: %,.0f samples/s%n", i + 1, sps[i]));
    }
    s.append(String.format(Locale.ROOT, "median: %,.0f samples/s%n", medianSamplesPerSecond()));
    s.append(String.format(Locale.ROOT, "matmul: %.1f GFLOP/s%s (%.1f MFLOP per sample)%n", gflops(),
        Double.isNaN(peakGflopsPerThread) ? "" : String.format(Locale.ROOT, " = %.1f%% of peak %.0f GFLOP/s",
            100 * gflops() / peakGflops(), peakGflops()), model.flopsPerStep(batchSize) / 1e6 / batchSize));
    Long alloc = allocBytesPerStep();
    s.append("allocation: ").append(alloc == null ? "n/a" : String.format(Locale.ROOT, "%,d bytes per step", alloc))
        .append(System.lineSeparator());
    s.append("peak RSS: ").append(peakRssBytes < 0 ? "n/a"
        : String.format(Locale.ROOT, "%.1f MiB", peakRssBytes / 1048576.0));
    return s.toString();
  }
}
