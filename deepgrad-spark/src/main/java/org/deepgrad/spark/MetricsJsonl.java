package org.deepgrad.spark;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deepgrad.data.DataLoader;
import org.deepgrad.train.EpochEvent;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;
import org.deepgrad.train.TrainResult;

/**
 * TEMPORARY: replica 0's {@code OUT/metrics.jsonl}, the records of the command line's
 * {@code MetricsLog} (deepgrad-cli, which this module must not depend on) for the fields a distributed
 * run has: a {@code step} record every {@code every} updates (loss and accuracy: sample-weighted means
 * since the previous one), an {@code epoch} record with the epoch's metrics, {@code checkpoint} and
 * {@code end} records. To be replaced by the command line's writer once it moves into a library module.
 * A step's loss is the replicas' mean, its accuracy replica 0's rows; an epoch's metrics are all replicas'.
 */
final class MetricsJsonl implements TrainListener, Closeable {
  static final String FILE = "metrics.jsonl";

  private final BufferedWriter out;
  private final DataLoader<?> loader;
  private final int every;
  private final int replicas;
  private double lossSum;
  private double correctSum;
  private long samples;

  MetricsJsonl(Path dir, boolean append, DataLoader<?> loader, int every, int replicas) throws IOException {
    Files.createDirectories(dir);
    if (append) dropTornLine(dir.resolve(FILE));
    this.out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    this.loader = loader;
    this.every = every;
    this.replicas = replicas;
  }

  @Override
  public void onStep(StepEvent e) {
    int batch = loader.batchIndex() == 0 ? loader.batchesPerEpoch() : loader.batchIndex();
    lossSum += e.loss() * e.samples();
    correctSum += e.accuracy().orElse(Double.NaN) * e.samples();
    samples += e.samples();
    long step = (long) e.epoch() * loader.batchesPerEpoch() + batch;
    if (step % every != 0) return;
    Map<String, Object> r = record("step");
    r.put("epoch", e.epoch() + 1);
    r.put("step", step);
    r.put("batch", batch);
    r.put("loss", lossSum / samples);
    r.put("accuracy", correctSum / samples);
    r.put("lr", e.lr());
    r.put("samples", samples * replicas);
    lossSum = 0;
    correctSum = 0;
    samples = 0;
    write(r);
  }

  @Override
  public void onEpoch(EpochEvent e) {
    Map<String, Object> r = record("epoch");
    r.put("epoch", e.epoch() + 1);
    r.put("step", e.step());
    put(r, "", e.train());
    e.validation().ifPresent(v -> put(r, "val_", v));
    write(r);
  }

  @Override
  public void onCheckpoint(Path file) {
    Map<String, Object> r = record("checkpoint");
    r.put("file", file.getFileName().toString());
    write(r);
  }

  @Override
  public void onWarning(String message) {
    Map<String, Object> r = record("warning");
    r.put("message", message);
    write(r);
  }

  @Override
  public void onEnd(TrainResult result) {
    Map<String, Object> r = record("end");
    r.put("reason", result.stopReason().name());
    r.put("steps", result.steps());
    r.put("epochs", result.epochs());
    write(r);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** Cuts what follows the last newline: a record a killed replica 0 left half-written. */
  private static void dropTornLine(Path file) throws IOException {
    if (!Files.exists(file)) return;
    byte[] bytes = Files.readAllBytes(file);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') end--;
    if (end < bytes.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
  }

  /** A record's fields, the event first. */
  private static Map<String, Object> record(String event) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("event", event);
    return r;
  }

  private static void put(Map<String, Object> r, String prefix, Metrics m) {
    r.put(prefix + "loss", m.loss());
    m.accuracy().ifPresent(v -> r.put(prefix + "accuracy", v));
    m.mse().ifPresent(v -> r.put(prefix + "mse", v));
    m.r2().ifPresent(v -> r.put(prefix + "r2", v));
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.toString();
  }

  /** One line: numbers as JSON numbers (null when not finite), strings quoted, then the time. */
  private void write(Map<String, Object> record) {
    record.put("time", Instant.now().toString());
    StringBuilder sb = new StringBuilder("{");
    record.forEach((k, v) -> {
      if (sb.length() > 1) sb.append(',');
      sb.append('"').append(k).append("\":");
      if (v instanceof Double d) sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%s", d) : "null");
      else if (v instanceof Number n) sb.append(n);
      else sb.append('"').append(escape(v.toString())).append('"');
    });
    try {
      out.write(sb.append("}\n").toString());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE + ": " + e.getMessage(), e);
    }
  }
}
