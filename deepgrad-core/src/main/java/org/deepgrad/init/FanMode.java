package org.deepgrad.init;

/**
 * Which fan scales a He (Kaiming) initializer, torch's {@code mode}: FAN_IN preserves the variance
 * of activations in the forward pass, FAN_OUT that of gradients in the backward pass (He et al., 2015).
 */
public enum FanMode {
  FAN_IN,
  FAN_OUT
}
