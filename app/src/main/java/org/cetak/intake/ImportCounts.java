package org.cetak.intake;

/**
 * What an applied import did.
 *
 * @param created new requests queued
 * @param updated queued requests whose record changed (status history kept)
 * @param withdrawn requests withdrawn because their upstream status is no longer print-ready
 * @param unchanged rows identical to what is already there
 * @param notReady new rows whose upstream status is not print-ready: no request made
 * @param locked changed rows of requests already printing or printed: not applied
 */
public record ImportCounts(
    long created, long updated, long withdrawn, long unchanged, long notReady, long locked) {

  public static ImportCounts zero() {
    return new ImportCounts(0, 0, 0, 0, 0, 0);
  }

  /** Whether the import changed nothing at all. */
  public boolean noChange() {
    return created == 0 && updated == 0 && withdrawn == 0;
  }
}
