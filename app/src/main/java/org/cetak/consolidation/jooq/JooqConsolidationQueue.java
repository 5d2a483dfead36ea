package org.cetak.consolidation.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.STATUS_OUTBOX;
import static org.cetak.db.jooq.Tables.STATUS_PUSH_ATTEMPT;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.consolidation.ConsolidationQueue;
import org.cetak.consolidation.PendingPush;
import org.cetak.consolidation.PushKind;
import org.cetak.consolidation.PushResult;
import org.cetak.consolidation.QueuedPush;
import org.cetak.db.jooq.tables.StatusOutbox;
import org.cetak.db.jooq.tables.records.StatusOutboxRecord;
import org.cetak.db.jooq.tables.records.StatusPushAttemptRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/** The status outbox and its attempts in PostgreSQL. */
public final class JooqConsolidationQueue implements ConsolidationQueue {

  private static final String PENDING = "PENDING";
  private static final String SENT = "SENT";
  private static final String FAILED = "FAILED";

  private final DSLContext db;

  public JooqConsolidationQueue(DSLContext db) {
    this.db = db;
  }

  @Override
  public Optional<PendingPush> claimNext(
      Instant now, Instant leaseUntil, Optional<Long> requestId, String actor) {
    StatusOutbox earlier = STATUS_OUTBOX.as("earlier");
    Condition due =
        STATUS_OUTBOX
            .STATUS
            .eq(PENDING)
            .and(
                STATUS_OUTBOX
                    .NEXT_ATTEMPT_AT
                    .isNull()
                    .or(STATUS_OUTBOX.NEXT_ATTEMPT_AT.le(at(now))))
            // a request's pushes go in order: none while an earlier one is unsent
            .andNotExists(
                selectOne()
                    .from(earlier)
                    .where(earlier.REQUEST_ID.eq(STATUS_OUTBOX.REQUEST_ID))
                    .and(earlier.ID.lt(STATUS_OUTBOX.ID))
                    .and(earlier.STATUS.ne(SENT)));
    if (requestId.isPresent()) {
      due = due.and(STATUS_OUTBOX.REQUEST_ID.eq(requestId.get()));
    }
    Optional<StatusOutboxRecord> row =
        db.selectFrom(STATUS_OUTBOX)
            .where(due)
            .orderBy(STATUS_OUTBOX.ID)
            .limit(1)
            .forUpdate()
            .skipLocked()
            .fetchOptional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    StatusOutboxRecord push = row.get();
    int attempt = push.getAttempts() + 1;
    db.update(STATUS_OUTBOX)
        .set(STATUS_OUTBOX.ATTEMPTS, attempt)
        .set(STATUS_OUTBOX.NEXT_ATTEMPT_AT, at(leaseUntil))
        .where(STATUS_OUTBOX.ID.eq(push.getId()))
        .execute();
    long attemptId =
        db.insertInto(STATUS_PUSH_ATTEMPT)
            .set(STATUS_PUSH_ATTEMPT.OUTBOX_ID, push.getId())
            .set(STATUS_PUSH_ATTEMPT.ATTEMPT, attempt)
            .set(STATUS_PUSH_ATTEMPT.ACTOR, actor)
            .set(STATUS_PUSH_ATTEMPT.STARTED_AT, at(now))
            .set(STATUS_PUSH_ATTEMPT.OUTCOME, "IN_FLIGHT")
            .returning(STATUS_PUSH_ATTEMPT.ID)
            .fetchSingle()
            .getId();
    String officeCode =
        db.select(OFFICE.CODE)
            .from(OFFICE)
            .where(OFFICE.ID.eq(push.getOfficeId()))
            .fetchSingle(OFFICE.CODE);
    return Optional.of(
        new PendingPush(
            push.getId(),
            push.getOfficeId(),
            officeCode,
            push.getRequestId(),
            push.getPrintJobId(),
            PushKind.valueOf(push.getKind()),
            push.getNik(),
            push.getCardUid(),
            push.getPrintedAt().toInstant(),
            Optional.ofNullable(push.getHandedAt()).map(OffsetDateTime::toInstant),
            attempt,
            attemptId));
  }

