package org.cetak.intake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.cetak.cli.CliText;
import org.cetak.common.DomainException;
import org.cetak.console.Labels;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportReport;
import org.cetak.intake.ImportService;
import org.cetak.intake.RecordFlag;
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

/**
 * {@code cetak import <bundle> [--office 32.71]}: imports a bundle of print-ready records and
 * reports it as the console's import page does, each count and each refused row's reason in
 * Indonesian with English beside it ({@link CliText}).
 */
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
  private final CliText text;
  private final Labels labels;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "folder atau .zip bundel / bundle directory or .zip")
  Path bundle;

  @Option(
      names = "--office",
      description =
          "kode wilayah kantor (bawaan: satu-satunya kantor kabupaten/kota) / office code"
              + " (default: the installation's only kabupaten/kota office)")
  String office;

  @Option(
      names = "--actor",
      defaultValue = "cli",
      description = "siapa yang mengimpor, untuk log audit / who imports, for the audit trail")
  String actor;

  public ImportCommand(
      ImportService imports, OfficeDirectory offices, CliText text, Labels labels) {
    this.imports = imports;
    this.offices = offices;
    this.text = text;
    this.labels = labels;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String code = office != null ? office : defaultOffice(offices);
    ImportReport report;
    try (Bundle opened = Bundle.open(bundle);
        ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName(text.both("imports.nav"))
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
                bar.setExtraMessage(CliText.number(rows) + " " + text.both("cli.rows"));
              });
    } catch (DomainException e) {
      out.println(text.refusal(e));
      out.flush();
      return 2;
    }
    print(out, bundle, report);
    out.flush();
    return report.applied() ? 0 : 1;
  }

  /** The report of an import of {@code bundle}: its counts, or why it was refused. */
  void print(PrintWriter out, Path bundle, ImportReport report) {
    if (report.applied()) {
      out.println(text.labelled("cli.import.applied", bundle.toString()));
      count(out, "rowsRead", report.rowsRead());
      count(out, "created", report.counts().created());
      count(out, "reopened", report.counts().reopened());
      count(out, "updated", report.counts().updated());
      count(out, "withdrawn", report.counts().withdrawn());
      count(out, "unchanged", report.counts().unchanged());
      count(out, "notReady", report.counts().notReady());
      count(out, "locked", report.counts().locked());
      Map<RecordFlag, Long> flagged = new TreeMap<>(report.flagged());
      flagged.forEach(
          (flag, n) -> out.println("  " + text.labelled("imports.flag." + flag.name(), n)));
      return;
    }
    out.println(text.labelled("cli.import.refused", bundle.toString()));
    count(out, "errorCount", report.errorCount());
    List<RowError> errors = report.errors();
    errors.forEach(e -> out.println("  " + row(e)));
    if (report.errorCount() > errors.size()) {
      out.println("  " + text.both("cli.more", report.errorCount() - errors.size()));
    }
  }

  private void count(PrintWriter out, String count, long n) {
    out.println("  " + text.labelled("imports.count." + count, n));
  }

  /**
   * A refused row as the import page shows it: line, column and the reason's wording. The reason
   * names the field and what is wrong with it, never the value of a personal field ({@link
   * RowError}).
   */
  private String row(RowError error) {
    String where = text.both("imports.line") + " " + CliText.number(error.line());
    if (!error.column().isEmpty()) {
      where += ", " + text.both("imports.column") + " " + error.column();
    }
    return where + ": " + text.both(locale -> labels.rowReason(error.reason(), locale));
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
