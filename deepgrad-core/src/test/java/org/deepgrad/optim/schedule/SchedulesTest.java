package org.deepgrad.optim.schedule;

import static org.deepgrad.optim.schedule.ScheduleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulesTest {

  @Test
  void parsesEachForm() {
    assertEquals(new Constant(), Schedules.parse("constant", 100));
    assertEquals(new Exponential(0.95), Schedules.parse("exponential:0.95", 100));
    assertEquals(new StepDecay(10, 0.5), Schedules.parse("step:10:0.5", 100));
    assertEquals(new StepDecay(10, 0.1), Schedules.parse("step:10", 100));
    assertEquals(new MultiStep(List.of(30L, 60L), 0.2), Schedules.parse("multistep:30/60:0.2", 100));
    assertEquals(new CosineAnnealing(100, 0), Schedules.parse("cosine", 100));
    assertEquals(new CosineAnnealing(100, 1e-5), Schedules.parse(" Cosine:1e-5 ", 100));
    assertEquals(new LinearFactor(0.1, 1, 5), Schedules.parse("linear:0.1:1:5", 100));
    assertEquals(new LinearFactor(0.01, 1, 50), Schedules.parse("warmup:50", 100));
  }

  @Test
  void warmupThenCosineAnnealsOverTheRest() {
    Schedule expected = new Sequence(List.of(new LinearFactor(0.01, 1, 500), new CosineAnnealing(9_500, 0)), List.of(500L));
    assertEquals(expected, Schedules.parse("warmup:500,cosine", 10_000));
  }

  @Test
  void milestonesAccumulateOverSeveralParts() {
    Schedule expected = new Sequence(
        List.of(new LinearFactor(0.1, 1, 10), new LinearFactor(1, 0.5, 20), new Exponential(0.99)), List.of(10L, 30L));
    assertEquals(expected, Schedules.parse("warmup:10:0.1,linear:1:0.5:20,exponential:0.99", 0));
  }

  @Test
  void errorsNameTheBadPartAndListTheValidForms() {
    assertMessage(() -> Schedules.parse("cosin", 100), "unknown schedule 'cosin'");
    assertMessage(() -> Schedules.parse("cosin", 100), "Valid forms: constant | exponential:GAMMA");
    assertMessage(() -> Schedules.parse("step:ten:0.5", 100), "part 'step:ten:0.5': step_size 'ten' is not a whole number");
    assertMessage(() -> Schedules.parse("exponential", 100), "exponential takes 1 argument(s) after ':', got 0");
    assertMessage(() -> Schedules.parse("exponential:-1", 100), "gamma must be finite and > 0");
    assertMessage(() -> Schedules.parse("cosine,warmup:5", 100), "part 'cosine' has no fixed length");
    assertMessage(() -> Schedules.parse("warmup:500,cosine", 500), "the run has 500 total steps and 500 come before it");
    assertMessage(() -> Schedules.parse("warmup:5,", 100), "part '': unknown schedule ''");
    assertMessage(() -> Schedules.parse(" ", 100), "it is empty");
    assertMessage(() -> Schedules.parse("multistep:30/x", 100), "milestone 'x' is not a whole number");
  }
}
