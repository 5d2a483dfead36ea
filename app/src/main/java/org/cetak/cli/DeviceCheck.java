package org.cetak.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.cetak.printing.config.PrinterLinks;
import org.cetak.printing.config.StationDevices;
import org.cetak.printing.config.StationProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The print room part of {@code cetak check}: each printer of this node has its port (a serial
 * device that exists, may be opened and whose printer tells what it is when asked ({@link
 * PrinterProbe}), or a network printer that accepts a connection) and PC/SC lists its chip reader.
 */
final class DeviceCheck {

  private final ObjectProvider<StationDevices> devices;
  private final ObjectProvider<TerminalFactory> readers;
  private final CliText text;
  private final PrinterProbe probe;

  DeviceCheck(
      ObjectProvider<StationDevices> devices,
      ObjectProvider<TerminalFactory> readers,
      CliText text) {
    this.devices = devices;
    this.readers = readers;
    this.text = text;
    this.probe = new PrinterProbe(PrinterLinks.devices(), text);
  }

  /** Adds one result per printer's port and one per its chip reader. */
  void check(List<CheckResult> results) {
    List<StationProperties.PrinterLink> links;
    try {
      links = devices.getObject().links();
    } catch (RuntimeException e) {
      results.add(
          CheckResult.fail(
              text,
              text.both("cli.check.deviceFile"),
              "cli.check.deviceFile.unusable",
              CheckResult.rootMessage(e)));
      return;
    }
    if (links.isEmpty()) {
      results.add(
          CheckResult.ok(text.both("cli.check.printers"), text.both("cli.check.printers.none")));
      return;
    }
    List<String> terminals;
    String pcsc = "";
    try {
      terminals =
          readers.getObject().terminals().list().stream().map(CardTerminal::getName).toList();
    } catch (Exception e) {
      terminals = List.of();
      pcsc = CheckResult.rootMessage(e);
    }
    for (StationProperties.PrinterLink link : links) {
      results.add(port(link));
      results.add(reader(link, terminals, pcsc));
    }
  }

  private CheckResult reader(
      StationProperties.PrinterLink link, List<String> terminals, String pcsc) {
    String what = text.both("cli.check.reader") + " " + link.code();
    Pattern pattern = Pattern.compile(link.reader());
    String found = terminals.stream().filter(t -> pattern.matcher(t).find()).findFirst().orElse("");
    return !found.isEmpty()
        ? CheckResult.ok(what, found)
        : CheckResult.fail(
            what,
            locale ->
                text.in(
                    locale,
                    "cli.check.reader.none",
                    link.reader(),
                    pcsc.isEmpty()
                        ? text.in(locale, "cli.check.reader.listed", terminals.toString())
                        : "PC/SC: " + pcsc));
  }

  private CheckResult port(StationProperties.PrinterLink link) {
    String what = "printer " + link.code();
    String address = link.link();
    if (address.startsWith("serial:")) {
      String rest = address.substring("serial:".length());
      int query = rest.indexOf('?');
      Path device = Path.of(query < 0 ? rest : rest.substring(0, query));
      if (!Files.exists(device)) {
        return CheckResult.fail(text, what, "cli.check.port.missing", device.toString());
      }
      if (!Files.isReadable(device) || !Files.isWritable(device)) {
        return CheckResult.fail(text, what, "cli.check.port.denied", device.toString());
      }
      try {
        return probe.ask(what, device.toString(), address, link.printerDialect());
      } catch (IllegalArgumentException e) {
        return CheckResult.fail(text, what, "cli.check.port.unusable", address, e.getMessage());
      }
    }
    if (address.startsWith("tcp://")) {
      URI uri = URI.create(address);
      return Reachability.connects(uri.getHost(), uri.getPort())
          ? CheckResult.ok(what, address)
          : CheckResult.fail(text, what, "cli.check.silent", address);
    }
    if (address.startsWith("sim:")) {
      return CheckResult.ok(what, address + " (" + text.both("cli.check.port.simulated") + ")");
    }
    return CheckResult.fail(text, what, "cli.check.port.unknown", address);
  }
}
