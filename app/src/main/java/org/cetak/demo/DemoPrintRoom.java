package org.cetak.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.transport.ReopeningTransport;
import org.cetak.drivers.transport.StreamTransport;
import org.cetak.printing.FeederHands;
import org.cetak.printing.config.PrinterLinks;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.remote.RemoteReaders;
import org.cetak.sim.scenario.ScenarioLoader;
import org.cetak.sim.scenario.SimulatedRoom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's print room: simulated printers and their contactless readers, in this process, from a
 * scenario file ({@code cetak.demo.scenario}). Printer links {@code sim:<name>} reach them over an
 * in-memory wire; the encoders see the simulated readers through {@code javax.smartcardio}. With
 * {@code cetak.demo.readers=remote:<port>}, the readers are served by another process instead (a
 * test harness that owns the simulated printers).
 */
@Configuration(proxyBeanMethods = false)
@Profile({"demo", "simulated-print-room"})
public class DemoPrintRoom {

  @Bean(destroyMethod = "close")
  SimulatedRoom simulatedRoom(
      @Value("${cetak.demo.scenario:classpath:demo/print-room.yaml}") String scenario) {
    String yaml;
    if (scenario.startsWith("classpath:")) {
      try (InputStream in =
          DemoPrintRoom.class.getResourceAsStream(
              "/" + scenario.substring("classpath:".length()))) {
        if (in == null) {
          throw new IllegalStateException("No demo scenario " + scenario);
        }
        yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read demo scenario " + scenario, e);
      }
      return SimulatedRoom.build(ScenarioLoader.parse(yaml));
    }
    try {
      return SimulatedRoom.build(ScenarioLoader.load(java.nio.file.Path.of(scenario)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo scenario " + scenario, e);
    }
  }

  /** {@code sim:<printer>}: an in-memory wire to a simulated printer of the room. */
  @Bean
  PrinterLinks simulatedPrinterLinks(SimulatedRoom room) {
    return link -> {
      if (!link.startsWith("sim:")) {
        return Optional.empty();
      }
      String name = link.substring("sim:".length());
      return Optional.of(
          new ReopeningTransport(
              link,
              () -> {
                InMemoryPort port = room.connect(name);
                return StreamTransport.over(link, port.input(), port.output());
              }));
    };
  }

  @Bean
  TerminalFactory terminalFactory(
      SimulatedRoom room, @Value("${cetak.demo.readers:sim}") String readers) {
    if (readers.startsWith("remote:")) {
      return RemoteReaders.factory(Integer.parseInt(readers.substring("remote:".length())));
    }
    return room.terminalFactory();
  }

  /** The demo operator puts blanks into the simulated printer's feeder. */
  @Bean
  FeederHands feederHands(SimulatedRoom room) {
    return (code, quantity) -> printer(room, code).ifPresent(p -> p.loadBlanks(quantity));
  }

  /** The room's printer of this name, for the demo's operator actions (loading blanks). */
  static Optional<SimulatedPrinter> printer(SimulatedRoom room, String name) {
    return room.printers().stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
