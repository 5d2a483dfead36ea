package org.cetak.stock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cetak.common.DomainException;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops from the centre received into the vault (serah terima blanko), each with its hand-over
 * document. Refused as a whole, with nothing written: a document already received, a document
 * number too long, a document dated in the future, a quantity beyond {@link
 * DropLimits#maxQuantity()}, serial ranges that overlap each other or an earlier drop, or that do
 * not add up to the quantity.
 */
public final class DropReceipts {

  private static final Logger log = LoggerFactory.getLogger(DropReceipts.class);

  private final Ledger ledger;
  private final Drops drops;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final Supplier<List<DropListener>> dropListeners;
  private final DropLimits limits;
  private final OfficeZones zones;
  private final Clock clock;

  public DropReceipts(
      Ledger ledger,
      Drops drops,
      Access access,
      Audit audit,
      Transactions transactions,
      Supplier<List<DropListener>> dropListeners,
      DropLimits limits,
      OfficeZones zones,
      Clock clock) {
    this.zones = zones;
    this.ledger = ledger;
    this.drops = drops;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.dropListeners = dropListeners;
    this.limits = limits;
    this.clock = clock;
  }

  /** Receives a drop into the vault and tells every listener. */
  public Drop receive(long officeId, DropRequest request, User by) {
    access.require(by, Permission.RECEIVE_DROP, officeId);
    validate(officeId, request);
    List<SerialRange> serials = request.serials();
    return transactions.inTransaction(
        () -> {
          drops.lockSerials();
          if (drops.byDocument(officeId, request.documentNo()).isPresent()) {
            throw new DomainException(
                StockError.DROP_EXISTS,
                "Drop " + request.documentNo() + " was already received",
                request.documentNo());
          }
          for (SerialRange range : serials) {
            List<SerialRange> earlier = drops.overlapping(range);
            if (!earlier.isEmpty()) {
              throw new DomainException(
                  StockError.SERIALS_OVERLAP,
                  "Serial range " + range + " overlaps earlier drop range " + earlier.get(0),
                  range,
                  earlier.get(0));
            }
          }
          Drop drop =
              drops.insert(
                  officeId,
                  request.documentNo(),
                  request.documentDate(),
                  request.quantity(),
                  serials,
                  by.username());
          Movement.Detail detail =
              serials.isEmpty()
                  ? Movement.Detail.none()
                  : new Movement.Detail(
                      Optional.of(serials.get(0).first()),
                      Optional.of(serials.get(serials.size() - 1).last()),
                      Optional.empty(),
                      Optional.empty(),
                      "BA " + request.documentNo());
          ledger.record(
              new Movement(
                  officeId,
                  Item.BLANK,
                  Place.of(Location.CENTRE),
                  Place.of(Location.VAULT),
                  request.quantity(),
                  "DROP_RECEIVED",
                  by.username(),
                  ReferenceKind.DROP,
                  drop.id(),
                  detail));
          audit.record(
              officeId,
              by.username(),
              "DROP_RECEIVED",
              "drop " + request.documentNo(),
              request.quantity() + " blanks");
          for (DropListener listener : dropListeners.get()) {
            listener.dropReceived(officeId, drop.id(), drop.quantity());
          }
          log.info(
              "Drop {} of {} blanks received in office {}",
              request.documentNo(),
              request.quantity(),
              officeId);
          return drop;
        });
  }

  /** The drops an office received. */
  public List<Drop> drops(long officeId) {
    return drops.list(officeId);
  }

  private void validate(long officeId, DropRequest request) {
    if (request.documentNo() == null || request.documentNo().isBlank()) {
      throw new DomainException(
          StockError.DOCUMENT_REQUIRED, "A drop needs its hand-over document number");
    }
    if (request.documentNo().length() > limits.maxDocumentNoLength()) {
      throw new DomainException(
          StockError.DOCUMENT_NO_TOO_LONG,
          "Nomor berita acara paling panjang "
              + limits.maxDocumentNoLength()
              + " karakter / A document number is at most "
              + limits.maxDocumentNoLength()
              + " characters, this one has "
              + request.documentNo().length(),
          limits.maxDocumentNoLength(),
          request.documentNo().length());
    }
    if (request.documentDate() == null) {
      throw new DomainException(
          StockError.DOCUMENT_DATE_REQUIRED, "A drop needs its document date");
    }
    LocalDate today = LocalDate.now(clock.withZone(zones.of(officeId)));
    if (request.documentDate().isAfter(today)) {
      throw new DomainException(
          StockError.DOCUMENT_DATE_IN_FUTURE,
          "Tanggal berita acara "
              + request.documentDate()
              + " belum tiba (hari ini "
              + today
              + ") / The document date "
              + request.documentDate()
              + " is after today, "
              + today,
          request.documentDate(),
          today);
    }
    Quantities.positive(request.quantity());
    if (request.quantity() > limits.maxQuantity()) {
      throw new DomainException(
          StockError.DROP_TOO_LARGE,
          "Satu drop paling banyak "
              + limits.maxQuantity()
              + " blanko, bukan "
              + request.quantity()
              + " / A drop holds at most "
              + limits.maxQuantity()
              + " blanks, not "
              + request.quantity(),
          limits.maxQuantity(),
          request.quantity());
    }
    List<SerialRange> serials = request.serials();
    if (!serials.isEmpty()) {
      long total = serials.stream().mapToLong(SerialRange::count).sum();
      if (total != request.quantity()) {
        throw new DomainException(
            StockError.SERIALS_DO_NOT_MATCH_QUANTITY,
            "Serial ranges hold " + total + " blanks but the drop says " + request.quantity(),
            total,
            request.quantity());
      }
      for (int i = 0; i < serials.size(); i++) {
        for (int j = i + 1; j < serials.size(); j++) {
          if (serials.get(i).overlaps(serials.get(j))) {
            throw new DomainException(
                StockError.SERIAL_RANGES_OVERLAP,
                "Serial ranges " + serials.get(i) + " and " + serials.get(j) + " overlap",
                serials.get(i),
                serials.get(j));
          }
        }
      }
    }
  }
}
