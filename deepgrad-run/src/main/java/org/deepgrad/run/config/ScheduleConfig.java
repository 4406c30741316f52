package org.deepgrad.run.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepgrad.optim.schedule.Schedules;
import org.deepgrad.optim.schedule.StepUnit;

/**
 * The {@code schedule} section: the learning-rate schedule as a {@link Schedules} spec and the unit
 * it steps in. {@code schedule: warmup:500,cosine} is short for {@code schedule: {spec: ...}}, and a
 * composed schedule may also be a list, {@code spec: [warmup:500, cosine]}.
 *
 * @param spec the spec, parts joined by ',' (e.g. {@code warmup:500,cosine}); {@code constant} by default
 * @param unit whether the schedule advances per batch (default) or per epoch
 */
public record ScheduleConfig(String spec, StepUnit unit) {
  /** The step units by config name. */
  public static final List<String> UNITS = List.of("batch", "epoch");
  static final List<String> KEYS = List.of("spec", "unit");
  /** A run length for checking a spec before the real one is known; cosine only needs it positive. */
  private static final long CHECK_STEPS = 1L << 40;

  /** The schedule {@code spec} ({@link Schedules}: {@code cosine}, {@code warmup:500,cosine}, ...), stepping per batch. */
  public static ScheduleConfig of(String spec) {
    return new ScheduleConfig(spec, StepUnit.BATCH);
  }

  /** A constant learning rate. */
  public static ScheduleConfig constant() {
    return of("constant");
  }

  static ScheduleConfig read(ConfigNode n) {
    n.allowOnly(KEYS);
    String spec = Defaults.SCHEDULE;
    JsonNode v = n.raw("spec");
    if (v != null && v.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode p : v) {
        if (!p.isTextual()) throw n.bad("spec", "every part of a schedule list must be text such as warmup:500");
        parts.add(p.asText());
      }
      spec = String.join(",", parts);
    } else if (v != null) {
      spec = n.text("spec", null);
    }
    try {
      Schedules.parse(spec, CHECK_STEPS);
    } catch (IllegalArgumentException e) {
      throw n.bad("spec", e.getMessage());
    }
    StepUnit unit = StepUnit.valueOf(n.choice("unit", "batch", UNITS).toUpperCase(Locale.ROOT));
    return new ScheduleConfig(spec, unit);
  }

  /** This section with {@code spec} as given; {@link TrainConfig#validated} checks it. */
  public ScheduleConfig withSpec(String spec) {
    return new ScheduleConfig(spec, unit);
  }

  /** This section with {@code unit} as given; {@link TrainConfig#validated} checks it. */
  public ScheduleConfig withUnit(StepUnit unit) {
    return new ScheduleConfig(spec, unit);
  }
}
