package org.deepgrad.run.reproduce;

/**
 * One qualitative claim of a paper (or article) and whether our numbers reproduce it.
 *
 * @param claim the claim, in a few words
 * @param source what the paper reports, with the figure or table
 * @param measured our numbers that decide it
 * @param criterion the test applied to them, stated so that anyone can recompute it
 * @param reproduced the outcome of the criterion
 */
record Claim(String claim, String source, String measured, String criterion, boolean reproduced) {
  /** REPRODUCED or NOT REPRODUCED. */
  String verdict() {
    return reproduced ? "REPRODUCED" : "NOT REPRODUCED";
  }
}
