package org.deepgrad.optim.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the schedule specs of the command line into {@link Schedule}s:
 *
 * <pre>
 * constant
 * exponential:GAMMA               lr·GAMMA^step              e.g. exponential:0.95
 * step:STEP_SIZE[:GAMMA]          GAMMA every STEP_SIZE steps e.g. step:10:0.5 (GAMMA 0.1)
 * multistep:M1/M2/..[:GAMMA]      GAMMA at each milestone     e.g. multistep:30/60:0.1
 * cosine[:ETA_MIN]                cosine to ETA_MIN (0) over the steps left in the run
 * linear:START:END:TOTAL_ITERS    torch's LinearLR            e.g. linear:0.1:1:5
 * warmup:STEPS[:START_FACTOR]     linear from START_FACTOR (0.01) to 1 over STEPS
 * A,B,...                         in sequence; every part but the last is warmup or linear
 * </pre>
 *
 * For example {@code warmup:500,cosine} warms up for 500 steps, then anneals over the remaining
 * {@code totalSteps - 500}. The warm-up's default start factor, 0.01, is that of torchvision's
 * reference training scripts ({@code --lr-warmup-decay}).
 */
public final class Schedules {
  /** The start factor of {@code warmup:STEPS} when none is given. */
  public static final double WARMUP_START_FACTOR = 0.01;

  static final String FORMS = "constant | exponential:GAMMA | step:STEP_SIZE[:GAMMA] | "
      + "multistep:M1/M2/...[:GAMMA] | cosine[:ETA_MIN] | linear:START_FACTOR:END_FACTOR:TOTAL_ITERS | "
      + "warmup:STEPS[:START_FACTOR] | several of these joined by ',' (e.g. warmup:500,cosine), "
      + "all but the last being warmup or linear";

  private Schedules() {}

  /** A schedule and how many steps it lasts before the next may start (0: open-ended). */
  private record Part(Schedule schedule, long length) {}

  /**
   * The schedule a spec describes.
   *
   * @param totalSteps the schedule steps in the whole run (batches or epochs, per the
   *     {@link StepUnit}); cosine anneals over what is left of them
   * @throws IllegalArgumentException naming the bad part and listing the valid forms
   */
  public static Schedule parse(String spec, long totalSteps) {
    if (spec == null || spec.isBlank()) throw error(spec, "it is empty");
    String[] texts = spec.split(",", -1);
    List<Schedule> schedules = new ArrayList<>();
    List<Long> milestones = new ArrayList<>();
    long offset = 0;
    for (int i = 0; i < texts.length; i++) {
      String text = texts[i].trim();
      Part part;
      try {
        part = part(text, totalSteps - offset, offset);
      } catch (IllegalArgumentException e) {
        throw error(spec, "part '" + text + "': " + e.getMessage());
      }
      schedules.add(part.schedule());
      if (i < texts.length - 1) {
        if (part.length() == 0) {
          throw error(spec, "part '" + text + "' has no fixed length, so no part can follow it; "
              + "only warmup and linear parts can come before another");
        }
        offset += part.length();
        milestones.add(offset);
      }
    }
    return schedules.size() == 1 ? schedules.get(0) : new Sequence(schedules, milestones);
  }

  private static Part part(String text, long remaining, long before) {
    String[] f = text.split(":", -1);
    String name = f[0].trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "constant":
        arity(f, 0, 0);
        return new Part(new Constant(), 0);
      case "exponential":
        arity(f, 1, 1);
        return new Part(new Exponential(number(f[1], "gamma")), 0);
      case "step":
        arity(f, 1, 2);
        return new Part(new StepDecay(whole(f[1], "step_size"), f.length > 2 ? number(f[2], "gamma") : 0.1), 0);
      case "multistep":
        arity(f, 1, 2);
        List<Long> milestones = new ArrayList<>();
        for (String m : f[1].split("/", -1)) milestones.add(whole(m, "milestone"));
        return new Part(new MultiStep(milestones, f.length > 2 ? number(f[2], "gamma") : 0.1), 0);
      case "cosine":
        arity(f, 0, 1);
        if (remaining <= 0) {
          throw new IllegalArgumentException("cosine anneals over the steps left in the run, but the run has "
              + (remaining + before) + " total steps and " + before + " come before it; pass the run's total steps");
        }
        return new Part(new CosineAnnealing(remaining, f.length > 1 ? number(f[1], "eta_min") : 0), 0);
      case "linear":
        arity(f, 3, 3);
        LinearFactor linear = new LinearFactor(number(f[1], "start_factor"), number(f[2], "end_factor"),
            whole(f[3], "total_iters"));
        return new Part(linear, linear.totalIters());
      case "warmup":
        arity(f, 1, 2);
        double start = f.length > 2 ? number(f[2], "start_factor") : WARMUP_START_FACTOR;
        LinearFactor warmup = new LinearFactor(start, 1, whole(f[1], "steps"));
        return new Part(warmup, warmup.totalIters());
      default:
        throw new IllegalArgumentException("unknown schedule '" + name + "'");
    }
  }

  private static void arity(String[] f, int min, int max) {
    int n = f.length - 1;
    if (n < min || n > max) {
      String want = min == max ? String.valueOf(min) : min + " to " + max;
      throw new IllegalArgumentException(f[0].trim() + " takes " + want + " argument(s) after ':', got " + n);
    }
  }

  private static double number(String s, String what) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + s + "' is not a number");
    }
  }

  private static long whole(String s, String what) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " '" + s + "' is not a whole number");
    }
  }

  private static IllegalArgumentException error(String spec, String problem) {
    return new IllegalArgumentException("bad schedule spec '" + spec + "': " + problem + ". Valid forms: " + FORMS);
  }
}
