package org.cetak.notify;

/** When an office's card counts as collectable, and so when its notice is written. */
public enum CollectableWhen {
  /** When the print station marks it printed (the default). */
  PRINTED,
  /**
   * When it passes the print room's quality check: the check calls {@link Notices#cardCollectable};
   * printing alone writes no notice.
   */
  QUALITY_CHECKED
}
