package org.cetak.intake;

/**
 * Why one row of an import was refused.
 *
 * @param line the line of the file where the row starts (the header is line 1)
 * @param column the column (field) at fault, or empty when the row as a whole is
 */
public record RowError(long line, String column, String reason) {

  @Override
  public String toString() {
    return column.isEmpty()
        ? "line " + line + ": " + reason
        : "line " + line + ", column " + column + ": " + reason;
  }
}
