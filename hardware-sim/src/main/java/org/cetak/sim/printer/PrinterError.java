package org.cetak.sim.printer;

/** The error replies of PROTOCOL.md, with their wire text and their {@code Rst} word. */
public enum PrinterError {
  COMMAND("COMMAND"),
  PARAMETER("PARAMETER"),
  BUSY("BUSY"),
  FEEDER_EMPTY("FEEDER EMPTY"),
  FEEDER("FEEDER"),
  MECHANICAL("MECHANICAL"),
  COVER_OPEN("COVER OPEN"),
  RIBBON("RIBBON"),
  REJECT_BOX_FULL("REJECT BOX FULL"),
  HOPPER_FULL("HOPPER FULL"),
  HEAD_TEMP("HEAD TEMP"),
  NO_CARD("NO CARD");

  private final String text;

  PrinterError(String text) {
    this.text = text;
  }

  /** The reply: {@code ERR } and the reason. */
  public String reply() {
    return "ERR " + text;
  }

  /** The word {@code Rst} reports in {@code ERR=}. */
  public String word() {
    return name();
  }
}
