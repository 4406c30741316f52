package org.deepgrad.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.files.RunContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Training}: a run from a value, what it tells its listener, and what it leaves in its folder. */
class TrainingTest {
  @TempDir
  Path dir;

  @Test
  void aRunTellsItsListenerAndReturnsItsOutcome() throws Exception {
    List<String> told = new ArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void line(String text) {
        told.add("line " + text);
      }

      @Override
      public void onTrainingStart(int epochs, int logEvery) {
        told.add("start " + epochs + " " + logEvery);
      }

      @Override
      public void onEpoch(int epoch, Map<String, Double> metrics) {
        told.add("epoch " + epoch + " " + metrics.keySet());
      }

      @Override
      public void onTrainingEnd() {
        told.add("end");
      }
    };
    Path run = dir.resolve("run");
    Training.Outcome o = Training.run(TinyRuns.config(run), listener);
    assertEquals(run, o.dir());
    assertEquals(40, o.result().steps());
    assertTrue(o.test().accuracy().isPresent());
    assertEquals(run.resolve(RunContents.REPORT), o.report());
    assertTrue(told.contains("start 4 5"), told::toString);
    assertTrue(told.contains("epoch 1 [loss, accuracy, val_loss, val_accuracy]"), told::toString);
    assertTrue(told.contains("line writing to " + run), told::toString);
    assertTrue(told.contains("line " + Training.summary(o.test()) + " (200 test samples); model saved in " + run),
        told::toString);
    for (String f : List.of("config.yaml", "metrics.jsonl", "model.json", "diagnostics.json", "report.html")) {
      assertTrue(Files.isRegularFile(run.resolve(f)), f);
    }
  }

  @Test
  void aValueThatIsNotValidIsRefusedBeforeAnythingIsWritten() {
    Path run = dir.resolve("bad");
    RunException e = assertThrows(RunException.class, () -> Training.run(TinyRuns.config(run)
        .withTraining(t -> t.withBatchSize(-3)), RunListener.NONE));
    assertTrue(e.getMessage().startsWith("`training.batch_size` = -3"), e.getMessage());
    assertTrue(!Files.exists(run), "nothing written");
  }
}
