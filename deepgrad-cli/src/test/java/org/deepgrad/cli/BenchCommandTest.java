package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code deepgrad bench} on a tiny model: the JSON's keys and sane values (no timing assertions). */
class BenchCommandTest {
  @Test
  void jsonHasTheFiguresAndTheConfig() throws Exception {
    Cli.Run r = Cli.run("bench", "--model", "20-16-8-4", "--batch-size", "8", "--warmup-steps", "2", "--windows", "3",
        "--window-steps", "4", "--threads", "1", "--optimizer", "adam", "--json");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.get("samples_per_s").asDouble() > 0, r.out());
    assertTrue(j.get("gflops").asDouble() > 0, r.out());
    assertTrue(j.get("alloc_bytes_per_step").isNull() || j.get("alloc_bytes_per_step").asLong() > 0, r.out());
    assertTrue(j.get("peak_rss_bytes").isNull() || j.get("peak_rss_bytes").asLong() > 1 << 20, r.out());
    assertEquals(3, j.get("window_samples_per_s").size(), r.out());
    JsonNode c = j.get("config");
    assertEquals("20-16-8-4", c.get("model").asText());
    assertEquals("adam", c.get("optimizer").asText());
    assertEquals(1, c.get("threads").asInt());
    assertTrue(c.get("machine").asText().contains(org.deepgrad.backend.CpuInfo.describe()), r.out());
    // 2·8·(20·16 + 16·8 + 8·4) forward, the same for weight gradients, input gradients but the first layer's.
    assertEquals(2L * 8 * (20 * 16 + 16 * 8 + 8 * 4) * 2 + 2L * 8 * (16 * 8 + 8 * 4), c.get("flops_per_step").asLong());
    assertEquals(20 * 16 + 16 + 16 * 8 + 8 + 8 * 4 + 4, c.get("parameters").asLong());
  }

  @Test
  void textReportsTheMedianAndHiddenSpecsWork() {
    Cli.Run r = Cli.run("bench", "--hidden", "8x2", "--batch-size", "4", "--warmup-steps", "0", "--windows", "1",
        "--window-steps", "2");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("784-8-8-10") && r.out().contains("median:") && r.out().contains("matmul: "), r.out());
    assertFalse(r.out().contains("of peak"), "no peak given, no share of one: " + r.out());
    assertTrue(r.out().contains("machine: " + org.deepgrad.backend.CpuInfo.describe() + "; "), r.out());
  }

  @Test
  void aPeakGivenGivesTheProductsShareOfIt() throws Exception {
    Cli.Run r = Cli.run("bench", "--hidden", "8", "--batch-size", "4", "--warmup-steps", "0", "--windows", "1",
        "--window-steps", "2", "--threads", "1", "--peak-gflops", "229.7", "--json");
    assertEquals(0, r.code(), r.toString());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(229.7, j.get("config").get("peak_gflops").asDouble(), 1e-9);
    assertEquals(j.get("gflops").asDouble() / 229.7, j.get("fraction_of_peak").asDouble(), 1e-12);
  }

  @Test
  void badOptionsExitWithTwo() {
    for (String[] bad : new String[][] {{"--model", "784-x-10"}, {"--model", "784"}, {"--batch-size", "0"},
        {"--windows", "0"}, {"--threads", "0"}, {"--optimizer", "nope"}, {"--model", "10-5", "--hidden", "5"},
        {"--hidden", "0x3"}, {"--peak-gflops", "-1"}, {"--activation", "nope"}, {"--window-steps", "many"}}) {
      String[] args = new String[bad.length + 1];
      args[0] = "bench";
      System.arraycopy(bad, 0, args, 1, bad.length);
      Cli.Run r = Cli.run(args);
      assertEquals(2, r.code(), String.join(" ", bad) + ": " + r);
    }
  }
}
