package org.cetak.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports print-ready records into an office's queue: the whole file in one transaction or none of
 * it, streamed row by row, every bad row reported, the same file twice changing nothing.
 */
public final class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  /** Bad rows kept in a report; more are counted, not listed. */
  public static final int MAX_REPORTED_ERRORS = 1000;

  private static final int PROGRESS_EVERY = 500;

  private final RequestStore store;
  private final RecordValidator validator;
  private final OfficeDirectory offices;
  private final Transactions transactions;
  private final Audit audit;
  private final List<ImportListener> listeners;

  public ImportService(
      RequestStore store,
      RecordValidator validator,
      OfficeDirectory offices,
      Transactions transactions,
      Audit audit,
      List<ImportListener> listeners) {
    this.store = store;
    this.validator = validator;
    this.offices = offices;
    this.transactions = transactions;
    this.audit = audit;
    this.listeners = List.copyOf(listeners);
  }

  /** Imports a bundle (directory or zip) into the office with this code. */
  public ImportReport importBundle(
      Bundle bundle, String officeCode, String actor, ImportProgress progress) {
    Office office = office(officeCode);
    try (RecordSource records = bundle.records()) {
      return importRecords(
          office,
          "file " + bundle.name(),
          actor,
          records,
          bundle.payloads(),
          bundle.recordsSize(),
          progress);
    }
  }

  /** Imports records already fetched (a page of the upstream registry, the demo's residents). */
  public ImportReport importUpstream(
      Office office, String source, String actor, List<UpstreamRegistry.UpstreamRecord> records) {
    ListRecordSource list = new ListRecordSource(records);
    return importRecords(
        office, source, actor, list, list.payloads(), records.size(), ImportProgress.none());
  }

  /** Imports records from any source (a file, a page of the upstream registry). */
  public ImportReport importRecords(
      Office office,
      String source,
      String actor,
      RecordSource records,
      PayloadResolver payloads,
      long totalBytes,
      ImportProgress progress) {
    try {
      ImportReport report =
          transactions.inTransaction(
              () -> apply(office, source, actor, records, payloads, totalBytes, progress));
      log.info(
          "Imported {} into office {}: {} rows, {}",
          source,
          office.code(),
          report.rowsRead(),
          report.counts());
      audit.record(office.id(), actor, "IMPORT", source, auditDetail(report));
      for (ImportListener listener : listeners) {
        listener.imported(office.id(), report.counts());
      }
      return report;
    } catch (Rejection rejection) {
      ImportReport report = rejection.report;
      log.info(
          "Refused {} for office {}: {} bad rows, nothing written",
          source,
          office.code(),
          report.errorCount());
      return report;
    }
  }

  private ImportReport apply(
      Office office,
      String source,
      String actor,
      RecordSource records,
      PayloadResolver payloads,
      long totalBytes,
      ImportProgress progress) {
    List<RowError> errors = new ArrayList<>(records.headerErrors());
    long errorCount = errors.size();
    Map<RecordFlag, Long> flagged = new EnumMap<>(RecordFlag.class);
    long rows = 0;
    // read before staging: the staging connection streams rows and takes no other query meanwhile
    LocalDate today = validator.today(office.id());
    try (RequestStore.Staging staging = store.stage(office.id(), source, actor)) {
      if (errorCount == 0) {
        try {
          for (var next = records.next(); next.isPresent(); next = records.next()) {
            rows++;
            List<RowError> rowErrors = records.rowErrors();
            if (!rowErrors.isEmpty()) {
              errorCount += rowErrors.size();
              keep(errors, rowErrors);
            } else {
              RecordValidator.Checked checked = validator.check(next.get(), payloads, today);
              if (checked instanceof RecordValidator.Valid valid) {
                if (errorCount == 0) {
                  staging.add(valid.record());
                }
                valid.record().flags().forEach(f -> flagged.merge(f, 1L, Long::sum));
              } else if (checked instanceof RecordValidator.Invalid invalid) {
                errorCount += invalid.errors().size();
                keep(errors, invalid.errors());
              }
            }
            if (rows % PROGRESS_EVERY == 0) {
              progress.update(records.bytesRead(), totalBytes, rows);
            }
          }
        } catch (RecordSource.MalformedFileException e) {
          errorCount++;
          keep(errors, List.of(e.error()));
        }
      }
      progress.update(records.bytesRead(), totalBytes, rows);
      if (errorCount == 0 && rows == 0) {
        errors.add(new RowError(1, "", "the file holds no records"));
        errorCount = 1;
      }
      if (errorCount > 0) {
        throw new Rejection(
            new ImportReport(
                source, false, 0, rows, ImportCounts.zero(), flagged, errors, errorCount));
      }
      RequestStore.Merge merge = staging.merge();
      if (merge instanceof RequestStore.Merged merged) {
        return new ImportReport(
            source, true, merged.importId(), rows, merged.counts(), flagged, List.of(), 0);
      }
      List<RowError> refused = ((RequestStore.Refused) merge).errors();
      List<RowError> kept = new ArrayList<>();
      keep(kept, refused);
      throw new Rejection(
          new ImportReport(
              source, false, 0, rows, ImportCounts.zero(), flagged, kept, refused.size()));
    }
  }

  private static void keep(List<RowError> errors, List<RowError> more) {
    for (RowError e : more) {
      if (errors.size() < MAX_REPORTED_ERRORS) {
        errors.add(e);
      }
    }
  }

  private Office office(String code) {
    return offices
        .officeByCode(code)
        .orElseThrow(
            () -> new DomainException(OfficeError.UNKNOWN_OFFICE, "No office with code " + code));
  }

  /** Carries a refused report out of the transaction, rolling it back. */
  private static final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ImportReport report;

    Rejection(ImportReport report) {
      super("import refused", null, false, false);
      this.report = report;
    }
  }

  /**
   * What an import did, as its audit event records it (the console words it in the reader's
   * language): every count, then every flag's count.
   */
  static String auditDetail(ImportReport report) {
    ImportCounts c = report.counts();
    Map<RecordFlag, Long> flagged = report.flagged();
    return String.format(
        Locale.ROOT,
        "rows %d: new %d, reopened %d, updated %d, withdrawn %d, unchanged %d, not ready %d,"
            + " being printed %d; flagged: birth date %d, sex %d, phone %d, photo %d",
        report.rowsRead(),
        c.created(),
        c.reopened(),
        c.updated(),
        c.withdrawn(),
        c.unchanged(),
        c.notReady(),
        c.locked(),
        flagged.getOrDefault(RecordFlag.NIK_DATE_MISMATCH, 0L),
        flagged.getOrDefault(RecordFlag.NIK_SEX_MISMATCH, 0L),
        flagged.getOrDefault(RecordFlag.PHONE_INVALID, 0L),
        flagged.getOrDefault(RecordFlag.PHOTO_MISSING, 0L));
  }
}
