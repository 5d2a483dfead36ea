package org.cetak.printing.face;

/** A face of the card: the front (<i>muka depan</i>) or the back (<i>muka belakang</i>). */
public enum CardSide {
  FRONT,
  BACK
}
