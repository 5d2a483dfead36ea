package org.cetak.sim.printer;

import java.util.List;

/** One request as the printer's receiver framed it. */
public sealed interface Request {

  /** A well-framed command with its text parameters. */
  record Command(String name, List<String> params) implements Request {
    public Command {
      params = List.copyOf(params);
    }
  }

  /**
   * A well-framed panel ({@code Db} or {@code Dbc}) whose data was read by length and hashed.
   *
   * @param compressed true for {@code Dbc}
   * @param sha256 SHA-256 (hex) of the uncompressed panel bitmap
   */
  record Panel(String panel, int levels, boolean compressed, String sha256) implements Request {}

  /** A request the receiver could not accept; it gets {@code error} and changes nothing. */
  record Malformed(PrinterError error, String why) implements Request {}
}
