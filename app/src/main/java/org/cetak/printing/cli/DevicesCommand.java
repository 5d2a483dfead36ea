package org.cetak.printing.cli;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.cetak.cli.CliText;
import org.cetak.drivers.printer.CardPrinterDriver;
import org.cetak.drivers.printer.Outcome;
import org.cetak.drivers.printer.PrinterIdentity;
import org.cetak.drivers.printer.PrinterTimings;
import org.cetak.drivers.transport.TransportException;
import org.cetak.drivers.transport.serial.SerialTransport;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cetak devices}: the serial ports and PC/SC readers this machine sees, and what each
 * answers, so that an office can write its device file. A serial port is asked {@code Rst} (to
 * learn its dialect), then {@code Rtp}, {@code Rsn} and {@code Rfv}; a reader tells its name and
 * whether a card is on it. A port is named by its stable {@code /dev/serial/by-id/…} link where it
 * has one.
 */
@Component
@Command(
    name = "devices",
    description = {
      "Daftar port serial dan pembaca PC/SC beserta jawabannya atas permintaan identitas.",
      "List serial ports and PC/SC readers with what each answers to an identity probe."
    })
public class DevicesCommand implements Callable<Integer> {

  private final TerminalFactory readers;
  private final CliText text;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description =
          "Periksa hanya port ini (path; bisa berulang) / probe only this port (a path;"
              + " repeatable)")
  List<String> extraPorts = new ArrayList<>();

  @Option(
      names = "--baud",
      defaultValue = "115200",
      description = "Baud rate (bawaan / default 115200)")
  int baud;

  @Option(
      names = "--timeout",
      defaultValue = "PT1S",
      description =
          "Berapa lama menunggu setiap jawaban / how long to wait for each answer (ISO-8601,"
              + " bawaan / default PT1S)")
  Duration timeout;

  @Option(
      names = "--no-probe",
      description = "Hanya daftar, tidak mengirim apa pun / list only, send nothing")
  boolean listOnly;

  @Option(
      names = "--by-id",
      defaultValue = "/dev/serial/by-id",
      hidden = true,
      description = "Where udev keeps the stable names of USB-serial adapters")
  Path byIdDirectory;

  public DevicesCommand(TerminalFactory readers, CliText text) {
    this.readers = readers;
    this.text = text;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String none = "  (" + text.both("cli.devices.none") + ")";
    out.println(text.both("cli.devices.ports") + ":");
    List<String> ports = ports();
    if (ports.isEmpty()) {
      out.println(none);
    }
    for (String port : ports) {
      out.printf("  %s%n", port);
      if (!listOnly) {
        out.printf("    %s%n", probe(port));
      }
    }
    out.println(text.both("cli.devices.readers") + ":");
    try {
      List<CardTerminal> terminals = readers.terminals().list();
      if (terminals.isEmpty()) {
        out.println(none);
      }
      for (CardTerminal terminal : terminals) {
        out.printf("  %s%n    %s%n", terminal.getName(), cardPresence(terminal));
      }
    } catch (CardException | RuntimeException e) {
      out.println("  " + text.labelled("cli.devices.noPcsc", String.valueOf(e.getMessage())));
    }
    out.flush();
    return 0;
  }

  /** The ports to list: those asked for; else by-id names first, then the system's other ports. */
  private List<String> ports() {
    TreeMap<String, String> byTarget = new TreeMap<>();
    if (Files.isDirectory(byIdDirectory)) {
      try (Stream<Path> links = Files.list(byIdDirectory)) {
        for (Path link : links.sorted().toList()) {
          byTarget.put(link.toRealPath().toString(), link.toString());
        }
      } catch (IOException e) {
        spec.commandLine().getErr().printf("%s: %s%n", byIdDirectory, e.getMessage());
      }
    }
    if (!extraPorts.isEmpty()) {
      return extraPorts;
    }
    List<String> ports = new ArrayList<>(byTarget.values());
    for (SerialPort port : SerialPort.getCommPorts()) {
      String path = port.getSystemPortPath();
      if (!byTarget.containsKey(path) && !ports.contains(path)) {
        ports.add(path);
      }
    }
    return ports;
  }

  private String probe(String path) {
    SerialTransport.Config config =
        new SerialTransport.Config(
            path,
            baud,
            SerialTransport.Parity.NONE,
            8,
            SerialTransport.StopBits.ONE,
            Duration.ofMillis(100),
            timeout);
    PrinterTimings timings = PrinterTimings.field().withRecovery(timeout, timeout, timeout);
    try (CardPrinterDriver driver =
        new CardPrinterDriver(SerialTransport.open(config), timings, Optional.empty())) {
      Optional<String> dialect = driver.dialect().map(d -> d.word());
      if (dialect.isEmpty()) {
        return text.both("cli.devices.noAnswer");
      }
      Outcome<PrinterIdentity> identity = driver.identify();
      if (identity instanceof Outcome.Done<PrinterIdentity> done) {
        PrinterIdentity id = done.value();
        return "printer "
            + id.model()
            + ", "
            + text.both("cli.serial")
            + " "
            + id.serialNumber()
            + ", firmware "
            + id.firmware()
            + ", "
            + text.labelled("cli.dialect", dialect.get());
      }
      return text.both("cli.devices.noIdentity", dialect.get());
    } catch (TransportException e) {
      return text.labelled("cli.devices.cannotOpen", String.valueOf(e.getMessage()));
    }
  }

  private String cardPresence(CardTerminal terminal) {
    try {
      return text.both(terminal.isCardPresent() ? "cli.devices.card" : "cli.devices.noCard");
    } catch (CardException e) {
      return text.labelled("cli.devices.unreadable", String.valueOf(e.getMessage()));
    }
  }
}
