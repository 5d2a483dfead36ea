package org.cetak.notify.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.cetak.notify.SmsGateway;

/**
 * The SMS gateway as this node sees it, times in the office's zone: whether it answered at the last
 * try, and when it did not, since when, how many tries failed, why, and when it is tried next.
 *
 * @param node the node whose link this is (each node connects to the gateway itself)
 */
public record GatewayView(
    String name,
    String node,
    boolean reachable,
    String unreachableSince,
    int failedTries,
    String nextTry,
    String reason) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd-MM-yyyy HH.mm.ss", Locale.forLanguageTag("id"));

  static GatewayView of(SmsGateway gateway, String node, ZoneId zone) {
    Optional<SmsGateway.Unreachable> down = gateway.unreachable();
    return new GatewayView(
        gateway.name(),
        node,
        down.isEmpty(),
        down.map(d -> when(d.since(), zone)).orElse(""),
        down.map(SmsGateway.Unreachable::failedTries).orElse(0),
        down.map(d -> when(d.nextTry(), zone)).orElse(""),
        down.map(SmsGateway.Unreachable::reason).orElse(""));
  }

  private static String when(Instant at, ZoneId zone) {
    return WHEN.format(at.atZone(zone));
  }
}
