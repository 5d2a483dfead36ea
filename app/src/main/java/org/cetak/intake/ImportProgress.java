package org.cetak.intake;

/** Progress of an import, for a progress bar. Called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

  /**
   * Reports how far the import has read.
   *
   * @param bytesRead bytes of the records file read so far
   * @param totalBytes its size, 0 when unknown
   * @param rows rows read so far
   */
  void update(long bytesRead, long totalBytes, long rows);

  static ImportProgress none() {
    return (bytesRead, totalBytes, rows) -> {};
  }
}
