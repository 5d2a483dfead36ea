package org.cetak.approval;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.cetak.common.DomainException;

/**
 * What every handler of a two-person approval does before it carries the decision out: find the
 * thing the approval is about (a destruction report, a loss report, a drop), lock it for the rest
 * of the transaction, and refuse with {@code ALREADY_DECIDED} when it was decided already, so a
 * decision is carried out once.
 */
public final class ApprovalSubject {

  private ApprovalSubject() {}

  /**
   * The approval's subject, locked and still undecided.
   *
   * @param lock locks the subject by id, empty when there is none
   * @param unknown the refusal when the subject does not exist
   * @param decided how the subject was decided already (for the refusal), empty while undecided
   */
  public static <T> T lockedUndecided(
      Approval approval,
      LongFunction<Optional<T>> lock,
      LongFunction<DomainException> unknown,
      Function<T, Optional<String>> decided) {
    long id =
        approval
            .subjectId()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        approval.kind() + " approval " + approval.id() + " names no subject"));
    T subject = lock.apply(id).orElseThrow(() -> unknown.apply(id));
    decided
        .apply(subject)
        .ifPresent(
            how -> {
              throw new DomainException(ApprovalError.ALREADY_DECIDED, how);
            });
    return subject;
  }
}
