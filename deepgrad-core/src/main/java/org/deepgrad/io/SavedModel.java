package org.deepgrad.io;

import org.deepgrad.nn.Sequential;

/**
 * A model read by {@link ModelFiles#load}: the network, in evaluation mode with its saved weights and
 * buffers, and the card it was saved with.
 *
 * @param model the rebuilt network, in evaluation mode
 * @param card its spec, task, classes, preprocessing and info
 */
public record SavedModel(Sequential model, ModelCard card) {}