  @Override
  public void finish(PendingPush push, PushResult result, Instant now) {
    String outcome;
    String answer;
    var update = db.update(STATUS_OUTBOX).set(STATUS_OUTBOX.STATUS, PENDING);
    if (result instanceof PushResult.Sent s) {
      outcome = "ACCEPTED";
      answer = s.answer();
      update =
          update
              .set(STATUS_OUTBOX.STATUS, SENT)
              .set(STATUS_OUTBOX.SENT_AT, at(now))
              .set(STATUS_OUTBOX.NEXT_ATTEMPT_AT, (OffsetDateTime) null);
    } else if (result instanceof PushResult.RetryLater r) {
      outcome = "UNAVAILABLE";
      answer = r.reason();
      update = update.set(STATUS_OUTBOX.NEXT_ATTEMPT_AT, at(r.at()));
    } else {
      PushResult.Stuck s = (PushResult.Stuck) result;
      outcome = s.reason().startsWith("not taken") ? "UNSUPPORTED" : "REJECTED";
      answer = s.reason();
      update =
          update
              .set(STATUS_OUTBOX.STATUS, FAILED)
              .set(STATUS_OUTBOX.NEXT_ATTEMPT_AT, (OffsetDateTime) null);
    }
    db.update(STATUS_PUSH_ATTEMPT)
        .set(STATUS_PUSH_ATTEMPT.FINISHED_AT, at(now))
        .set(STATUS_PUSH_ATTEMPT.OUTCOME, outcome)
        .set(STATUS_PUSH_ATTEMPT.ANSWER, clip(answer))
        .where(STATUS_PUSH_ATTEMPT.ID.eq(push.attemptId()))
        .execute();
    update
        .set(STATUS_OUTBOX.LAST_ANSWER, clip(answer))
        .where(STATUS_OUTBOX.ID.eq(push.id()))
        .and(STATUS_OUTBOX.STATUS.eq(PENDING))
        .execute();
  }

  @Override
  public void postponeAll(Instant until) {
    db.update(STATUS_OUTBOX)
        .set(STATUS_OUTBOX.NEXT_ATTEMPT_AT, at(until))
        .where(STATUS_OUTBOX.STATUS.eq(PENDING))
        .and(STATUS_OUTBOX.NEXT_ATTEMPT_AT.isNull().or(STATUS_OUTBOX.NEXT_ATTEMPT_AT.lt(at(until))))
        .execute();
  }

  @Override
  public int wakeWaiting(Instant now) {
    Field<String> lastOutcome =
        select(STATUS_PUSH_ATTEMPT.OUTCOME)
            .from(STATUS_PUSH_ATTEMPT)
            .where(STATUS_PUSH_ATTEMPT.OUTBOX_ID.eq(STATUS_OUTBOX.ID))
            .orderBy(STATUS_PUSH_ATTEMPT.ID.desc())
            .limit(1)
            .asField();
    return db.update(STATUS_OUTBOX)
        .set(STATUS_OUTBOX.NEXT_ATTEMPT_AT, at(now))
        .where(STATUS_OUTBOX.STATUS.eq(PENDING))
        .and(STATUS_OUTBOX.NEXT_ATTEMPT_AT.gt(at(now)))
        .and(lastOutcome.isNull().or(lastOutcome.ne("IN_FLIGHT")))
        .execute();
  }

  @Override
  public Optional<Long> queueHandover(long requestId, Instant handedAt) {
    Optional<StatusOutboxRecord> printed =
        db.selectFrom(STATUS_OUTBOX)
            .where(STATUS_OUTBOX.REQUEST_ID.eq(requestId))
            .and(STATUS_OUTBOX.KIND.eq(PushKind.PRINTED.name()))
            .orderBy(STATUS_OUTBOX.ID.desc())
            .limit(1)
            .fetchOptional();
    if (printed.isEmpty()) {
      return Optional.empty();
    }
    StatusOutboxRecord p = printed.get();
    return db.insertInto(STATUS_OUTBOX)
        .set(STATUS_OUTBOX.OFFICE_ID, p.getOfficeId())
        .set(STATUS_OUTBOX.REQUEST_ID, requestId)
        .set(STATUS_OUTBOX.PRINT_JOB_ID, p.getPrintJobId())
        .set(STATUS_OUTBOX.KIND, PushKind.HANDED_OVER.name())
        .set(STATUS_OUTBOX.NIK, p.getNik())
        .set(STATUS_OUTBOX.CARD_UID, p.getCardUid())
        .set(STATUS_OUTBOX.PRINTED_AT, p.getPrintedAt())
        .set(STATUS_OUTBOX.HANDED_AT, at(handedAt))
        .set(STATUS_OUTBOX.CREATED_AT, at(handedAt))
        .onConflictDoNothing()
        .returning(STATUS_OUTBOX.ID)
        .fetchOptional()
        .map(StatusOutboxRecord::getId);
  }

  @Override
  public boolean release(long officeId, long pushId, Instant now) {
    return db.update(STATUS_OUTBOX)
            .set(STATUS_OUTBOX.STATUS, PENDING)
            .set(STATUS_OUTBOX.NEXT_ATTEMPT_AT, at(now))
            .where(STATUS_OUTBOX.ID.eq(pushId))
            .and(STATUS_OUTBOX.OFFICE_ID.eq(officeId))
            .and(STATUS_OUTBOX.STATUS.ne(SENT))
            // a push under way on another node keeps its lease
            .andNotExists(
                selectOne()
                    .from(STATUS_PUSH_ATTEMPT)
                    .where(STATUS_PUSH_ATTEMPT.OUTBOX_ID.eq(STATUS_OUTBOX.ID))
                    .and(STATUS_PUSH_ATTEMPT.OUTCOME.eq("IN_FLIGHT"))
                    .and(STATUS_OUTBOX.NEXT_ATTEMPT_AT.gt(at(now))))
            .execute()
        == 1;
  }

