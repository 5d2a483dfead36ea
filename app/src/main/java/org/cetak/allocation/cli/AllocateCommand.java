package org.cetak.allocation.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunResult;
import org.cetak.allocation.RunTrigger;
import org.cetak.common.DomainException;
import org.cetak.intake.cli.ImportCommand;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cetak allocate [--office 32.71]}: runs allocation now. */
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

  @Spec CommandSpec spec;

  @Option(names = "--office", description = "office code (default: the only kabupaten/kota office)")
  String office;

  public AllocateCommand(AllocationService allocation, OfficeDirectory offices) {
    this.allocation = allocation;
    this.offices = offices;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String code = office != null ? office : ImportCommand.defaultOffice(offices);
    long officeId =
        offices
            .officeByCode(code)
            .orElseThrow(() -> new DomainException(OfficeError.UNKNOWN_OFFICE, "No office " + code))
            .id();
    RunResult r = allocation.run(officeId, RunTrigger.ON_DEMAND, "cli");
    out.printf(
        "run %d (policy v%d): reserved %d, released %d; available %d, held %d, usable %d,"
            + " reserve %d, cap left %s; %d still queued; %d ms%n",
        r.runId(),
        r.policyVersion(),
        r.granted(),
        r.released(),
        r.available(),
        r.held(),
        r.usable(),
        r.urgentReserve(),
        r.capLeft().isPresent() ? String.valueOf(r.capLeft().getAsInt()) : "none",
        r.queued(),
        r.millis());
    out.flush();
    return 0;
  }
}
