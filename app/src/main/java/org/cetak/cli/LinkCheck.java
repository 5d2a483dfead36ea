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
  private final CliText text;

  LinkCheck(Environment environment, CliText text) {
    this.environment = environment;
    this.text = text;
  }

  /** The SMS gateway {@code cetak.sms.gateway} names is configured and accepts a connection. */
  CheckResult smsGateway() {
    String kind = environment.getProperty("cetak.sms.gateway", "file");
    String what = text.both("cli.check.sms") + " " + kind;
    switch (kind) {
      case "kannel" -> {
        URI url =
            URI.create(
                environment.getProperty(
                    "cetak.sms.kannel.url", "http://127.0.0.1:13013/cgi-bin/sendsms"));
        return Reachability.reachable(text, what, url.getHost(), Reachability.port(url));
      }
      case "smpp" -> {
        String host = environment.getProperty("cetak.sms.smpp.host", "127.0.0.1");
        int port = environment.getProperty("cetak.sms.smpp.port", Integer.class, 2775);
        return Reachability.reachable(text, what, host, port);
      }
      case "gammu" -> {
        return gammu(what);
      }
      case "file" -> {
        return file(what);
      }
      default -> {
        return CheckResult.fail(text, what, "cli.check.sms.unknown", kind);
      }
    }
  }

  /** The centre's registry ({@code cetak.upstream.url}) is configured and accepts a connection. */
  CheckResult centreLink() {
    String what = text.both("cli.check.centre");
    String url = environment.getProperty("cetak.upstream.url", "");
    if (url.isBlank()) {
      return CheckResult.fail(text, what, "cli.check.centre.unset");
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return CheckResult.fail(text, what, "cli.check.centre.invalid", url);
    }
    if (uri.getHost() == null) {
      return CheckResult.fail(text, what, "cli.check.centre.invalid", url);
    }
    return Reachability.reachable(text, what, uri.getHost(), Reachability.port(uri));
  }

  private CheckResult gammu(String what) {
    String url = environment.getProperty("cetak.sms.gammu.url", "");
    if (url.isBlank()) {
      return CheckResult.fail(text, what, "cli.check.gammu.unset");
    }
    try (Connection c =
        DriverManager.getConnection(
            url,
            environment.getProperty("cetak.sms.gammu.user", "smsd"),
            environment.getProperty("cetak.sms.gammu.password", ""))) {
      return CheckResult.ok(what, url + " (" + c.getMetaData().getDatabaseProductName() + ")");
    } catch (SQLException e) {
      return CheckResult.fail(text, what, "cli.check.gammu.silent", CheckResult.rootMessage(e));
    }
  }

  private CheckResult file(String what) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
      return CheckResult.fail(text, what, "cli.check.sms.fileOnly");
    }
    Path file = Path.of(environment.getProperty("cetak.sms.file", ".cetak/sms.log"));
    Path folder = file.toAbsolutePath().getParent();
    boolean writable =
        Files.isDirectory(folder) ? Files.isWritable(folder) : writableAncestor(folder);
    return writable
        ? CheckResult.ok(what, file + " (" + text.both("cli.check.sms.trial") + ")")
        : CheckResult.fail(text, what, "cli.check.sms.notWritable", folder.toString());
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
