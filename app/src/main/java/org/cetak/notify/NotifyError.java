package org.cetak.notify;

import org.cetak.common.ErrorCode;

/** Stable error codes of residents' SMS notices. */
public enum NotifyError implements ErrorCode {
  /** The user's role does not allow this on notices. */
  NOTICES_NOT_ALLOWED(Kind.FORBIDDEN),
  /** No such notice in the user's office. */
  UNKNOWN_NOTICE(Kind.NOT_FOUND),
  /** Only a failed or undelivered notice can be resent. */
  NOTICE_NOT_RESENDABLE(Kind.CONFLICT),
  /** The template is empty. */
  TEMPLATE_EMPTY(Kind.INVALID),
  /** The template uses a field other than {inisial}, {kantor}, {jam}. */
  TEMPLATE_UNKNOWN_FIELD(Kind.INVALID),
  /** The template has a character outside the GSM-7 alphabet. */
  TEMPLATE_NOT_GSM(Kind.INVALID),
  /** The template does not say "gratis" and "Suket". */
  TEMPLATE_INCOMPLETE(Kind.INVALID),
  /** The template does not fit one SMS of 160 characters. */
  TEMPLATE_TOO_LONG(Kind.INVALID),
  /** The notice settings are not valid. */
  INVALID_NOTICE_SETTINGS(Kind.INVALID),
  /** No such notice status or kind. */
  INVALID_NOTICE_FILTER(Kind.INVALID),
  /** A delivery report without the right token. */
  BAD_REPORT_TOKEN(Kind.FORBIDDEN),
  /** A delivery report with a state the gateway does not send. */
  BAD_REPORT_STATE(Kind.INVALID);

  private final Kind kind;

  NotifyError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
