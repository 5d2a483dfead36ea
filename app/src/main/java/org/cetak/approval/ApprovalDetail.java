package org.cetak.approval;

import java.util.List;

/**
 * What a proposal carries beside its summary, for the supervisor who decides it (the first card's
 * outcome proposed with a reprint): a message key of the console and its arguments, worded in the
 * reader's language where it is shown.
 */
public record ApprovalDetail(String key, List<String> args) {

  public ApprovalDetail {
    args = List.copyOf(args);
  }

  public static ApprovalDetail of(String key, String... args) {
    return new ApprovalDetail(key, List.of(args));
  }
}
