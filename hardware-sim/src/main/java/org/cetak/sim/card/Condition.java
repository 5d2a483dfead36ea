package org.cetak.sim.card;

/** The physical state of a card's face. */
public enum Condition {
  /** Nothing printed on it. */
  BLANK,
  /** Every loaded panel printed. */
  PRINTED,
  /** The ribbon ended while it was printed: spoiled. */
  PARTLY_PRINTED,
  /** Printed with an overheated head: melted and spoiled. */
  MELTED
}
