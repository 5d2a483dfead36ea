package org.cetak.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * The outside links of {@code cetak check}: the SMS gateway {@code cetak.sms.gateway} names is
 * configured and answers, and the centre's registry {@code cetak.upstream.url} is configured and
 * answers.
 */
final class LinkCheck {

  private final Environment environment;

  LinkCheck(Environment environment) {
    this.environment = environment;
  }

  /** The SMS gateway {@code cetak.sms.gateway} names is configured and accepts a connection. */
  CheckResult smsGateway() {
    String kind = environment.getProperty("cetak.sms.gateway", "file");
    String what = "gateway SMS / SMS gateway " + kind;
    switch (kind) {
      case "kannel" -> {
        URI url =
            URI.create(
                environment.getProperty(
                    "cetak.sms.kannel.url", "http://127.0.0.1:13013/cgi-bin/sendsms"));
        return Reachability.reachable(what, url.getHost(), Reachability.port(url));
      }
      case "smpp" -> {
        String host = environment.getProperty("cetak.sms.smpp.host", "127.0.0.1");
        int port = environment.getProperty("cetak.sms.smpp.port", Integer.class, 2775);
        return Reachability.reachable(what, host, port);
      }
      case "gammu" -> {
        return gammu(what);
      }
      case "file" -> {
        return file(what);
      }
      default -> {
        return CheckResult.fail(
            what,
            "cetak.sms.gateway adalah file, kannel, gammu atau smpp, bukan " + kind,
            "cetak.sms.gateway is file, kannel, gammu or smpp, not " + kind);
      }
    }
  }

  /** The centre's registry ({@code cetak.upstream.url}) is configured and accepts a connection. */
  CheckResult centreLink() {
    String what = "tautan ke pusat / centre link";
    String url = environment.getProperty("cetak.upstream.url", "");
    if (url.isBlank()) {
      return CheckResult.fail(
          what,
          "cetak.upstream.url belum diisi: status tercetak tidak terkirim ke pusat",
          "cetak.upstream.url is not set: printed statuses do not reach the centre");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return CheckResult.fail(what, "alamat tidak sah: " + url, "not a valid address: " + url);
    }
    if (uri.getHost() == null) {
      return CheckResult.fail(what, "alamat tidak sah: " + url, "not a valid address: " + url);
    }
    return Reachability.reachable(what, uri.getHost(), Reachability.port(uri));
  }

  private CheckResult gammu(String what) {
    String url = environment.getProperty("cetak.sms.gammu.url", "");
    if (url.isBlank()) {
      return CheckResult.fail(
          what,
          "cetak.sms.gammu.url (database Gammu SMSD) belum diisi",
          "cetak.sms.gammu.url (the Gammu SMSD database) is not set");
    }
    try (Connection c =
        DriverManager.getConnection(
            url,
            environment.getProperty("cetak.sms.gammu.user", "smsd"),
            environment.getProperty("cetak.sms.gammu.password", ""))) {
      return CheckResult.ok(what, url + " (" + c.getMetaData().getDatabaseProductName() + ")");
    } catch (SQLException e) {
      return CheckResult.fail(
          what,
          "database Gammu SMSD tidak menjawab: " + CheckResult.rootMessage(e),
          "the Gammu SMSD database does not answer: " + CheckResult.rootMessage(e));
    }
  }

  private CheckResult file(String what) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
      return CheckResult.fail(
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
        ? CheckResult.ok(what, file + " (uji coba: tidak ada SMS keluar / trial: no SMS leaves)")
        : CheckResult.fail(what, folder + " tidak dapat ditulisi", folder + " is not writable");
  }

  private static boolean writableAncestor(Path folder) {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return Files.isWritable(p);
      }
    }
    return false;
  }
}
