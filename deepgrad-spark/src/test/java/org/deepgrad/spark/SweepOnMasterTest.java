package org.deepgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.deepgrad.run.sweep.CellResult;
import org.deepgrad.run.sweep.CellRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deepgrad sweep --master}: each cell a Spark task, the sweep's results and files those of a local
 * sweep, a cell that fails tried again by Spark and then reported, a rerun running only the cells
 * without a result. One session for the class, {@code local[2,2]} (two task threads, two attempts per
 * task: plain local mode tries a task once), which the command line reuses.
 */
class SweepOnMasterTest {
  private static final String MASTER = "local[2,2]";
  private static SparkSession spark;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    SparkSession.getDefaultSession().foreach(s -> {
      s.stop(); // SparkTests' local[2] of an earlier class: one context per JVM (SparkTests starts it again when asked)
      return null;
    });
    spark = SparkSession.builder().master(MASTER).appName("deepgrad sweep tests")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final String TEACHER = "{dataset: teacher, synthetic: {samples: 300, test_samples: 60, inputs: 10, "
      + "hidden: 16, classes: 3}}";

  private static Path grid(String name, String data, String axes) throws Exception {
    return Files.writeString(dir.resolve(name + ".yaml"), "base:\n  data: " + data + "\n" + """
          model: {hidden: [16]}
          training: {epochs: 2, batch_size: 32}
        axes:
        """ + axes);
  }

  @Test
  void aSweepOfSparkTasksGivesTheResultsOfALocalSweepAndARerunRunsOnlyWhatIsMissing() throws Exception {
    Path grid = grid("lr", TEACHER, "  optimizer.lr: [0.01, 0.001]\n  model.activation: [relu, tanh]\n");
    Path onSpark = dir.resolve("on-spark");
    Cli.Run run = Cli.run("sweep", grid.toString(), "--master", MASTER, "--out", onSpark.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("running 4 as Spark tasks on local[2,2] (2 at a time), 1 thread(s) each, each tried "
        + "up to 2 time(s)"), run::toString);
    Path here = dir.resolve("here");
    Cli.Run local = Cli.run("sweep", grid.toString(), "--threads", "1", "--out", here.toString());
    assertEquals(0, local.code(), local::toString);
    for (String f : List.of("results.csv", "results.md", "results.html", "sweep.json")) {
      assertTrue(Files.isRegularFile(onSpark.resolve(f)), f);
    }
    assertEquals(numbers(here.resolve("results.csv")), numbers(onSpark.resolve("results.csv")),
        "the same numbers, cell for cell");

    Path cell = onSpark.resolve("cells").resolve("optimizer.lr=0.001,model.activation=tanh");
    Files.delete(cell.resolve(CellResult.FILE)); // as a sweep killed while it ran
    long before = Files.getLastModifiedTime(onSpark.resolve("cells/optimizer.lr=0.01,model.activation=relu/model.json"))
        .toMillis();
    Cli.Run rerun = Cli.run("sweep", grid.toString(), "--master", MASTER, "--out", onSpark.toString());
    assertEquals(0, rerun.code(), rerun::toString);
    assertTrue(rerun.out().contains("4 cells, 3 finished earlier; running 1 as Spark tasks"), rerun::toString);
    assertEquals(before, Files.getLastModifiedTime(onSpark.resolve(
        "cells/optimizer.lr=0.01,model.activation=relu/model.json")).toMillis(), "a finished cell is not run again");
    assertEquals(numbers(here.resolve("results.csv")), numbers(onSpark.resolve("results.csv")));
  }

  @Test
  void aCellThatFailsIsTriedAgainByThenReported() throws Exception {
    StringBuilder rows = new StringBuilder("a,b,label\n");
    for (int i = 0; i < 40; i++) rows.append(i % 7).append(',').append(i % 5).append(',').append(i % 2).append('\n');
    Path good = Files.writeString(dir.resolve("good.csv"), rows);
    Path bad = Files.writeString(dir.resolve("bad.csv"), rows + "3,oops,1\n");
    Path grid = grid("data", "{dataset: \"csv:" + good + "\"}", "  data.dataset: [\"csv:" + good + "\", \"csv:" + bad
        + "\"]\n");
    Path out = dir.resolve("failing");
    Cli.Run run = Cli.run("sweep", grid.toString(), "--master", MASTER, "--out", out.toString());
    assertEquals(1, run.code(), "exit 1: a cell ended in an error\n" + run);
    CellResult failed = CellResult.read(out.resolve("cells").resolve("data.dataset=csv_" + bad.toString()
        .replaceAll("[^A-Za-z0-9._=,+-]", "_")));
    assertEquals("error", failed.status(), run::toString);
    assertTrue(failed.message().contains("oops"), failed.message());
    String log = Files.readString(out.resolve("cells").resolve(failed.id()).resolve(CellRunner.LOG));
    assertTrue(log.contains("(again, from the beginning)"), "Spark ran it a second time:\n" + log);
    assertTrue(run.out().contains(failed.id() + ": error"), run::toString);
    assertTrue(run.out().contains("good.csv: ok"), run::toString);
  }

  /** The results' cell ids and numbers, without the seconds (each run's own). */
  private static List<String> numbers(Path csv) throws Exception {
    return Files.readAllLines(csv).stream().map(l -> l.replaceAll(",[0-9.]+,([^,]*)$", ",,$1")).sorted().toList();
  }
}
