package org.cetak.notify;

import java.time.Instant;
import java.util.Optional;
import org.cetak.common.Masking;

/** One notice to a resident, as the outbox holds it. The phone is masked in {@link #toString}. */
public record Notice(
    long id,
    long officeId,
    long requestId,
    long printJobId,
    NoticeKind kind,
    NoticeStatus status,
    String phone,
    String body,
    int attempts,
    Instant createdAt,
    Optional<Instant> nextAttemptAt,
    Optional<Instant> attemptStartedAt,
    boolean inDoubt,
    Optional<Instant> sentAt,
    Optional<String> gateway,
    Optional<String> gatewayId,
    Optional<String> lastError,
    Optional<String> report,
    Optional<Instant> reportAt) {

  public String reference() {
    return Sms.referenceOf(id);
  }

  public Sms sms() {
    return new Sms(id, reference(), phone, body);
  }

  /** The phone for screens: its last three digits. */
  public String maskedPhone() {
    return phone.isEmpty() ? "" : Masking.phone(phone);
  }

  @Override
  public String toString() {
    return "Notice["
        + id
        + " "
        + kind
        + " "
        + status
        + " request "
        + requestId
        + " to "
        + maskedPhone()
        + ", attempts "
        + attempts
        + "]";
  }
}
