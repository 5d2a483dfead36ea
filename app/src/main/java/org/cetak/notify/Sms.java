package org.cetak.notify;

import org.cetak.common.Masking;

/**
 * One SMS handed to a gateway.
 *
 * @param noticeId the notice it carries
 * @param reference our own id of the notice, the same on every attempt ({@code cetak-<noticeId>})
 * @param phone the resident's number, {@code +628...}
 * @param text at most one GSM-7 segment
 */
public record Sms(long noticeId, String reference, String phone, String text) {

  public static String referenceOf(long noticeId) {
    return "cetak-" + noticeId;
  }

  /** The phone is personal data: masked here so that no log line carries it. */
  @Override
  public String toString() {
    return "Sms[" + reference + " to " + Masking.phone(phone) + ", " + text.length() + " chars]";
  }
}