  @Override
  public Optional<Long> requestOf(long pushId) {
    return db.select(STATUS_OUTBOX.REQUEST_ID)
        .from(STATUS_OUTBOX)
        .where(STATUS_OUTBOX.ID.eq(pushId))
        .fetchOptional(STATUS_OUTBOX.REQUEST_ID);
  }

  @Override
  public List<QueuedPush> backlog(long officeId, int limit) {
    List<StatusOutboxRecord> rows =
        db.selectFrom(STATUS_OUTBOX)
            .where(STATUS_OUTBOX.OFFICE_ID.eq(officeId))
            .and(STATUS_OUTBOX.STATUS.ne(SENT))
            .orderBy(STATUS_OUTBOX.STATUS.eq(FAILED).desc(), STATUS_OUTBOX.ID)
            .limit(limit)
            .fetch();
    return withHistory(rows);
  }

  @Override
  public Backlog counts(long officeId) {
    var row =
        db.select(
                org.jooq.impl.DSL.count().filterWhere(STATUS_OUTBOX.STATUS.eq(PENDING)),
                org.jooq.impl.DSL.count().filterWhere(STATUS_OUTBOX.STATUS.eq(FAILED)),
                org.jooq.impl.DSL.min(STATUS_OUTBOX.CREATED_AT))
            .from(STATUS_OUTBOX)
            .where(STATUS_OUTBOX.OFFICE_ID.eq(officeId))
            .and(STATUS_OUTBOX.STATUS.ne(SENT))
            .fetchSingle();
    return new Backlog(
        row.value1(),
        row.value2(),
        Optional.ofNullable(row.value3()).map(OffsetDateTime::toInstant));
  }

  @Override
  public List<QueuedPush> history(long officeId, String nik) {
    return withHistory(
        db.selectFrom(STATUS_OUTBOX)
            .where(STATUS_OUTBOX.OFFICE_ID.eq(officeId))
            .and(STATUS_OUTBOX.NIK.eq(nik))
            .orderBy(STATUS_OUTBOX.ID)
            .fetch());
  }

  @Override
  public Optional<Instant> printedStatusSent(long requestId) {
    return db.select(STATUS_OUTBOX.SENT_AT)
        .from(STATUS_OUTBOX)
        .where(STATUS_OUTBOX.REQUEST_ID.eq(requestId))
        .and(STATUS_OUTBOX.KIND.eq(PushKind.PRINTED.name()))
        .and(STATUS_OUTBOX.STATUS.eq(SENT))
        .orderBy(STATUS_OUTBOX.ID.desc())
        .limit(1)
        .fetchOptional(STATUS_OUTBOX.SENT_AT)
        .map(OffsetDateTime::toInstant);
  }

  private List<QueuedPush> withHistory(List<StatusOutboxRecord> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<QueuedPush.Attempt>> attempts = new LinkedHashMap<>();
    for (StatusPushAttemptRecord a :
        db.selectFrom(STATUS_PUSH_ATTEMPT)
            .where(
                STATUS_PUSH_ATTEMPT.OUTBOX_ID.in(
                    rows.stream().map(StatusOutboxRecord::getId).toList()))
            .orderBy(STATUS_PUSH_ATTEMPT.ID)
            .fetch()) {
      attempts
          .computeIfAbsent(a.getOutboxId(), k -> new ArrayList<>())
          .add(
              new QueuedPush.Attempt(
                  a.getAttempt(),
                  a.getActor(),
                  a.getStartedAt().toInstant(),
                  Optional.ofNullable(a.getFinishedAt()).map(OffsetDateTime::toInstant),
                  a.getOutcome(),
                  a.getAnswer()));
    }
    List<QueuedPush> out = new ArrayList<>();
    for (StatusOutboxRecord r : rows) {
      out.add(
          new QueuedPush(
              r.getId(),
              r.getOfficeId(),
              r.getRequestId(),
              PushKind.valueOf(r.getKind()),
              Masking.nik(r.getNik()),
              r.getCardUid(),
              r.getPrintedAt().toInstant(),
              Optional.ofNullable(r.getHandedAt()).map(OffsetDateTime::toInstant),
              r.getStatus(),
              r.getAttempts(),
              Optional.ofNullable(r.getNextAttemptAt()).map(OffsetDateTime::toInstant),
              Optional.ofNullable(r.getSentAt()).map(OffsetDateTime::toInstant),
              r.getLastAnswer(),
              r.getCreatedAt().toInstant(),
              attempts.getOrDefault(r.getId(), List.of())));
    }
    return out;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String clip(String text) {
    String t = text == null ? "" : text;
    return t.length() > 500 ? t.substring(0, 500) : t;
  }
}
