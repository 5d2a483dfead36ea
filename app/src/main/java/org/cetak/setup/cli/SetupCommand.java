package org.cetak.setup.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.cetak.cli.CliText;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.setup.FirstRun;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cetak setup}: the first run of an office's installation. The administrator's password
 * comes from {@code --admin-password-file}, the environment variable {@code CETAK_ADMIN_PASSWORD},
 * or is asked for twice on the terminal; it never appears on the command line.
 */
@Component
@Command(
    name = "setup",
    sortOptions = false,
    description = {
      "Siapkan instalasi baru: kantor, printer dan administrator pertama (sekali saja).",
      "Set up a fresh installation: the office, its printers and the first administrator (once)."
    })
public class SetupCommand implements Callable<Integer> {

  private final FirstRun firstRun;
  private final CliText text;

  @Spec CommandSpec spec;

  @Option(names = "--region", required = true, description = "kode wilayah / region code, 32.71")
  String region;

  @Option(names = "--name", required = true, description = "nama kantor / office name")
  String name;

  @Option(names = "--address", required = true, description = "alamat / address")
  String address;

  @Option(
      names = "--hours",
      defaultValue = "08.00-15.00",
      description = "jam buka / opening hours (default ${DEFAULT-VALUE})")
  String hours;

  @Option(
      names = "--zone",
      defaultValue = "Asia/Jakarta",
      description = "Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)")
  String zone;

  @Option(
      names = "--printer",
      description =
          "printer: KODE atau KODE=model, bisa berulang / CODE or CODE=model, repeatable"
              + " (PRN-1=Evolis Primacy)")
  List<String> printers = new ArrayList<>();

  @Option(names = "--admin", required = true, description = "nama pengguna / username")
  String admin;

  @Option(names = "--admin-name", defaultValue = "", description = "nama lengkap / full name")
  String adminName;

  @Option(
      names = "--admin-password-file",
      description = "berkas berisi kata sandi (satu baris) / file with the password (one line)")
  Path passwordFile;

  public SetupCommand(FirstRun firstRun, CliText text) {
    this.firstRun = firstRun;
    this.text = text;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!firstRun.needed()) {
      err.println(text.both("cli.setup.done"));
      return 2;
    }
    String password = password(err);
    if (password == null) {
      return 2;
    }
    List<FirstRun.PrinterSpec> specs = new ArrayList<>();
    for (String p : printers) {
      int eq = p.indexOf('=');
      specs.add(
          eq < 0
              ? new FirstRun.PrinterSpec(p.strip(), "")
              : new FirstRun.PrinterSpec(p.substring(0, eq).strip(), p.substring(eq + 1).strip()));
    }
    try {
      Office office =
          firstRun.run(
              new FirstRun.Request(
                  region, name, address, hours, zone, specs, admin, adminName, password));
      out.println(text.both("cli.setup.ready", office.code(), office.name(), admin, specs.size()));
      out.flush();
      return 0;
    } catch (DomainException e) {
      err.println(text.refusal(e));
      return 1;
    }
  }

  // On Java 17, the runtime this project targets, System.console() is null without a terminal.
  @SuppressWarnings("SystemConsoleNull")
  private String password(PrintWriter err) throws IOException {
    if (passwordFile != null) {
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    }
    String fromEnvironment = System.getenv("CETAK_ADMIN_PASSWORD");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    Console console = System.console();
    if (console == null) {
      err.println(text.both("cli.setup.passwordFrom"));
      return null;
    }
    char[] first = console.readPassword("%s: ", text.both("cli.setup.password"));
    char[] second = console.readPassword("%s: ", text.both("cli.setup.again"));
    if (first == null || !Arrays.equals(first, second)) {
      err.println(text.both("cli.setup.differ"));
      return null;
    }
    return new String(first);
  }
}
