package org.cetak.pickup.jooq;

import static org.cetak.db.jooq.Tables.CARD_CHECK;
import static org.cetak.db.jooq.Tables.HANDOVER;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.jooq.impl.DSL.selectOne;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cetak.common.Masking;
import org.cetak.db.jooq.tables.records.HandoverRecord;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.pickup.CardAtCounter;
import org.cetak.pickup.Handover;
import org.cetak.pickup.HandoverForm;
import org.cetak.pickup.OldCard;
import org.cetak.pickup.PickupStore;
import org.cetak.pickup.Recipient;
import org.cetak.pickup.UnclaimedCard;
import org.cetak.request.RequestSearch;
import org.cetak.request.jooq.RequestSearchSql;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.dao.DataIntegrityViolationException;

/** Cards at the counter and their handovers in PostgreSQL. */
public final class JooqPickupStore implements PickupStore {

  private final DSLContext db;
  private final Clock clock;

  public JooqPickupStore(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public List<CardAtCounter> find(long officeId, RequestSearch search, int limit) {
    return db.selectFrom(PRINT_REQUEST)
        .where(RequestSearchSql.matching(officeId, search))
        .and(PRINT_REQUEST.STATUS.ne(RequestStatus.WITHDRAWN.name()))
        .orderBy(PRINT_REQUEST.ID.desc())
        .limit(limit)
        .fetch()
        .map(this::card);
  }

  @Override
  public Optional<CardAtCounter> lock(long requestId) {
    return db.selectFrom(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .forUpdate()
        .fetchOptional()
        .map(this::card);
  }

  @Override
  public Optional<CardAtCounter> card(long requestId) {
    return db.selectFrom(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .fetchOptional()
        .map(this::card);
  }

  private CardAtCounter card(PrintRequestRecord r) {
    Optional<Instant> handedAt =
        r.getStatus().equals(RequestStatus.HANDED_OVER.name())
            ? db.select(HANDOVER.HANDED_AT)
                .from(HANDOVER)
                .where(HANDOVER.REQUEST_ID.eq(r.getId()))
                .fetchOptional(HANDOVER.HANDED_AT)
                .map(OffsetDateTime::toInstant)
            : Optional.empty();
    boolean awaitingCheck =
        r.getStatus().equals(RequestStatus.PRINTED.name())
            && db.fetchExists(
                CARD_CHECK,
                CARD_CHECK.REQUEST_ID.eq(r.getId()).and(CARD_CHECK.STATUS.eq("WAITING")));
    return new CardAtCounter(
        r.getId(),
        r.getOfficeId(),
        r.getNik(),
        r.getName(),
        Optional.ofNullable(r.getBirthDate()),
        Optional.ofNullable(r.getSuketNumber()),
        RequestReason.valueOf(r.getReason()),
        RequestStatus.valueOf(r.getStatus()),
        Optional.ofNullable(r.getPrintedAt()).map(OffsetDateTime::toInstant),
        Optional.ofNullable(r.getCardUid()).filter(u -> !u.isEmpty()),
        awaitingCheck,
        handedAt);
  }

  @Override
  public Handover record(
      long officeId,
      long requestId,
      String cardUid,
      HandoverForm form,
      Optional<Long> oldCardMovementId,
      String handedBy) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    try {
      HandoverRecord row =
          db.insertInto(HANDOVER)
              .set(HANDOVER.OFFICE_ID, officeId)
              .set(HANDOVER.REQUEST_ID, requestId)
              .set(HANDOVER.CARD_UID, cardUid)
              .set(HANDOVER.RECIPIENT, form.recipient().name())
              .set(HANDOVER.REPRESENTATIVE_NAME, form.representativeName().orElse(null))
              .set(HANDOVER.AUTHORITY_LETTER_NO, form.authorityLetterNo().orElse(null))
              .set(HANDOVER.SUKET_SHOWN, form.suketShown())
              .set(HANDOVER.FACE_MATCHES, form.faceMatches())
              .set(HANDOVER.FINGERPRINT_VERIFIED, form.fingerprintVerified().orElse(null))
              .set(HANDOVER.OLD_CARD, form.oldCard().name())
              .set(HANDOVER.OLD_CARD_UID, form.oldCardUid().orElse(null))
              .set(HANDOVER.OLD_CARD_SERIAL, form.oldCardSerial().orElse(null))
              .set(HANDOVER.POLICE_REPORT_NO, form.policeReportNo().orElse(null))
              .set(HANDOVER.OLD_CARD_MOVEMENT_ID, oldCardMovementId.orElse(null))
              .set(HANDOVER.HANDED_BY, handedBy)
              .set(HANDOVER.HANDED_AT, now)
              .returning()
              .fetchSingle();
      return handover(row);
    } catch (IntegrityConstraintViolationException | DataIntegrityViolationException e) {
      // jOOQ's own exception, or Spring's translation of it (the application's DSLContext)
      if (names(e, "uq_handover")) {
        throw new AlreadyHandedOver(requestId, e);
      }
      throw e;
    }
  }

  /** Whether the exception or one of its causes names the constraint. */
  private static boolean names(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(constraint)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<Handover> handover(long requestId) {
    return db.selectFrom(HANDOVER)
        .where(HANDOVER.REQUEST_ID.eq(requestId))
        .fetchOptional()
        .map(JooqPickupStore::handover);
  }

  private static Handover handover(HandoverRecord row) {
    return new Handover(
        row.getId(),
        row.getOfficeId(),
        row.getRequestId(),
        row.getCardUid(),
        new HandoverForm(
            row.getSuketShown(),
            row.getFaceMatches(),
            Optional.ofNullable(row.getFingerprintVerified()),
            Recipient.valueOf(row.getRecipient()),
            Optional.ofNullable(row.getRepresentativeName()),
            Optional.ofNullable(row.getAuthorityLetterNo()),
            OldCard.valueOf(row.getOldCard()),
            Optional.ofNullable(row.getOldCardUid()),
            Optional.ofNullable(row.getOldCardSerial()),
            Optional.ofNullable(row.getPoliceReportNo())),
        Optional.ofNullable(row.getOldCardMovementId()),
        row.getHandedBy(),
        row.getHandedAt().toInstant());
  }

  @Override
  public List<UnclaimedCard> unclaimed(long officeId, int limit) {
    Instant now = clock.instant();
    return db.select(
            PRINT_REQUEST.ID,
            PRINT_REQUEST.NIK,
            PRINT_REQUEST.NAME,
            PRINT_REQUEST.PRINTED_AT,
            PRINT_REQUEST.CARD_UID)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.OFFICE_ID.eq(officeId))
        .and(PRINT_REQUEST.STATUS.eq(RequestStatus.PRINTED.name()))
        // a card still in the print room's quality check is not at the counter yet
        .andNotExists(
            selectOne()
                .from(CARD_CHECK)
                .where(CARD_CHECK.REQUEST_ID.eq(PRINT_REQUEST.ID))
                .and(CARD_CHECK.STATUS.eq("WAITING")))
        .orderBy(PRINT_REQUEST.PRINTED_AT, PRINT_REQUEST.ID)
        .limit(limit)
        .fetch(
            r -> {
              Instant printed = r.value4().toInstant();
              return new UnclaimedCard(
                  r.value1(),
                  Masking.nik(r.value2()),
                  initials(r.value3()),
                  printed,
                  r.value5() == null ? "" : r.value5(),
                  Math.max(0, Duration.between(printed, now).toDays()));
            });
  }

  private static String initials(String name) {
    return Arrays.stream(name.strip().split("\\s+"))
        .filter(w -> !w.isEmpty())
        .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + ".")
        .collect(Collectors.joining(" "));
  }
}
