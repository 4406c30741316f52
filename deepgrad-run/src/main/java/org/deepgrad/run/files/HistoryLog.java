package org.deepgrad.run.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.train.DiagnosticsListener;
import org.deepgrad.train.NonFinite;
import org.deepgrad.train.StepEvent;
import org.deepgrad.train.TrainListener;
import org.deepgrad.train.TrainResult;

/**
 * {@code OUT/diagnostics.jsonl}: every step a {@link DiagnosticsListener} records, one JSON line each
 * ({@link HistoryJson}), after a header line with the layers, appended and flushed as the run goes, so
 * a report can be rebuilt from the run directory alone, also after a crash. Add it after the
 * diagnostics listener, which records a step before this log reads it.
 *
 * <p>Resume: the trainer restarts after its checkpoint's step S, so the records after S (taken by the
 * interrupted run, and about to be taken again) are dropped first, with a line cut short by the crash;
 * the file is rewritten atomically ({@link AtomicFiles}), keeping its header. A run without --resume
 * starts the file afresh. A write that fails is a warning, once: the log stops, the run goes on.
 */
public final class HistoryLog implements TrainListener {
  /** The file name in the run directory. */
  public static final String FILE = "diagnostics.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final boolean resume;
  private final DiagnosticsListener source;
  private final int every;
  private final Consumer<String> warn;
  private Writer writer;
  private int written;
  private boolean failed;

  /** A log in {@code dir} of what {@code source} (sampling every {@code every} steps) records; warnings to {@code warn}. */
  public HistoryLog(Path dir, boolean resume, DiagnosticsListener source, int every, Consumer<String> warn) {
    this.file = dir.resolve(FILE);
    this.resume = resume;
    this.source = source;
    this.every = every;
    this.warn = warn;
  }

  @Override
  public void onStart(int epoch, long step) {
    guard(() -> {
      List<String> keep = resume ? kept(file, step) : new ArrayList<>();
      if (keep.isEmpty() || !keep.get(0).contains("\"event\":\"layers\"")) {
        keep.add(0, JSON.writeValueAsString(HistoryJson.header(source.recorder().layers(), every, source.setup(),
            source.history().inputs())));
      }
      AtomicFiles.write(file, s -> {
        for (String line : keep) s.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      });
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    });
  }

  /**
   * The complete lines of {@code file} to keep when resuming after step {@code step}: the header and the
   * records up to that step; a line that does not parse (the last one, cut short by a crash) is dropped.
   */
  static List<String> kept(Path file, long step) throws IOException {
    List<String> keep = new ArrayList<>();
    if (!Files.exists(file)) return keep;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (IOException torn) {
        continue;
      }
      if (n != null && ("layers".equals(n.path("event").asText()) || n.path("step").asLong() <= step)) keep.add(line);
    }
    return keep;
  }

  @Override
  public void onStep(StepEvent event) {
    append();
  }

  @Override
  public void onNonFinite(NonFinite event, double loss, double lr) {
    append();
  }

  @Override
  public void onEnd(TrainResult result) {
    append();
    close();
  }

  /** Closes the file (also when the run ended by an exception); idempotent. */
  public void close() {
    if (writer == null) return;
    guard(writer::close);
    writer = null;
  }

  /** Writes the records the listener made since the last call. */
  private void append() {
    if (writer == null) return;
    List<StepStats> steps = source.recorder().history().steps();
    if (steps.size() == written) return;
    guard(() -> {
      for (; written < steps.size(); written++) {
        writer.write(JSON.writeValueAsString(HistoryJson.sample(steps.get(written))));
        writer.write('\n');
      }
      writer.flush();
    });
  }

  private void guard(IoAction action) {
    if (failed) return;
    try {
      action.run();
    } catch (IOException e) {
      failed = true;
      writer = null;
      warn.accept("cannot write " + file + " (" + e.getMessage() + "); the run goes on, but its report "
          + "will lack the diagnostics from here on");
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
