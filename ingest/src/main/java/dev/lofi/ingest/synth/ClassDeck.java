package dev.lofi.ingest.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Deals action classes from reshuffled decks of all of them, so every class is about equally frequent. */
final class ClassDeck {

  private final SplittableRandom random;
  private final List<ActionClass> deck = new ArrayList<>();

  ClassDeck(SplittableRandom random) {
    this.random = random;
  }

  ActionClass next() {
    if (deck.isEmpty()) {
      deck.addAll(List.of(ActionClass.values()));
      Collections.shuffle(deck, new Random(random.nextLong()));
    }
    return deck.remove(deck.size() - 1);
  }
}
