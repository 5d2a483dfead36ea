package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportReport;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.RequestReason;
import org.cetak.intake.Residents;

/**
 * Synthetic residents for the queue-order tests, each with a reason, a birth date, a Suket date (or
 * none) and a print-ready time, imported into the fixture's office in bundles of their own.
 */
final class QueueResidents {

  private final IntakeFixture f;
  private int seq;
  private int bundles;

  /**
   * @param firstSeq where the residents' numbers start, apart from other tests' in the database
   */
  QueueResidents(IntakeFixture f, int firstSeq) {
    this.f = f;
    this.seq = firstSeq;
  }

  /** A resident's row; {@code change} adjusts it further before it is taken. */
  Map<String, String> row(
      RequestReason reason,
      LocalDate birth,
      String suketDate,
      String siakAt,
      Consumer<Map<String, String>> change) {
    Map<String, String> row = Residents.row(++seq, birth, reason.name());
    row.put("suket_date", suketDate);
    row.put("suket_number", suketDate.isEmpty() ? "" : "474/" + seq);
    row.put("siak_status_at", siakAt);
    change.accept(row);
    return row;
  }

  /** Imports the rows as one bundle written under {@code dir}; every row must be taken. */
  void importRows(Path dir, List<Map<String, String>> rows) {
    try (Bundle bundle = Bundle.open(Residents.bundle(dir.resolve("bundle" + ++bundles), rows))) {
      ImportReport report =
          f.imports.importBundle(bundle, f.office.code(), "loket", ImportProgress.none());
      assertThat(report.errors()).isEmpty();
    }
  }
}
