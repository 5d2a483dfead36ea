package org.cetak.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.cetak.intake.ImportCounts;
import org.cetak.intake.ImportReport;
import org.junit.jupiter.api.Test;

class ImportCommandTest {

  @Test
  void the_report_counts_reopened_requests_apart_from_new_ones() {
    StringWriter out = new StringWriter();
    ImportReport report =
        new ImportReport(
            "file records.csv",
            true,
            7,
            5,
            new ImportCounts(1, 2, 0, 0, 1, 1, 0),
            Map.of(),
            List.of(),
            0);

    ImportCommand.print(new PrintWriter(out), report);

    assertThat(out.toString())
        .startsWith(
            "imported file records.csv: 5 rows; 1 new, 2 reopened, 0 changed, 0 withdrawn,"
                + " 1 unchanged, 1 not print-ready, 0 already printing (not applied)");
  }
}
