package org.deepgrad.run.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;

/**
 * {@code OUT/metrics.jsonl}: one JSON object per line, flushed as it is written, for tools (jq,
 * pandas' {@code read_json(lines=True)}). Records:
 * <pre>
 * {"event":"step","epoch":1,"step":50,"batch":50,"loss":0.61,"accuracy":0.82,"lr":0.001,"samples":3200,"time":"…Z"}
 * {"event":"epoch","epoch":1,"step":125,"loss":0.43,"accuracy":0.87,"val_loss":…,"time":"…Z"}
 * </pre>
 * A step record is written every {@code logEvery} steps; its loss and accuracy are sample-weighted
 * means over the steps since the previous step record, and {@code samples} is the number of samples
 * those steps saw. Steps count
 * from 1 across epochs; {@code time} is UTC ISO-8601. Non-finite numbers are written as null (JSON
 * has no NaN). A resumed run appends, so steps after the checkpoint it resumed from appear again:
 * readers should keep the last record of each step. Before appending it drops an incomplete last
 * line, which a run killed or crashed in the middle of a write can leave, so every line stays JSON.
 */
public final class MetricsLog implements Closeable {
  /** The file name in the output directory. */
  public static final String FILE = "metrics.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer writer;
  private final int logEvery;
  private final Clock clock;
  private final RunningMean window = new RunningMean();
  private long lastStep;

  MetricsLog(Writer writer, int logEvery, Clock clock) {
    this.writer = writer;
    this.logEvery = logEvery;
    this.clock = clock;
  }

  /**
   * Opens {@code dir/metrics.jsonl}, creating {@code dir} if needed.
   *
   * @param append keep the existing records (resume) rather than starting the file afresh
   * @param logEvery steps between two step records
   */
  public static MetricsLog open(Path dir, boolean append, int logEvery) throws IOException {
    Files.createDirectories(dir);
    if (append) dropTornLine(dir.resolve(FILE));
    BufferedWriter w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    return new MetricsLog(w, logEvery, Clock.systemUTC());
  }

  /** Truncates {@code file} after its last newline, if anything follows it (a record cut short). */
  private static void dropTornLine(Path file) throws IOException {
    if (!Files.exists(file)) return;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.allocate(8192);
      long end = ch.size();
      for (long from = end; from > 0; ) {
        int n = (int) Math.min(buf.capacity(), from);
        from -= n;
        buf.clear().limit(n);
        while (buf.hasRemaining()) {
          if (ch.read(buf, from + buf.position()) < 0) break;
        }
        for (int i = buf.position() - 1; i >= 0; i--) {
          if (buf.get(i) != '\n') continue;
          if (from + i + 1 < end) ch.truncate(from + i + 1);
          return;
        }
      }
      ch.truncate(0);
    }
  }

  /** One training step done; the arguments are those of {@code RunListener.onStep}. */
  public void onStep(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, double lr, int samples) {
    window.add(loss, accuracy, samples);
    long step = (long) (epoch - 1) * batchesPerEpoch + batch;
    lastStep = step;
    if (step % logEvery != 0) return;
    ObjectNode r = JSON.createObjectNode().put("event", "step").put("epoch", epoch).put("step", step).put("batch", batch);
    number(r, "loss", window.loss());
    number(r, "accuracy", window.accuracy());
    number(r, "lr", lr);
    r.put("samples", window.samples());
    window.reset();
    write(r);
  }

  /** One epoch done, with its metrics by name (e.g. loss, accuracy, val_loss, val_accuracy). */
  public void onEpoch(int epoch, Map<String, Double> metrics) {
    ObjectNode r = JSON.createObjectNode().put("event", "epoch").put("epoch", epoch).put("step", lastStep);
    metrics.forEach((k, v) -> number(r, k, v == null ? Double.NaN : v));
    write(r);
  }

  /** Any other record, e.g. {@code note("resume", Map.of("step", 500))}: the event name, then the fields. */
  public void note(String event, Map<String, ?> fields) {
    ObjectNode r = JSON.createObjectNode().put("event", event);
    fields.forEach((k, v) -> r.set(k, JSON.valueToTree(v)));
    write(r);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private void write(ObjectNode record) {
    record.put("time", clock.instant().toString());
    try {
      writer.write(JSON.writeValueAsString(record));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE + ": " + e.getMessage(), e);
    }
  }

  private static void number(ObjectNode r, String key, double v) {
    if (Double.isFinite(v)) r.put(key, v);
    else r.putNull(key);
  }
}
