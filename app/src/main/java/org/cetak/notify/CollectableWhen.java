package org.cetak.notify;

/**
 * When an office's card counts as collectable, and so when its notice is written: the office's one
 * switch of the print room's quality check (pemeriksaan kartu).
 */
public enum CollectableWhen {
  /** When the print station marks it printed: the office does not check its cards. */
  PRINTED,
  /**
   * When it passes the print room's quality check (the default): printing alone writes no notice,
   * the card waits to be checked and the check calls {@link Notices#cardCollectable}.
   */
  QUALITY_CHECKED
}
