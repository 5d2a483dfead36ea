package org.cetak.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import javax.smartcardio.TerminalFactory;
import javax.sql.DataSource;
import org.cetak.office.OfficeDirectory;
import org.cetak.platform.ProductionChecks;
import org.cetak.printing.config.StationDevices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cetak check} (or {@code cetak --check}): verifies an installation without changing it —
 * the database answers and its schema is at this jar's version (nothing is migrated), an office is
 * set up, each printer of this node has its port and its chip reader, the SMS gateway is configured
 * and answers, the centre link is configured and answers, and (with the production profile) the
 * settings production requires. One line per check, Indonesian then English; exit 0 when every
 * check passes, 1 otherwise. The checks themselves are {@link DatabaseCheck}, {@link DeviceCheck}
 * and {@link LinkCheck}; this command runs them in order and prints what they found.
 */
@Component
@Command(
    name = "check",
    description = {
      "Periksa instalasi: database, kantor, printer, pembaca chip, gateway SMS, tautan ke pusat,"
          + " pengaturan produksi. Keluar dengan 1 bila ada yang gagal.",
      "Check the installation: database, office, printers, chip readers, SMS gateway, centre link,"
          + " production settings. Exits with 1 when a check fails."
    })
public class CheckCommand implements Callable<Integer> {

  private final DatabaseCheck database;
  private final DeviceCheck devices;
  private final LinkCheck links;
  private final ConfigurableEnvironment environment;
  private final CliText text;

  @Spec CommandSpec spec;

  public CheckCommand(
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<OfficeDirectory> offices,
      ObjectProvider<StationDevices> devices,
      ObjectProvider<TerminalFactory> readers,
      ConfigurableEnvironment environment,
      CliText text) {
    this.database = new DatabaseCheck(dataSource, offices, environment, text);
    this.devices = new DeviceCheck(devices, readers, text);
    this.links = new LinkCheck(environment, text);
    this.environment = environment;
    this.text = text;
  }

  @Override
  public Integer call() {
    List<CheckResult> results = new ArrayList<>();
    database.check(results);
    devices.check(results);
    results.add(links.smsGateway());
    results.add(links.centreLink());
    if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
      List<String> problems = ProductionChecks.configurationProblems(environment);
      String what = text.both("cli.check.production");
      results.add(
          problems.isEmpty()
              ? CheckResult.ok(what, text.both("cli.check.production.complete"))
              : CheckResult.fail(
                  text, what, "cli.check.production.notReady", String.join("; ", problems)));
    }
    PrintWriter out = spec.commandLine().getOut();
    results.forEach(r -> out.println(r.line(text)));
    long failed = results.stream().filter(r -> !r.ok()).count();
    out.println(
        failed == 0
            ? "OK: " + text.both("cli.check.ready")
            : text.both("cli.check.failed", failed));
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
