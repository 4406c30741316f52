package org.deepgrad.diagnostics;

/**
 * What the verdict rules know of a layer's build: a {@link org.deepgrad.nn.Linear} with the
 * normalization and activation that follow it up to the next Linear (see {@link Recorder}).
 *
 * @param name the module path of the Linear, e.g. {@code "0"} or {@code "layers.3.body.0"}
 * @param index the layer's depth, 0 for the first Linear the input meets
 * @param activation the activation of the group, {@code IDENTITY} when it has none (an output layer)
 * @param normalized whether a BatchNorm1d or LayerNorm follows the Linear within the group
 * @param fanIn the Linear's input features
 * @param fanOut the Linear's output features
 * @param initialWeightStd the standard deviation of the weight when the recorder was built, before
 *     training: the trace of the initializer, which {@code Linear} does not record
 */
public record LayerInfo(String name, int index, org.deepgrad.nn.Activation.Kind activation, boolean normalized,
    int fanIn, int fanOut, double initialWeightStd) {}
