package org.cetak.approval.web;

import java.util.Locale;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a proposal carries for the supervisor who decides it, worded for the console's approval
 * lists ({@code @approvalWords.detail(a)}) and the decision's confirmation; empty when it carries
 * nothing.
 */
@Component("approvalWords")
public class ApprovalWords {

  private final Approvals approvals;
  private final MessageSource messages;

  public ApprovalWords(Approvals approvals, MessageSource messages) {
    this.approvals = approvals;
    this.messages = messages;
  }

  /** The approval's detail in the reader's language, or "". */
  public String detail(Approval approval) {
    return detail(approval, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String detail(Approval approval, Locale locale) {
    return approvals
        .detail(approval)
        .map(d -> messages.getMessage(d.key(), d.args().toArray(), d.key(), locale))
        .orElse("");
  }
}
