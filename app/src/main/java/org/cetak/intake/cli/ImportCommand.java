package org.cetak.intake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cetak.common.DomainException;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportReport;
import org.cetak.intake.ImportService;
import org.cetak.intake.RowError;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.OfficeKind;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cetak import <bundle> [--office 32.71]}: imports a bundle of print-ready records. */
@Component
@Command(
    name = "import",
    description = {
      "Mengimpor rekaman siap cetak dari sebuah bundel (folder atau .zip berisi records.csv atau"
          + " records.json, photos/, signatures/, fingerprints/). Semua atau tidak sama sekali;"
          + " keluar dengan kode 1 bila ditolak.",
      "Import print-ready records from a bundle (directory or .zip with records.csv or"
          + " records.json, photos/, signatures/, fingerprints/). All or nothing; exit 1 when"
          + " refused."
    })
public class ImportCommand implements Callable<Integer> {

  private final ImportService imports;
  private final OfficeDirectory offices;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "bundle directory or .zip")
  Path bundle;

  @Option(
      names = "--office",
      description = "office code (default: the installation's only kabupaten/kota office)")
  String office;

  @Option(names = "--actor", defaultValue = "cli", description = "who imports, for the audit trail")
  String actor;

  public ImportCommand(ImportService imports, OfficeDirectory offices) {
    this.imports = imports;
    this.offices = offices;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String code = office != null ? office : defaultOffice(offices);
    ImportReport report;
    try (Bundle opened = Bundle.open(bundle);
        ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("import")
                .setInitialMax(Math.max(1, opened.recordsSize()))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" KB", 1024)
                .showSpeed()
                .build()) {
      report =
          imports.importBundle(
              opened,
              code,
              actor,
              (bytes, total, rows) -> {
                bar.stepTo(bytes);
                bar.setExtraMessage(rows + " rows");
              });
    } catch (DomainException e) {
      out.println("refused: " + e.getMessage());
      out.flush();
      return 2;
    }
    print(out, report);
    out.flush();
    return report.applied() ? 0 : 1;
  }

  static void print(PrintWriter out, ImportReport report) {
    if (report.applied()) {
      out.printf(
          "imported %s: %d rows; %d new, %d reopened, %d changed, %d withdrawn, %d unchanged, %d not"
              + " print-ready, %d already printing (not applied)%n",
          report.source(),
          report.rowsRead(),
          report.counts().created(),
          report.counts().reopened(),
          report.counts().updated(),
          report.counts().withdrawn(),
          report.counts().unchanged(),
          report.counts().notReady(),
          report.counts().locked());
      report.flagged().forEach((flag, n) -> out.printf("  flagged %s: %d%n", flag, n));
      return;
    }
    out.printf(
        "REFUSED %s: %d bad rows; nothing was imported%n", report.source(), report.errorCount());
    List<RowError> errors = report.errors();
    errors.forEach(e -> out.println("  " + e));
    if (report.errorCount() > errors.size()) {
      out.printf("  ... and %d more%n", report.errorCount() - errors.size());
    }
  }

  /** The only kabupaten/kota office, when the installation has exactly one. */
  public static String defaultOffice(OfficeDirectory offices) {
    List<Office> main =
        offices.offices().stream().filter(o -> o.kind() == OfficeKind.KABUPATEN_KOTA).toList();
    if (main.size() != 1) {
      throw new DomainException(
          OfficeError.OFFICE_REQUIRED,
          "Name the office with --office (this installation has " + main.size() + ")");
    }
    return main.get(0).code();
  }
}
