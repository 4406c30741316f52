package org.deepgrad.run.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The nearest valid name for a typo, by Levenshtein distance (insertions, deletions and
 * substitutions each cost 1), after a few common synonyms ({@code learning_rate} for {@code lr}).
 */
public final class Suggest {
  /** Synonyms from other libraries and papers, mapped to deepgrad's (torch's) names. */
  private static final Map<String, String> SYNONYMS = Map.of("learning_rate", "lr", "epsilon", "eps",
      "beta1", "betas", "beta2", "betas", "batchsize", "batch_size", "optimiser", "optimizer",
      "scheduler", "schedule", "l2_reg", "l2", "clipnorm", "clip_norm", "clipvalue", "clip_value");

  private Suggest() {}

  /**
   * The candidate nearest to {@code typo}, if it is close enough to be a plausible typo: at most 2
   * edits, or a third of the longer name, ignoring case and treating '-' as '_'.
   */
  public static Optional<String> nearest(String typo, Collection<String> candidates) {
    String t = normalize(typo);
    String synonym = SYNONYMS.get(t);
    if (synonym != null && candidates.contains(synonym)) return Optional.of(synonym);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(t, normalize(c));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) return Optional.empty();
    int allowed = Math.max(2, Math.max(t.length(), best.length()) / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** "; did you mean `x`?" for the nearest candidate, or "" when none is close. */
  public static String didYouMean(String typo, Collection<String> candidates) {
    return nearest(typo, candidates).map(s -> "; did you mean `" + s + "`?").orElse("");
  }

  /** The Levenshtein distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String normalize(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
  }
}
