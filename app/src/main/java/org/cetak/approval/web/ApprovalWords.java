package org.cetak.approval.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalDetail;
import org.cetak.approval.Approvals;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a proposal carries for the supervisor who decides it, worded for the console's approval
 * lists ({@code @approvalWords.details(list)}, read at once for the whole list) and the decision's
 * confirmation; empty when it carries nothing.
 */
@Component("approvalWords")
public class ApprovalWords {

  private final Approvals approvals;
  private final MessageSource messages;

  public ApprovalWords(Approvals approvals, MessageSource messages) {
    this.approvals = approvals;
    this.messages = messages;
  }

  /**
   * The detail of each of these approvals that carries one, in the reader's language, by approval
   * id: one read per kind of approval, whatever their number.
   */
  public Map<Long, String> details(List<Approval> list) {
    Locale locale = LocaleContextHolder.getLocale();
    Map<Long, String> worded = new HashMap<>();
    approvals.details(list).forEach((id, d) -> worded.put(id, word(d, locale)));
    return worded;
  }

  /** The approval's detail in a given language, or "". */
  public String detail(Approval approval, Locale locale) {
    return approvals.detail(approval).map(d -> word(d, locale)).orElse("");
  }

  private String word(ApprovalDetail detail, Locale locale) {
    return messages.getMessage(detail.key(), detail.args().toArray(), detail.key(), locale);
  }
}
