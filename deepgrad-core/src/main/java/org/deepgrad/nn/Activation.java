package org.deepgrad.nn;

import java.util.Arrays;
import java.util.Locale;
import org.deepgrad.ops.ActivationFn;
import org.deepgrad.ops.Activations;
import org.deepgrad.tensor.Tensor;

/**
 * An element-wise activation as a layer: {@code Activation.relu()}, {@code Activation.leakyRelu(0.01f)},
 * or by name ({@link #byName(String)}) for configs. Each wraps the op of the same name on
 * {@link Tensor}, where its formula and derivative are documented.
 */
public final class Activation extends Module {
  private final Kind kind;
  private final String label;
  private final ActivationFn fn; // null for the identity and ReLU, which have their own code

  /** The activation families, with their names in configs and on the command line. */
  public enum Kind {
    /** {@code x}. */
    IDENTITY,
    /** {@code 1 / (1 + e^-x)}. */
    SIGMOID,
    /** {@code tanh(x)}. */
    TANH,
    /** {@code max(0, x)}. */
    RELU,
    /** {@code x if x > 0 else 0.01·x} by default. */
    LEAKY_RELU,
    /** {@code x if x > 0 else e^x − 1} by default. */
    ELU,
    /** Exact GELU, {@code x·Φ(x)}. */
    GELU,
    /** {@code log(1 + e^x)}. */
    SOFTPLUS,
    /** {@code x / (1 + |x|)}. */
    SOFTSIGN,
    /** {@code clamp(x, −1, 1)} by default. */
    HARDTANH;

    /** The config name, e.g. {@code leaky_relu}. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private Activation(Kind kind, String label, ActivationFn fn) {
    this.kind = kind;
    this.label = label;
    this.fn = fn;
  }

  /** {@code f(x) = x}: no nonlinearity (torch.nn.Identity). */
  public static Activation identity() {
    return new Activation(Kind.IDENTITY, "Identity", null);
  }

  /** {@code 1 / (1 + e^-x)}. */
  public static Activation sigmoid() {
    return new Activation(Kind.SIGMOID, "Sigmoid", Activations.sigmoidFn());
  }

  /** {@code tanh(x)}, range (−1, 1) (torch.nn.Tanh). */
  public static Activation tanh() {
    return new Activation(Kind.TANH, "Tanh", Activations.tanhFn());
  }

  /** {@code max(0, x)}. */
  public static Activation relu() {
    return new Activation(Kind.RELU, "ReLU", null);
  }

  /** {@code x if x > 0 else slope·x}; torch's default slope is 0.01. */
  public static Activation leakyRelu(float negativeSlope) {
    return new Activation(Kind.LEAKY_RELU, "LeakyReLU(" + negativeSlope + ")", Activations.leakyReluFn(negativeSlope));
  }

  /** {@code x if x > 0 else α(e^x − 1)}; torch's default α is 1. */
  public static Activation elu(float alpha) {
    return new Activation(Kind.ELU, "ELU(" + alpha + ")", Activations.eluFn(alpha));
  }

  /** Exact GELU, {@code x·Φ(x)}. */
  public static Activation gelu() {
    return new Activation(Kind.GELU, "GELU", Activations.geluFn());
  }

  /** {@code log(1 + e^x)}, a smooth ReLU; torch's defaults beta 1, threshold 20 (torch.nn.Softplus). */
  public static Activation softplus() {
    return new Activation(Kind.SOFTPLUS, "Softplus", Activations.softplusFn(1f, 20f));
  }

  /** {@code x / (1 + |x|)}. */
  public static Activation softsign() {
    return new Activation(Kind.SOFTSIGN, "Softsign", Activations.softsignFn());
  }

  /** {@code clamp(x, min, max)}; torch's default range is [-1, 1]. */
  public static Activation hardtanh(float min, float max) {
    if (!(min < max)) throw new IllegalArgumentException("hardtanh needs min < max, got " + min + ", " + max);
    return new Activation(Kind.HARDTANH, "Hardtanh(" + min + ", " + max + ")", Activations.hardtanhFn(min, max));
  }

  /** The activation of {@code kind} with torch's default parameters. */
  public static Activation of(Kind kind) {
    return switch (kind) {
      case IDENTITY -> identity();
      case SIGMOID -> sigmoid();
      case TANH -> tanh();
      case RELU -> relu();
      case LEAKY_RELU -> leakyRelu(0.01f);
      case ELU -> elu(1f);
      case GELU -> gelu();
      case SOFTPLUS -> softplus();
      case SOFTSIGN -> softsign();
      case HARDTANH -> hardtanh(-1f, 1f);
    };
  }

  /** The activation named {@code name} (e.g. {@code relu}, {@code leaky_relu}), torch's defaults. */
  public static Activation byName(String name) {
    for (Kind k : Kind.values()) {
      if (k.configName().equals(name.trim().toLowerCase(Locale.ROOT))) return of(k);
    }
    throw new IllegalArgumentException("unknown activation '" + name + "'; choose one of "
        + Arrays.stream(Kind.values()).map(Kind::configName).toList());
  }

  /** The activation family of this layer. */
  public Kind kind() {
    return kind;
  }

  @Override
  public Tensor forward(Tensor x) {
    return switch (kind) {
      case IDENTITY -> x;
      case RELU -> Activations.relu(x);
      default -> fn.apply(x);
    };
  }

  @Override
  public BufferedPass bufferedPass() {
    return kind == Kind.IDENTITY ? BufferedPass.identity() : new ActivationPass(fn);
  }

  @Override
  public String toString() {
    return label;
  }
}
