package org.cetak.intake;

import java.util.Map;

/** One row as read from a file or the upstream registry, before any check: field name to text. */
public record RawRecord(long line, Map<String, String> fields) {

  /** The field names only: the values are personal data (UU 27/2022). */
  @Override
  public String toString() {
    return "RawRecord[line=" + line + ", fields=" + fields.keySet() + "]";
  }

  /** The field's text, or empty text when absent. */
  public String get(String name) {
    String value = fields.get(name);
    return value == null ? "" : value;
  }
}
