package org.cetak.sim.printer;

import java.time.Duration;

/**
 * Real-time settings of a printer connection.
 *
 * @param idle a pause this long inside a request makes it incomplete ({@code ERR COMMAND} or {@code
 *     ERR PARAMETER})
 * @param quiet after a panel of the wrong length, input is dropped until it has been quiet this
 *     long
 * @param lateReply how long a {@code LATE_REPLY} fault holds the reply back (set it above the
 *     driver's timeout)
 * @param portDown how long the port stays gone after a {@code DISCONNECT} fault
 */
public record SessionOptions(Duration idle, Duration quiet, Duration lateReply, Duration portDown) {

  public static SessionOptions defaults() {
    return new SessionOptions(
        Duration.ofSeconds(1),
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        Duration.ofSeconds(2));
  }

  public SessionOptions withIdle(Duration d) {
    return new SessionOptions(d, quiet, lateReply, portDown);
  }

  public SessionOptions withQuiet(Duration d) {
    return new SessionOptions(idle, d, lateReply, portDown);
  }

  public SessionOptions withLateReply(Duration d) {
    return new SessionOptions(idle, quiet, d, portDown);
  }

  public SessionOptions withPortDown(Duration d) {
    return new SessionOptions(idle, quiet, lateReply, d);
  }
}
