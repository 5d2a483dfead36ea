package org.cetak.notify.web;

import java.util.Optional;
import org.cetak.common.DateText;
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

  static GatewayView of(SmsGateway gateway, String node, DateText dates) {
    Optional<SmsGateway.Unreachable> down = gateway.unreachable();
    return new GatewayView(
        gateway.name(),
        node,
        down.isEmpty(),
        down.map(d -> dates.time(d.since())).orElse(""),
        down.map(SmsGateway.Unreachable::failedTries).orElse(0),
        down.map(d -> dates.time(d.nextTry())).orElse(""),
        down.map(SmsGateway.Unreachable::reason).orElse(""));
  }
}
