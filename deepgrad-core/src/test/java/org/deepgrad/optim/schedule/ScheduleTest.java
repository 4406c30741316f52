package org.deepgrad.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final double EPS = 1e-15;

  @Test
  void closedFormsAtKnownSteps() {
    assertEquals(0.1, Schedule.constant().lr(1234, 0.1));
    assertEquals(0.1 * 0.81, Schedule.exponential(0.9).lr(2, 0.1), EPS);
    assertEquals(0.1 * 0.25, Schedule.step(3, 0.5).lr(8, 0.1), EPS);
    assertEquals(0.1 * 0.01, Schedule.multistep(new long[] {2, 5}, 0.1).lr(5, 0.1), EPS);
    assertEquals(0.0505, Schedule.cosine(10, 0.001).lr(5, 0.1), EPS);
    assertEquals(0.046, Schedule.linear(0.1, 1, 5).lr(2, 0.1), EPS);
  }

  @Test
  void cosineContinuesPeriodicallyPastTMax() {
    Schedule cosine = Schedule.cosine(10, 0.001);
    assertEquals(0.001, cosine.lr(10, 0.1), EPS);
    assertEquals(cosine.lr(7, 0.1), cosine.lr(13, 0.1), EPS);
    assertEquals(0.1, cosine.lr(20, 0.1), EPS);
  }

  @Test
  void repeatedMilestoneCountsTwiceAsInTorch() {
    assertEquals(0.1 * 0.01, Schedule.multistep(new long[] {3, 3}, 0.1).lr(3, 0.1), EPS);
  }

  @Test
  void sequenceRestartsTheNextScheduleAtItsMilestone() {
    Schedule warmup = Schedule.linear(0.1, 1, 5);
    Schedule cosine = Schedule.cosine(10, 0.001);
    Schedule s = Schedule.sequence(List.of(warmup, cosine), 5);
    for (long k = 0; k < 5; k++) assertEquals(warmup.lr(k, 0.1), s.lr(k, 0.1), EPS, "step " + k);
    for (long k = 5; k < 30; k++) assertEquals(cosine.lr(k - 5, 0.1), s.lr(k, 0.1), EPS, "step " + k);
    assertEquals(0.1, s.lr(5, 0.1), EPS);
    assertEquals(0.001, s.lr(15, 0.1), EPS);
  }

  @Test
  void sequenceOfThree() {
    Schedule s = Schedule.sequence(List.of(Schedule.constant(), Schedule.exponential(0.5), Schedule.constant()), 2, 4);
    double[] expected = {1, 1, 1, 0.5, 1, 1};
    for (int k = 0; k < expected.length; k++) assertEquals(expected[k], s.lr(k, 1), EPS, "step " + k);
  }

  @Test
  void perBatchSteppingAdvancesEveryBatch() {
    double[] seen = new double[1];
    LrStepper stepper = new LrStepper(Schedule.exponential(0.5), 1, StepUnit.BATCH, lr -> seen[0] = lr);
    assertEquals(0.125, stepper.apply(0, 3));
    assertEquals(0.125, seen[0]);
  }

  @Test
  void perEpochSteppingHoldsTheRateThroughAnEpoch() {
    double[] seen = new double[7];
    int[] calls = {0};
    LrStepper stepper = new LrStepper(Schedule.step(1, 0.1), 1, StepUnit.EPOCH, lr -> seen[calls[0]++] = lr);
    long global = 0;
    for (long epoch = 0; epoch < 2; epoch++) {
      for (int batch = 0; batch < 3; batch++) stepper.apply(epoch, global++);
    }
    assertEquals(6, calls[0]);
    for (int i = 0; i < 3; i++) assertEquals(1.0, seen[i], EPS);
    for (int i = 3; i < 6; i++) assertEquals(0.1, seen[i], EPS);
    assertEquals(1, stepper.scheduleStep(1, 5));
  }

  @Test
  void stepperRejectsBadInputs() {
    assertThrows(IllegalArgumentException.class, () -> new LrStepper(Schedule.constant(), -0.1, StepUnit.BATCH, lr -> {}));
    assertThrows(IllegalArgumentException.class, () -> new LrStepper(Schedule.constant(), 0.1, null, lr -> {}));
    LrStepper stepper = new LrStepper(Schedule.constant(), 0.1, StepUnit.BATCH, lr -> {});
    assertThrows(IllegalArgumentException.class, () -> stepper.apply(-1, 0));
  }

  @Test
  void badHyperParametersAreRejectedWithTheirNameAndRange() {
    assertMessage(() -> Schedule.exponential(0), "gamma must be finite and > 0, got 0.0");
    assertMessage(() -> Schedule.exponential(Double.NaN), "gamma");
    assertMessage(() -> Schedule.step(0, 0.5), "step_size must be > 0, got 0");
    assertMessage(() -> Schedule.step(3, -1), "gamma");
    assertMessage(() -> Schedule.multistep(new long[] {5, 2}, 0.1), "increasing");
    assertMessage(() -> Schedule.multistep(new long[] {-1}, 0.1), ">= 0");
    assertMessage(() -> Schedule.cosine(0, 0), "t_max must be > 0");
    assertMessage(() -> Schedule.cosine(10, -1e-3), "eta_min must be finite and >= 0");
    assertMessage(() -> Schedule.linear(0, 1, 5), "start_factor must be in (0, 1]");
    assertMessage(() -> Schedule.linear(0.5, 1.5, 5), "end_factor must be in [0, 1]");
    assertMessage(() -> Schedule.linear(0.5, 1, 0), "total_iters must be > 0");
    assertMessage(() -> Schedule.sequence(List.of(Schedule.constant(), Schedule.constant())), "need 1 milestones");
    assertMessage(() -> Schedule.sequence(List.of(Schedule.constant(), Schedule.constant(), Schedule.constant()), 5, 5),
        "strictly increasing");
    assertMessage(() -> Schedule.constant().lr(-1, 0.1), "step must be >= 0");
  }

  static void assertMessage(Runnable r, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
  }
}
