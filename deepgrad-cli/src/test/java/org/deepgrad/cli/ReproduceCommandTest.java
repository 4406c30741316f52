package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.deepgrad.run.reproduce.Reproductions;
import org.junit.jupiter.api.Test;

/** The command's usage paths (the reproductions themselves are long: run them with the CLI). */
class ReproduceCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void listNamesEveryExperiment() {
    Run r = run("reproduce", "--list");
    assertEquals(0, r.code(), r.err());
    for (String name : Reproductions.names()) assertTrue(r.out().contains(name + " "), r.out());
    assertTrue(r.out().contains("all "), r.out());
  }

  @Test
  void unknownNameExitsTwoListingTheNames() {
    Run r = run("reproduce", "nope");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("unknown experiment 'nope'"), r.err());
    for (String name : Reproductions.names()) assertTrue(r.err().contains(name), r.err());
    assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
  }

  @Test
  void threadsBelowOneExitTwo() {
    Run r = run("reproduce", "he2015", "--quick", "--threads", "0");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("--threads 0"), r.err());
  }

  @Test
  void noNameExitsTwo() {
    Run r = run("reproduce");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("glorot2010"), r.err());
  }
}
