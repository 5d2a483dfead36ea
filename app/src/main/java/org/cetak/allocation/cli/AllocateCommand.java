package org.cetak.allocation.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunResult;
import org.cetak.allocation.RunTrigger;
import org.cetak.cli.CliText;
import org.cetak.common.DomainException;
import org.cetak.intake.cli.ImportCommand;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cetak allocate [--office 32.71]}: runs allocation now and tells what it reserved and what
 * stock it worked with, Indonesian with English beside it ({@link CliText}).
 */
@Component
@Command(
    name = "allocate",
    description = {
      "Mencadangkan blanko untuk antrean menurut prioritas, sekarang.",
      "Reserve blanks for the queue by priority, now."
    })
public class AllocateCommand implements Callable<Integer> {

  private final AllocationService allocation;
  private final OfficeDirectory offices;
  private final CliText text;

  @Spec CommandSpec spec;

  @Option(
      names = "--office",
      description =
          "kode wilayah kantor (bawaan: satu-satunya kantor kabupaten/kota) / office code (default:"
              + " the only kabupaten/kota office)")
  String office;

  public AllocateCommand(AllocationService allocation, OfficeDirectory offices, CliText text) {
    this.allocation = allocation;
    this.offices = offices;
    this.text = text;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String code = office != null ? office : ImportCommand.defaultOffice(offices);
    long officeId =
        offices
            .officeByCode(code)
            .orElseThrow(
                () -> new DomainException(OfficeError.UNKNOWN_OFFICE, "No office " + code, code))
            .id();
    RunResult r = allocation.run(officeId, RunTrigger.ON_DEMAND, "cli");
    out.println(text.both("cli.allocate.run", r.runId(), r.policyVersion()));
    out.println("  " + text.labelled("cli.allocate.granted", r.granted()));
    out.println("  " + text.labelled("cli.allocate.released", r.released()));
    out.println("  " + text.labelled("stock.available", r.available()));
    out.println("  " + text.labelled("stock.reserved", r.held()));
    out.println("  " + text.labelled("queue.usable", r.usable()));
    out.println("  " + text.labelled("queue.reserve", r.urgentReserve()));
    out.println(
        "  "
            + text.labelled(
                "cli.allocate.capLeft",
                r.capLeft().isPresent()
                    ? CliText.number(r.capLeft().getAsInt())
                    : text.both("cli.allocate.noCap")));
    out.println("  " + text.labelled("cli.allocate.queued", r.queued()));
    out.println("  " + text.both("cli.allocate.millis", r.millis()));
    out.flush();
    return 0;
  }
}
