package org.cetak.stock;

/** Blanks a printer sent to the printed and to the spoiled pile in some window of time. */
public record PrinterOutput(long printed, long spoiled) {

  public static final PrinterOutput NONE = new PrinterOutput(0, 0);
}
