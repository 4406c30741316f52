package org.deepgrad.init;

import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The initializers, by factory and by name. All fan-based ones follow torch.nn.init: a standard
 * deviation from fan and gain, and for uniform draws bound = √3·std.
 *
 * <pre>
 * name                         distribution                     reference
 * standard                     U(±1/√fanIn)                     Glorot and Bengio 2010, eq. 1; torch's Linear default
 * xavier_uniform / _normal     std = gain·√(2/(fanIn+fanOut))   Glorot and Bengio 2010
 * kaiming_/he_uniform, _normal std = gain/√fan, gain √2 (relu)  He et al. 2015
 * lecun_uniform / _normal      std = 1/√fanIn                   LeCun et al., Efficient BackProp, 1998
 * orthogonal                   gain·Q of a QR                   Saxe et al. 2014
 * zeros, ones                  constant
 * uniform, normal              U[0, 1), N(0, 1)                 torch's uniform_ and normal_ with their defaults
 * </pre>
 *
 * <p>torch's default {@code nn.Linear} init is {@code kaiming_uniform_(a=√5)} for the weight, which
 * is exactly {@link #standard()}, U(±1/√fanIn), and U(±1/√fanIn) of the weight's fanIn for the bias.
 */
public final class Init {
  private static final Map<String, Initializer> BY_NAME = new TreeMap<>(Map.ofEntries(
      entry("zeros", zeros()), entry("ones", ones()), entry("standard", standard()),
      entry("xavier_uniform", xavierUniform(1)), entry("xavier_normal", xavierNormal(1)),
      entry("glorot_uniform", xavierUniform(1)), entry("glorot_normal", xavierNormal(1)),
      entry("kaiming_uniform", kaimingUniform(0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU)),
      entry("kaiming_normal", kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU)),
      entry("he_uniform", heUniform()), entry("he_normal", heNormal()),
      entry("lecun_uniform", lecunUniform()), entry("lecun_normal", lecunNormal()),
      entry("orthogonal", orthogonal(1)), entry("uniform", uniform(0, 1)), entry("normal", normal(0, 1))));

  private Init() {}

  /**
   * The initializer with this name, with default parameters (gain 1; kaiming_* with torch's defaults
   * a = 0, fan_in, leaky_relu, which equal he_*; uniform U[0, 1) and normal N(0, 1), torch's defaults,
   * whatever the fan). Names are listed in the class comment.
   */
  public static Initializer byName(String name) {
    Initializer init = name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    if (init == null) {
      throw new IllegalArgumentException("unknown initializer '" + name + "'; valid names: " + BY_NAME.keySet());
    }
    return init;
  }

  /**
   * The gain {@code init} draws with: xavier and orthogonal their {@code gain}, kaiming (he, lecun)
   * {@code Gain.calculate(nonlinearity, a)}; empty for the others (standard, constants, uniform, normal).
   */
  public static OptionalDouble gainOf(Initializer init) {
    if (init instanceof XavierUniform x) return OptionalDouble.of(x.gain());
    if (init instanceof XavierNormal x) return OptionalDouble.of(x.gain());
    if (init instanceof Orthogonal o) return OptionalDouble.of(o.gain());
    if (init instanceof KaimingUniform k) return OptionalDouble.of(Gain.calculate(k.nonlinearity(), k.a()));
    if (init instanceof KaimingNormal k) return OptionalDouble.of(Gain.calculate(k.nonlinearity(), k.a()));
    return OptionalDouble.empty();
  }

  /** All zeros: torch's {@code zeros_}. */
  public static Initializer zeros() {
    return new Constant(0);
  }

  /** All ones: torch's {@code ones_}. */
  public static Initializer ones() {
    return new Constant(1);
  }

  /** Every element {@code value}: torch's {@code constant_}. */
  public static Initializer constant(double value) {
    return new Constant(value);
  }

  /** U[a, b): torch's {@code uniform_}. */
  public static Initializer uniform(double a, double b) {
    return new Uniform(a, b);
  }

  /** N(mean, std²): torch's {@code normal_}. */
  public static Initializer normal(double mean, double std) {
    return new Normal(mean, std);
  }

  /** U(±gain·√(6/(fanIn+fanOut))): torch's {@code xavier_uniform_}. See {@link XavierUniform}. */
  public static FanBased xavierUniform(double gain) {
    return new XavierUniform(gain);
  }

  /** N(0, gain²·2/(fanIn+fanOut)): torch's {@code xavier_normal_}. See {@link XavierNormal}. */
  public static FanBased xavierNormal(double gain) {
    return new XavierNormal(gain);
  }

  /** U(±√3·gain/√fan): torch's {@code kaiming_uniform_}. See {@link KaimingUniform}. */
  public static FanBased kaimingUniform(double a, FanMode mode, Nonlinearity nonlinearity) {
    return new KaimingUniform(a, mode, nonlinearity);
  }

  /** N(0, gain²/fan): torch's {@code kaiming_normal_}. See {@link KaimingNormal}. */
  public static FanBased kaimingNormal(double a, FanMode mode, Nonlinearity nonlinearity) {
    return new KaimingNormal(a, mode, nonlinearity);
  }

  /** He uniform for ReLU, U(±√(6/fanIn)): kaimingUniform(0, FAN_IN, RELU). */
  public static FanBased heUniform() {
    return kaimingUniform(0, FanMode.FAN_IN, Nonlinearity.RELU);
  }

  /** He normal for ReLU, N(0, 2/fanIn): kaimingNormal(0, FAN_IN, RELU). */
  public static FanBased heNormal() {
    return kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.RELU);
  }

  /** LeCun uniform, U(±√(3/fanIn)) (variance 1/fanIn): kaimingUniform(0, FAN_IN, LINEAR). */
  public static FanBased lecunUniform() {
    return kaimingUniform(0, FanMode.FAN_IN, Nonlinearity.LINEAR);
  }

  /**
   * LeCun normal, N(0, 1/fanIn) (LeCun, Bottou, Orr and Müller, "Efficient BackProp", 1998, §4.6):
   * kaimingNormal(0, FAN_IN, LINEAR). Not truncated, unlike Keras' lecun_normal.
   */
  public static FanBased lecunNormal() {
    return kaimingNormal(0, FanMode.FAN_IN, Nonlinearity.LINEAR);
  }

  /** gain·(semi-)orthogonal matrix: torch's {@code orthogonal_}. See {@link Orthogonal}. */
  public static Initializer orthogonal(double gain) {
    return new Orthogonal(gain);
  }

  /** U(±1/√fanIn), Glorot and Bengio's "standard" init and torch's Linear default. See {@link Standard}. */
  public static FanBased standard() {
    return new Standard();
  }
}
