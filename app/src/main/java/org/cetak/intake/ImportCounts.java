package org.cetak.intake;

/**
 * What an applied import did.
 *
 * @param created new requests queued for NIKs this office has no request for
 * @param reopened new requests queued for NIKs whose last request is closed (withdrawn, or handed
 *     over and a new record came: the card lost, damaged or its data changed), each naming the
 *     request before it
 * @param updated queued requests whose record changed (status history kept)
 * @param withdrawn requests withdrawn because their upstream status is no longer print-ready
 * @param unchanged rows identical to what is already there, and rows of a closed request that bring
 *     no newer record (an older export, or the record a handed-over card was printed from)
 * @param notReady new rows whose upstream status is not print-ready: no request made
 * @param locked changed rows of requests already printing or printed: not applied
 */
public record ImportCounts(
    long created,
    long reopened,
    long updated,
    long withdrawn,
    long unchanged,
    long notReady,
    long locked) {

  public static ImportCounts zero() {
    return new ImportCounts(0, 0, 0, 0, 0, 0, 0);
  }

  /** Whether the import changed nothing at all. */
  public boolean noChange() {
    return created == 0 && reopened == 0 && updated == 0 && withdrawn == 0;
  }
}
