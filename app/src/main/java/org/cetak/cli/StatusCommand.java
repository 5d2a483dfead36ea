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

  @Spec CommandSpec spec;

  public StatusCommand(Flyway flyway, OfficeDirectory offices) {
    this.flyway = flyway;
    this.offices = offices;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("schema version: %s%n", flyway.info().current().getVersion());
    if (offices.offices().isEmpty()) {
      out.println("belum ada kantor: jalankan ./cetak setup / no office yet: run ./cetak setup");
    }
    for (Office office : offices.offices()) {
      out.printf("office %-10s %-12s %s%n", office.code(), office.kind(), office.name());
    }
    out.flush();
    return 0;
  }
}
