package org.cetak.pickup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cetak.common.Transactions;
import org.cetak.office.Audit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a resident's personal data no longer than the handover needs it (UU 27/2022): once a card
 * was handed over {@code keepFor} ago, the request's address, birth place and date, family card
 * number, Suket, phone and the other personal fields of the record are erased, each erasure
 * audited. What accountability needs stays: the NIK and name, the card's chip UID, the status
 * history, the handover record and the ledger movements.
 */
public final class PersonalDataErasure {

  /** The fields erased, as the audit trail names them. */
  public static final String ERASED =
      "kk, birth_place, birth_date, blood_type, address, rt, rw, village, religion,"
          + " marital_status, occupation, suket_number, suket_date, phone, phone_raw, urgent_reason";

  private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

  private static final int BATCH = 200;

  private final PersonalDataStore store;
  private final Audit audit;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration keepFor;

  public PersonalDataErasure(
      PersonalDataStore store,
      Audit audit,
      Transactions transactions,
      Clock clock,
      Duration keepFor) {
    if (keepFor.isNegative()) {
      throw new IllegalArgumentException("keep-for must not be negative: " + keepFor);
    }
    this.store = store;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.keepFor = keepFor;
  }

  public Duration keepFor() {
    return keepFor;
  }

  /** Erases every request handed over more than {@code keepFor} ago; returns how many. */
  public int eraseDue(String actor) {
    int erased = 0;
    while (true) {
      Instant now = clock.instant();
      List<PersonalDataStore.Due> due = store.handedOverBefore(now.minus(keepFor), BATCH);
      for (PersonalDataStore.Due d : due) {
        boolean done =
            transactions.inTransaction(
                () -> {
                  if (!store.erase(d.requestId(), now)) {
                    return false;
                  }
                  audit.record(
                      d.officeId(),
                      actor,
                      "PERSONAL_DATA_ERASED",
                      "request " + d.requestId(),
                      "handed over " + d.handedAt() + "; erased: " + ERASED);
                  return true;
                });
        if (done) {
          erased++;
        }
      }
      if (due.size() < BATCH) {
        if (erased > 0) {
          log.info("Personal data of {} handed-over requests erased", erased);
        }
        return erased;
      }
    }
  }
}
