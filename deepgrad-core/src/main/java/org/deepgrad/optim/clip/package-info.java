/**
 * Gradient clipping ({@link org.deepgrad.optim.clip.Clip}, before the step) and weight constraints
 * ({@link org.deepgrad.optim.clip.WeightClip}, {@link org.deepgrad.optim.clip.MaxNorm}, after it).
 * See docs/optimizers.md.
 */
package org.deepgrad.optim.clip;
