/**
 * Gradient transforms, after optax: each {@link org.deepgrad.optim.transform.Transform} turns one
 * parameter's update in place, keeping its per-parameter state in a record of float buffers; a
 * {@link org.deepgrad.optim.transform.Chain} runs them in order. Every preset of
 * {@link org.deepgrad.optim.Optimizers} is such a chain ending in
 * {@link org.deepgrad.optim.transform.ScaleByLearningRate}; the formulas are torch.optim 1.13's.
 *
 * <p>The chains are the semantics; for speed, {@link org.deepgrad.optim.transform.Chain#fused()}
 * recognises the chains of SGD (momentum, Nesterov, dampening), Adam, AdamW, RMSprop and Adagrad,
 * with weight decay and maximize, and gives a {@link org.deepgrad.optim.transform.Fused} step that
 * does the whole chain in one float pass per parameter over the same states. Any other chain (a custom
 * one, Adadelta, Adamax, NAdam, RAdam) runs link by link. Each rule is written once: the link and the
 * one pass run the same float loop of its transform ({@code ScaleByAdam.run}, {@code Momentum.run}...),
 * the link with the identity around it, the one pass with the chain's weight decay, maximize and
 * learning rate folded in.
 */
package org.deepgrad.optim.transform;
