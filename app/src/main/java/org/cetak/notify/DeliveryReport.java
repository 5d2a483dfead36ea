package org.cetak.notify;

import java.util.Optional;

/**
 * A delivery report from a gateway: Kannel's {@code dlr-url} call, an SMPP {@code deliver_sm}
 * receipt, a Gammu {@code sentitems} status. It names its notice by our reference where the gateway
 * carries it, else by the gateway's id of the message.
 */
public record DeliveryReport(
    String gateway,
    Optional<Long> noticeId,
    Optional<String> gatewayId,
    Optional<ShortReference> shortReference,
    State state,
    String detail) {

  /** A report by our reference. */
  public static DeliveryReport of(
      String gateway, long noticeId, Optional<String> gatewayId, State state, String detail) {
    return new DeliveryReport(
        gateway, Optional.of(noticeId), gatewayId, Optional.empty(), state, detail);
  }

  /**
   * What SMPP can carry of our reference: the notice id's low 16 bits ({@code
   * user_message_reference}) and the recipient, enough to find a notice whose attempt lost the
   * centre's message id.
   */
  public record ShortReference(int low16, String phone) {

    @Override
    public String toString() {
      return "ShortReference[" + low16 + "]";
    }
  }

  /** What the report says happened. */
  public enum State {
    /** The network (SMSC) took it. */
    ACCEPTED,
    /** The network holds it for later. */
    BUFFERED,
    /** On the resident's phone. */
    DELIVERED,
    /** The network gave up on it. */
    UNDELIVERED,
    /** The network refused it. */
    REJECTED
  }
}
