package org.cetak.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import javax.sql.DataSource;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.platform.ProductionChecks;
import org.cetak.printing.config.StationDevices;
import org.cetak.printing.config.StationProperties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
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
 * check passes, 1 otherwise.
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

  /** How long a gateway, the centre or a printer on the network gets to accept a connection. */
  private static final Duration CONNECT_WAIT = Duration.ofSeconds(3);

  private final ObjectProvider<DataSource> dataSource;
  private final ObjectProvider<OfficeDirectory> offices;
  private final ObjectProvider<StationDevices> devices;
  private final ObjectProvider<TerminalFactory> readers;
  private final ConfigurableEnvironment environment;

  @Spec CommandSpec spec;

  public CheckCommand(
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<OfficeDirectory> offices,
      ObjectProvider<StationDevices> devices,
      ObjectProvider<TerminalFactory> readers,
      ConfigurableEnvironment environment) {
    this.dataSource = dataSource;
    this.offices = offices;
    this.devices = devices;
    this.readers = readers;
    this.environment = environment;
  }

  /** The outcome of one check: what was checked, and when it failed, why in both languages. */
  record Result(boolean ok, String what, String indonesian, String english) {

    static Result ok(String what, String detail) {
      return new Result(true, what, detail, detail);
    }

    static Result fail(String what, String indonesian, String english) {
      return new Result(false, what, indonesian, english);
    }

    String line() {
      return ok
          ? String.format("ok     %s: %s", what, indonesian)
          : String.format("GAGAL  %s: %s%n       FAIL: %s", what, indonesian, english);
    }
  }

  @Override
  public Integer call() {
    List<Result> results = new ArrayList<>();
    boolean migrated = database(results);
    if (migrated) {
      results.add(office());
    }
    printers(results);
    results.add(smsGateway());
    results.add(centreLink());
    if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
      List<String> problems = ProductionChecks.configurationProblems(environment);
      results.add(
          problems.isEmpty()
              ? Result.ok("pengaturan produksi / production settings", "lengkap / complete")
              : Result.fail(
                  "pengaturan produksi / production settings",
                  "belum siap untuk produksi",
                  String.join("; ", problems)));
    }
    PrintWriter out = spec.commandLine().getOut();
    results.forEach(r -> out.println(r.line()));
    long failed = results.stream().filter(r -> !r.ok()).count();
    out.println(
        failed == 0
            ? "OK: instalasi siap / the installation is ready"
            : failed + " pemeriksaan gagal / " + failed + " check(s) failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  /** The database answers and every migration of this jar is applied; true when both hold. */
  private boolean database(List<Result> results) {
    String what = "basis data / database";
    String where = environment.getProperty("cetak.database.url", "");
    String named = where.isBlank() ? "embedded PostgreSQL" : where;
    DataSource source;
    String version;
    try {
      source = dataSource.getObject();
      try (Connection c = source.getConnection()) {
        version = c.getMetaData().getDatabaseProductVersion();
      }
    } catch (RuntimeException | SQLException e) {
      results.add(
          Result.fail(
              what,
              "tidak dapat terhubung ke " + named + ": " + rootMessage(e),
              "cannot connect to " + named + ": " + rootMessage(e)));
      return false;
    }
    results.add(Result.ok(what, "PostgreSQL " + version + " (" + named + ")"));
    MigrationInfoService info =
        Flyway.configure()
            .dataSource(source)
            .locations(
                environment
                    .getProperty("spring.flyway.locations", "classpath:db/migration")
                    .split(","))
            .load()
            .info();
    MigrationInfo current = info.current();
    String at = current == null ? "-" : current.getVersion().toString();
    long failed =
        Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED).count();
    long future =
        Arrays.stream(info.all())
            .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS)
            .count();
    int pending = info.pending().length;
    String schema = "skema / schema";
    if (failed > 0) {
      results.add(
          Result.fail(
              schema,
              failed + " migrasi gagal; pulihkan dari cadangan (docs/INSTALL.md)",
              failed + " migration(s) failed; restore the backup (docs/INSTALL.md)"));
      return false;
    }
    if (future > 0) {
      results.add(
          Result.fail(
              schema,
              "versi " + at + " lebih baru dari program ini: pasang jar yang lebih baru",
              "version " + at + " is newer than this jar: install the newer jar"));
      return false;
    }
    if (pending > 0) {
      results.add(
          Result.fail(
              schema,
              "versi "
                  + at
                  + ", "
                  + pending
                  + " migrasi belum dijalankan: jalankan server sekali (ia memigrasikan)",
              "version "
                  + at
                  + ", "
                  + pending
                  + " migration(s) pending: start the server once (it migrates)"));
      return false;
    }
    results.add(Result.ok(schema, "versi / version " + at));
    return true;
  }

  private Result office() {
    List<Office> all = offices.getObject().offices();
    String what = "kantor / office";
    return all.isEmpty()
        ? Result.fail(
            what, "belum ada kantor: jalankan ./cetak setup", "no office yet: run ./cetak setup")
        : Result.ok(what, String.join(", ", all.stream().map(Office::code).toList()));
  }

  /** Each printer of this node: its port is there (or answers) and PC/SC lists its reader. */
  private void printers(List<Result> results) {
    List<StationProperties.PrinterLink> links;
    try {
      links = devices.getObject().links();
    } catch (RuntimeException e) {
      results.add(
          Result.fail(
              "berkas perangkat / device file",
              "tidak dapat dipakai: " + rootMessage(e),
              "cannot be used: " + rootMessage(e)));
      return;
    }
    if (links.isEmpty()) {
      results.add(
          Result.ok(
              "printer / printers", "tidak ada printer untuk node ini / no printer on this node"));
      return;
    }
    List<String> terminals;
    String pcsc = "";
    try {
      terminals =
          readers.getObject().terminals().list().stream().map(CardTerminal::getName).toList();
    } catch (Exception e) {
      terminals = List.of();
      pcsc = rootMessage(e);
    }
    for (StationProperties.PrinterLink link : links) {
      results.add(port(link));
      String what = "pembaca chip / chip reader " + link.code();
      Pattern pattern = Pattern.compile(link.reader());
      String found =
          terminals.stream().filter(t -> pattern.matcher(t).find()).findFirst().orElse("");
      results.add(
          !found.isEmpty()
              ? Result.ok(what, found)
              : Result.fail(
                  what,
                  "tidak ada pembaca yang cocok dengan \""
                      + link.reader()
                      + "\" (pcscd berjalan? pcsc_scan) "
                      + (pcsc.isEmpty() ? "PC/SC: " + terminals : "PC/SC: " + pcsc),
                  "no reader matches \""
                      + link.reader()
                      + "\" (is pcscd running? pcsc_scan) "
                      + (pcsc.isEmpty() ? "PC/SC lists " + terminals : "PC/SC: " + pcsc)));
    }
  }

  private static Result port(StationProperties.PrinterLink link) {
    String what = "printer " + link.code();
    String address = link.link();
    if (address.startsWith("serial:")) {
      String rest = address.substring("serial:".length());
      int query = rest.indexOf('?');
      Path device = Path.of(query < 0 ? rest : rest.substring(0, query));
      if (!Files.exists(device)) {
        return Result.fail(
            what,
            device + " tidak ada: kabel, udev (docs/INSTALL.md bagian 4)",
            device + " does not exist: cable, udev rule (docs/INSTALL.md section 4)");
      }
      if (!Files.isReadable(device) || !Files.isWritable(device)) {
        return Result.fail(
            what,
            device + " tidak boleh dibuka: tambahkan pengguna ke grup dialout",
            device + " may not be opened: add the user to the dialout group");
      }
      return Result.ok(what, device.toString());
    }
    if (address.startsWith("tcp://")) {
      URI uri = URI.create(address);
      return connects(uri.getHost(), uri.getPort())
          ? Result.ok(what, address)
          : Result.fail(
              what, address + " tidak menjawab", address + " does not accept a connection");
    }
    if (address.startsWith("sim:")) {
      return Result.ok(what, address + " (printer simulasi demo / the demo's simulated printer)");
    }
    return Result.fail(
        what, "alamat tidak dikenal: " + address, "unknown kind of address: " + address);
  }

  /** The SMS gateway {@code cetak.sms.gateway} names is configured and accepts a connection. */
  private Result smsGateway() {
    String kind = environment.getProperty("cetak.sms.gateway", "file");
    String what = "gateway SMS / SMS gateway " + kind;
    switch (kind) {
      case "kannel" -> {
        URI url =
            URI.create(
                environment.getProperty(
                    "cetak.sms.kannel.url", "http://127.0.0.1:13013/cgi-bin/sendsms"));
        return reachable(what, url.getHost(), port(url));
      }
      case "smpp" -> {
        String host = environment.getProperty("cetak.sms.smpp.host", "127.0.0.1");
        int port = environment.getProperty("cetak.sms.smpp.port", Integer.class, 2775);
        return reachable(what, host, port);
      }
      case "gammu" -> {
        String url = environment.getProperty("cetak.sms.gammu.url", "");
        if (url.isBlank()) {
          return Result.fail(
              what,
              "cetak.sms.gammu.url (database Gammu SMSD) belum diisi",
              "cetak.sms.gammu.url (the Gammu SMSD database) is not set");
        }
        try (Connection c =
            DriverManager.getConnection(
                url,
                environment.getProperty("cetak.sms.gammu.user", "smsd"),
                environment.getProperty("cetak.sms.gammu.password", ""))) {
          return Result.ok(what, url + " (" + c.getMetaData().getDatabaseProductName() + ")");
        } catch (SQLException e) {
          return Result.fail(
              what,
              "database Gammu SMSD tidak menjawab: " + rootMessage(e),
              "the Gammu SMSD database does not answer: " + rootMessage(e));
        }
      }
      case "file" -> {
        if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
          return Result.fail(
              what,
              "SMS hanya ditulis ke berkas, warga tidak menerima SMS: atur cetak.sms.gateway"
                  + " (kannel, gammu atau smpp)",
              "SMS are only written to a file, residents get none: set cetak.sms.gateway"
                  + " (kannel, gammu or smpp)");
        }
        Path file = Path.of(environment.getProperty("cetak.sms.file", ".cetak/sms.log"));
        Path folder = file.toAbsolutePath().getParent();
        boolean writable =
            Files.isDirectory(folder) ? Files.isWritable(folder) : writableAncestor(folder);
        return writable
            ? Result.ok(what, file + " (uji coba: tidak ada SMS keluar / trial: no SMS leaves)")
            : Result.fail(what, folder + " tidak dapat ditulisi", folder + " is not writable");
      }
      default -> {
        return Result.fail(
            what,
            "cetak.sms.gateway adalah file, kannel, gammu atau smpp, bukan " + kind,
            "cetak.sms.gateway is file, kannel, gammu or smpp, not " + kind);
      }
    }
  }

  /** The centre's registry ({@code cetak.upstream.url}) is configured and accepts a connection. */
  private Result centreLink() {
    String what = "tautan ke pusat / centre link";
    String url = environment.getProperty("cetak.upstream.url", "");
    if (url.isBlank()) {
      return Result.fail(
          what,
          "cetak.upstream.url belum diisi: status tercetak tidak terkirim ke pusat",
          "cetak.upstream.url is not set: printed statuses do not reach the centre");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Result.fail(what, "alamat tidak sah: " + url, "not a valid address: " + url);
    }
    if (uri.getHost() == null) {
      return Result.fail(what, "alamat tidak sah: " + url, "not a valid address: " + url);
    }
    return reachable(what, uri.getHost(), port(uri));
  }

  private static Result reachable(String what, String host, int port) {
    return connects(host, port)
        ? Result.ok(what, host + ":" + port)
        : Result.fail(
            what,
            host + ":" + port + " tidak menjawab",
            host + ":" + port + " does not accept a connection");
  }

  private static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private static boolean connects(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_WAIT.toMillis());
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean writableAncestor(Path folder) {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return Files.isWritable(p);
      }
    }
    return false;
  }

  /** The innermost cause's message: what actually went wrong, without the wrapping. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
