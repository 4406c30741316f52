/**
 * Optimizers with torch.optim 1.13's semantics, built as chains of gradient transforms
 * ({@link org.deepgrad.optim.transform}): SGD (with momentum and Nesterov), AdaGrad, RMSprop,
 * Adadelta, Adam, AdamW, Adamax, NAdam and RAdam, in {@link org.deepgrad.optim.Optimizers} and by
 * name in {@link org.deepgrad.optim.OptimizerRegistry}; parameter groups
 * ({@link org.deepgrad.optim.ParamGroup}); state dicts keyed by parameter name; clipping and
 * weight constraints in {@link org.deepgrad.optim.clip}. They work on parameters' raw arrays and
 * never on the autograd graph.
 *
 * <p><b>Gradient descent, stochastic and mini-batch are one optimizer.</b> "Gradient descent"
 * (full batch), "stochastic gradient descent" (one example per step) and "mini-batch gradient
 * descent" differ only in how many examples the loss that produced the gradient averaged over;
 * the update rule is the same {@link org.deepgrad.optim.Optimizers#sgd} (or any other preset).
 * Feed the optimizer gradients of the whole set, of one example, or of a batch of B: the batch
 * size decides the noise in each step and the number of steps per epoch, not the algorithm.
 *
 * <p>The order of a training step: backward, {@link org.deepgrad.optim.clip.Clip} on gradients,
 * {@link org.deepgrad.optim.Optimizer#step()} (which then applies the registered
 * {@link org.deepgrad.optim.clip.Constraint}s), then the schedule's {@code setLr} for the next step.
 * See docs/optimizers.md for each rule, its defaults and where the tutorials' formulas differ.
 */
package org.deepgrad.optim;
