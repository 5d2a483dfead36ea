package org.cetak.intake;

/**
 * Finds the payload a record names: a file of a bundle, or a base64 field of the upstream registry.
 */
@FunctionalInterface
public interface PayloadResolver {

  /**
   * Finds one payload of a record.
   *
   * @param column {@code photo}, {@code signature} or {@code fingerprints}
   * @param reference the record's value for that column (a relative path, or base64); not empty
   */
  Resolved resolve(String column, String reference);

  /** What was found. */
  sealed interface Resolved {}

  // A file's bytes handed on once, never compared or printed.
  @SuppressWarnings("ArrayRecordComponent")
  record Found(byte[] bytes) implements Resolved {}

  /** Named but not there (yet): the record is imported and flagged. */
  record Missing() implements Resolved {}

  /** The reference itself is wrong (a path leaving the bundle, bad base64). */
  record Invalid(String reason) implements Resolved {}

  /** For sources that carry no payloads. */
  static PayloadResolver none() {
    return (column, reference) -> new Missing();
  }
}
