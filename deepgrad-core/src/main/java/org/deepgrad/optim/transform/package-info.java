/**
 * Gradient transforms, after optax: each {@link org.deepgrad.optim.transform.Transform} turns one
 * parameter's update in place, keeping its per-parameter state in a record of float buffers; a
 * {@link org.deepgrad.optim.transform.Chain} runs them in order. Every preset of
 * {@link org.deepgrad.optim.Optimizers} is such a chain ending in
 * {@link org.deepgrad.optim.transform.ScaleByLearningRate}; the formulas are torch.optim 1.13's.
 */
package org.deepgrad.optim.transform;
