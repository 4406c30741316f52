package org.deepgrad.init;

/**
 * Which fan scales a He (Kaiming) initializer, torch's {@code mode}: FAN_IN preserves the variance
 * of activations in the forward pass, FAN_OUT that of gradients in the backward pass (He et al., 2015).
 */
public enum FanMode {
  /** Scale by fanIn: keeps the forward activations' variance (torch's {@code 'fan_in'}, the default). */
  FAN_IN,
  /** Scale by fanOut: keeps the backward gradients' variance (torch's {@code 'fan_out'}). */
  FAN_OUT
}
