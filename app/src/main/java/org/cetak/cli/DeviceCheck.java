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
  private final PrinterProbe probe = new PrinterProbe(PrinterLinks.devices());

  DeviceCheck(ObjectProvider<StationDevices> devices, ObjectProvider<TerminalFactory> readers) {
    this.devices = devices;
    this.readers = readers;
  }

  /** Adds one result per printer's port and one per its chip reader. */
  void check(List<CheckResult> results) {
    List<StationProperties.PrinterLink> links;
    try {
      links = devices.getObject().links();
    } catch (RuntimeException e) {
      results.add(
          CheckResult.fail(
              "berkas perangkat / device file",
              "tidak dapat dipakai: " + CheckResult.rootMessage(e),
              "cannot be used: " + CheckResult.rootMessage(e)));
      return;
    }
    if (links.isEmpty()) {
      results.add(
          CheckResult.ok(
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
      pcsc = CheckResult.rootMessage(e);
    }
    for (StationProperties.PrinterLink link : links) {
      results.add(port(link));
      results.add(reader(link, terminals, pcsc));
    }
  }

  private static CheckResult reader(
      StationProperties.PrinterLink link, List<String> terminals, String pcsc) {
    String what = "pembaca chip / chip reader " + link.code();
    Pattern pattern = Pattern.compile(link.reader());
    String found = terminals.stream().filter(t -> pattern.matcher(t).find()).findFirst().orElse("");
    return !found.isEmpty()
        ? CheckResult.ok(what, found)
        : CheckResult.fail(
            what,
            "tidak ada pembaca yang cocok dengan \""
                + link.reader()
                + "\" (pcscd berjalan? pcsc_scan) "
                + (pcsc.isEmpty() ? "PC/SC: " + terminals : "PC/SC: " + pcsc),
            "no reader matches \""
                + link.reader()
                + "\" (is pcscd running? pcsc_scan) "
                + (pcsc.isEmpty() ? "PC/SC lists " + terminals : "PC/SC: " + pcsc));
  }

  private CheckResult port(StationProperties.PrinterLink link) {
    String what = "printer " + link.code();
    String address = link.link();
    if (address.startsWith("serial:")) {
      String rest = address.substring("serial:".length());
      int query = rest.indexOf('?');
      Path device = Path.of(query < 0 ? rest : rest.substring(0, query));
      if (!Files.exists(device)) {
        return CheckResult.fail(
            what,
            device + " tidak ada: kabel, udev (docs/INSTALL.md bagian 4)",
            device + " does not exist: cable, udev rule (docs/INSTALL.md section 4)");
      }
      if (!Files.isReadable(device) || !Files.isWritable(device)) {
        return CheckResult.fail(
            what,
            device + " tidak boleh dibuka: tambahkan pengguna ke grup dialout",
            device + " may not be opened: add the user to the dialout group");
      }
      try {
        return probe.ask(what, device.toString(), address, link.printerDialect());
      } catch (IllegalArgumentException e) {
        return CheckResult.fail(what, e.getMessage(), e.getMessage());
      }
    }
    if (address.startsWith("tcp://")) {
      URI uri = URI.create(address);
      return Reachability.connects(uri.getHost(), uri.getPort())
          ? CheckResult.ok(what, address)
          : CheckResult.fail(
              what, address + " tidak menjawab", address + " does not accept a connection");
    }
    if (address.startsWith("sim:")) {
      return CheckResult.ok(
          what, address + " (printer simulasi demo / the demo's simulated printer)");
    }
    return CheckResult.fail(
        what, "alamat tidak dikenal: " + address, "unknown kind of address: " + address);
  }
}
