package org.deepgrad.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.deepgrad.run.files.MetricsLog;

/**
 * Tells a {@link RunListener} what a cluster's replica 0 records in {@code metrics.jsonl} (the epochs and
 * the warnings), read as the file grows, since a cluster's training steps send no events to this JVM.
 * Only records appended after it starts count (a resumed run's earlier ones are not told again).
 * {@link #poll} reads what is new; {@link #start} polls on a thread of its own until {@link #close}.
 */
final class MetricsFollower implements AutoCloseable {
  static final long POLL_MS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_METRICS = Set.of("event", "epoch", "step", "time");

  private final Path file;
  private final RunListener listener;
  private final Runnable onFirstRecord;
  private long offset;
  private boolean seen;
  private Thread thread;

  /** Follows {@code dir/metrics.jsonl} from its present end; {@code onFirstRecord} runs once, at the first record. */
  MetricsFollower(Path dir, RunListener listener, Runnable onFirstRecord) throws IOException {
    this.file = dir.resolve(MetricsLog.FILE);
    this.listener = listener;
    this.onFirstRecord = onFirstRecord;
    this.offset = Files.exists(file) ? Files.size(file) : 0;
  }

  /** Polls every {@value #POLL_MS} ms on a daemon thread. */
  MetricsFollower start() {
    thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          poll();
          Thread.sleep(POLL_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "metrics-follower");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Tells the complete records appended since the last poll; a file that cannot be read now is read next time. */
  synchronized void poll() {
    if (!Files.exists(file)) return;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      if (f.length() < offset) offset = f.length(); // cut: a torn last line dropped, or a run that starts afresh
      byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE, f.length() - offset)];
      f.seek(offset);
      f.readFully(bytes);
      int end = lastNewline(bytes);
      if (end < 0) return;
      offset += end + 1;
      for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) tell(line);
    } catch (IOException e) {
      // the next poll tries again; the file is the record, this is only its echo on the console
    }
  }

  private void tell(String line) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException torn) {
      return;
    }
    if (n == null || !n.isObject()) return;
    if (!seen) {
      seen = true;
      onFirstRecord.run();
    }
    String event = n.path("event").asText();
    if (event.equals("epoch")) listener.onEpoch(n.path("epoch").asInt(), metrics(n));
    if (event.equals("warning")) listener.warning(n.path("message").asText());
  }

  /** An epoch record's metrics by name (null, a non-finite value, as NaN). */
  private static Map<String, Double> metrics(JsonNode n) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      if (NOT_METRICS.contains(e.getKey())) continue;
      m.put(e.getKey(), e.getValue().isNumber() ? e.getValue().doubleValue() : Double.NaN);
    }
    return m;
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) if (bytes[i] == '\n') return i;
    return -1;
  }

  /** Stops the thread, then tells what is left. */
  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    poll();
  }
}
