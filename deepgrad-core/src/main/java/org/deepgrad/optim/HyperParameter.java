package org.deepgrad.optim;

/**
 * One hyper-parameter of a preset of {@link OptimizerRegistry}, under torch.optim's name, as a
 * config file or a command line gives it.
 *
 * @param name torch's name ({@code weight_decay}, {@code betas})
 * @param kind how its value is written
 * @param defaultValue torch's default: a Double, a Boolean, or a List of two Doubles (a pair); null
 *     when torch requires the value (SGD's lr)
 */
public record HyperParameter(String name, Kind kind, Object defaultValue) {

  /** How a value is written. */
  public enum Kind {
    /** A number ({@code lr: 0.01}). */
    NUMBER,
    /** true or false ({@code amsgrad: true}). */
    BOOLEAN,
    /** Two numbers ({@code betas: [0.9, 0.999]}). */
    PAIR
  }

  /** Whether torch has no default for it, so it must be given. */
  public boolean required() {
    return defaultValue == null;
  }
}
