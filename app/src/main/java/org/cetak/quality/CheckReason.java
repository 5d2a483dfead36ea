package org.cetak.quality;

import org.cetak.stock.SpoilReason;

/** Why the print room's quality check rejected a printed card; each books its own spoil reason. */
public enum CheckReason {
  /** The face is misprinted: text, photo or layout wrong or out of place (salah cetak). */
  MISPRINT(SpoilReason.QC_MISPRINT),
  /** The colours are wrong: faded, streaked, off-tone (warna tidak sesuai). */
  COLOUR(SpoilReason.QC_COLOUR),
  /** The chip does not answer the reader (chip tidak terbaca). */
  CHIP_UNREADABLE(SpoilReason.QC_CHIP_UNREADABLE),
  /** The card is scratched, bent or cracked (kartu rusak). */
  DAMAGED(SpoilReason.QC_DAMAGED);

  private final SpoilReason spoilReason;

  CheckReason(SpoilReason spoilReason) {
    this.spoilReason = spoilReason;
  }

  /** The reason the spoiled card carries in the ledger and the destruction report. */
  public SpoilReason spoilReason() {
    return spoilReason;
  }
}
