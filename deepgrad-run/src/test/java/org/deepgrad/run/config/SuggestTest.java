package org.deepgrad.run.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {
  private static final List<String> KEYS = List.of("lr", "momentum", "weight_decay", "betas", "eps");

  @Test
  void levenshteinDistance() {
    assertEquals(3, Suggest.distance("kitten", "sitting"));
    assertEquals(0, Suggest.distance("lr", "lr"));
    assertEquals(2, Suggest.distance("", "ab"));
  }

  @Test
  void nearestKeyForTyposAndSynonyms() {
    assertEquals(Optional.of("momentum"), Suggest.nearest("momentun", KEYS));
    assertEquals(Optional.of("weight_decay"), Suggest.nearest("weight-decay", KEYS));
    assertEquals(Optional.of("weight_decay"), Suggest.nearest("wieght_decay", KEYS));
    assertEquals(Optional.of("lr"), Suggest.nearest("learning_rate", KEYS));
    assertEquals(Optional.of("betas"), Suggest.nearest("beta1", KEYS));
    assertEquals(Optional.empty(), Suggest.nearest("temperature", KEYS));
  }
}
