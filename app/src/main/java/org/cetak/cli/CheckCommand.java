package org.cetak.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.cetak.office.OfficeDirectory;
import org.cetak.platform.ProductionChecks;
import org.cetak.printing.config.StationProperties;
import org.flywaydb.core.Flyway;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cetak check} (or {@code cetak --check}): verifies an installation without starting it —
 * the database answers and is migrated, an office is set up, each configured printer's port and
 * chip reader are there, and (with the production profile) the settings production requires. Exit 0
 * when everything is in order, 1 otherwise.
 */
@Component
@Command(
    name = "check",
    description = {
      "Periksa instalasi: database, kantor, printer, pembaca chip, pengaturan produksi.",
      "Check the installation: database, office, printers, chip readers, production settings."
    })
public class CheckCommand implements Callable<Integer> {

  private final Flyway flyway;
  private final OfficeDirectory offices;
  private final StationProperties station;
  private final TerminalFactory readers;
  private final ConfigurableEnvironment environment;

  @Spec CommandSpec spec;

  private int failures;

  public CheckCommand(
      Flyway flyway,
      OfficeDirectory offices,
      StationProperties station,
      TerminalFactory readers,
      ConfigurableEnvironment environment) {
    this.flyway = flyway;
    this.offices = offices;
    this.station = station;
    this.readers = readers;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    failures = 0;
    var info = flyway.info();
    report(
        out,
        info.pending().length == 0,
        "database answers, schema at version " + info.current().getVersion(),
        info.pending().length + " migrations pending");
    report(
        out,
        !offices.offices().isEmpty(),
        "office " + offices.offices().stream().map(o -> o.code()).toList(),
        "no office yet: run ./cetak setup");
    for (StationProperties.PrinterLink link : station.printers()) {
      report(out, reachable(link.link()), link.code() + " at " + link.link(), "cannot reach");
    }
    List<String> terminals = terminals();
    for (StationProperties.PrinterLink link : station.printers()) {
      Pattern pattern = Pattern.compile(link.reader());
      report(
          out,
          terminals.stream().anyMatch(t -> pattern.matcher(t).find()),
          link.code() + " chip reader " + link.reader(),
          "PC/SC lists " + terminals);
    }
    if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
      List<String> problems = ProductionChecks.configurationProblems(environment);
      report(out, problems.isEmpty(), "production settings", String.join("; ", problems));
    }
    out.println(failures == 0 ? "OK" : failures + " problem(s) / masalah");
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private void report(PrintWriter out, boolean ok, String what, String problem) {
    out.printf("%-4s %s%s%n", ok ? "ok" : "FAIL", what, ok ? "" : ": " + problem);
    if (!ok) {
      failures++;
    }
  }

  private List<String> terminals() {
    try {
      return readers.terminals().list().stream().map(CardTerminal::getName).toList();
    } catch (Exception e) {
      return List.of("(PC/SC unavailable: " + e.getMessage() + ")");
    }
  }

  private static boolean reachable(String link) {
    if (link.startsWith("serial:")) {
      String rest = link.substring("serial:".length());
      int query = rest.indexOf('?');
      Path device = Path.of(query < 0 ? rest : rest.substring(0, query));
      return Files.isReadable(device) && Files.isWritable(device);
    }
    if (link.startsWith("tcp://")) {
      URI uri = URI.create(link);
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        return true;
      } catch (java.io.IOException e) {
        return false;
      }
    }
    return false;
  }
}
