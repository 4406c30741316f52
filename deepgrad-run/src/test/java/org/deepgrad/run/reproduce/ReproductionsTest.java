package org.deepgrad.run.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.ModelConfig;
import org.deepgrad.run.config.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reproduction run from Java, without the command line: its runs, its verdicts and its report.html. */
class ReproductionsTest {
  @TempDir
  Path dir;

  /** One tiny run and one claim decided on it. */
  private static final class Tiny implements Experiment {
    @Override
    public String name() {
      return "tiny";
    }

    @Override
    public String title() {
      return "a tiny spirals net learns something";
    }

    @Override
    public String reference() {
      return "none";
    }

    @Override
    public List<RunPlan> plans(Mode mode) {
      return List.of(RunPlan.of("spirals", "spirals 8-8", TrainConfig.plain().withData(DataConfig.of("spirals"))
          .withModel(ModelConfig.mlp(8, 8)).withTraining(t -> t.withEpochs(1).withBatchSize(100))));
    }

    @Override
    public Outcome judge(List<RunResult> runs, Mode mode) {
      RunResult r = runs.get(0);
      return new Outcome(List.of(new Claim("it took every step", "-", r.totalSteps() + " steps", "10 steps",
          r.totalSteps() == 10)), "## Body\n");
    }
  }

  @Test
  void aReproductionFromJavaWritesItsReportAndVerdicts() throws Exception {
    StringWriter log = new StringWriter();
    List<String> verdicts = Reproductions.run(new Tiny(), new Reproductions.Settings(new Mode(true, null), null, 1),
        dir, new PrintWriter(log));
    assertEquals(List.of("REPRODUCED  tiny: it took every step (10 steps)"), verdicts, log::toString);
    assertTrue(Files.readString(dir.resolve("report.html")).contains("it took every step"));
    assertTrue(Files.isRegularFile(dir.resolve("configs").resolve("spirals.yaml")));
    assertEquals(TrainConfig.read(dir.resolve("configs").resolve("spirals.yaml")).data().dataset(), "spirals",
        "each run's configuration, written as a config file");
  }

  @Test
  void theExperimentsAreFoundByName() {
    assertEquals(List.of("glorot2010", "he2015", "kingma2015", "ioffe2015", "articles"), Reproductions.names());
    assertTrue(Reproductions.byName("he2015").isPresent() && Reproductions.byName("he2016").isEmpty());
  }
}
