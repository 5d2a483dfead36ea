package org.cetak.consolidation;

/** What a status push tells the centre about a card. */
public enum PushKind {
  /** The card was printed (its chip personalised): the centre consolidates its data. */
  PRINTED,
  /** The card was handed over to its resident at the counter. */
  HANDED_OVER
}
