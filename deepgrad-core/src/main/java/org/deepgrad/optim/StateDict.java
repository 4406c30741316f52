package org.deepgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of an {@link Optimizer}, keyed by parameter name (never identity), as torch's
 * {@code state_dict}: loading it into the same preset built over a fresh model with the same names
 * continues the run bit for bit. It holds plain values only, for any file format (no Java
 * serialization); the arrays are copies that belong to the dict.
 *
 * @param optimizer the preset's name ({@code "adam"}), checked on load
 * @param steps how many times {@link Optimizer#step()} ran
 * @param lrs the learning rate in force for each parameter group, in order
 * @param params the state of each parameter that has taken a step, in the optimizer's order
 */
public record StateDict(String optimizer, long steps, List<Double> lrs, Map<String, ParamState> params) {

  /** Copies {@code lrs} and {@code params} into unmodifiable collections (the buffer arrays are kept as given). */
  public StateDict {
    lrs = List.copyOf(lrs);
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * One parameter's state.
   *
   * @param step the parameter's own step count (torch's {@code state['step']})
   * @param buffers its transforms' buffers by torch's names ({@code exp_avg}, {@code momentum_buffer}...)
   */
  public record ParamState(long step, Map<String, float[]> buffers) {
    /** Copies {@code buffers} into an unmodifiable map, keeping its order (the arrays are kept as given). */
    public ParamState {
      buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
    }
  }
}
