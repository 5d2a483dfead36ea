package org.cetak.drivers.printer;

/** The ribbon panels a card can be printed with, and their letters on the wire. */
public enum PanelColour {
  YELLOW("y"),
  MAGENTA("m"),
  CYAN("c"),
  BLACK("k"),
  OVERLAY("o");

  private final String wire;

  PanelColour(String wire) {
    this.wire = wire;
  }

  /** The panel letter of {@code Db} and {@code Dbc}. */
  public String wire() {
    return wire;
  }
}
