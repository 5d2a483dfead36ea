package org.cetak.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.flywaydb.core.Flyway;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cetak status}: the schema version and the offices of this installation. */
@Component
@Command(
    name = "status",
    description = {
      "Menampilkan versi skema dan kantor-kantor.",
      "Show the schema version and the offices."
    })
public class StatusCommand implements Callable<Integer> {

  private final Flyway flyway;
  private final OfficeDirectory offices;
  private final CliText text;

  @Spec CommandSpec spec;

  public StatusCommand(Flyway flyway, OfficeDirectory offices, CliText text) {
    this.flyway = flyway;
    this.offices = offices;
    this.text = text;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        text.labelled("cli.status.schema", String.valueOf(flyway.info().current().getVersion())));
    if (offices.offices().isEmpty()) {
      out.println(text.both("cli.noOffice"));
    }
    for (Office office : offices.offices()) {
      out.println(
          text.both("cli.office")
              + " "
              + office.code()
              + ", "
              + text.both("office.kind." + office.kind().name())
              + ": "
              + office.name());
    }
    out.flush();
    return 0;
  }
}
