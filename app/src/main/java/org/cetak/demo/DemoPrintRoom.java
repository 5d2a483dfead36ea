package org.cetak.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.transport.ReopeningTransport;
import org.cetak.drivers.transport.StreamTransport;
import org.cetak.platform.DatabaseProperties;
import org.cetak.printing.FeederHands;
import org.cetak.printing.config.PrinterLinks;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.remote.RemoteReaders;
import org.cetak.sim.scenario.Scenario;
import org.cetak.sim.scenario.ScenarioLoader;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.sim.time.ScaledTimeline;
import org.cetak.sim.time.Timeline;
import org.jooq.DSLContext;
import org.springframework.beans.factory.DisposableBean;
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

  @Bean
  DemoPrinterStates.Hurry demoHurry() {
    return new DemoPrinterStates.Hurry();
  }

  /** When the stations stop, the simulated printers finish the action under way at once. */
  @Bean
  StationRuntime.StoppingHook hurryDemoPrinters(DemoPrinterStates.Hurry hurry) {
    return hurry::now;
  }

  /**
   * Where the demo keeps its printers between runs ({@code cetak.demo.keep-printers}, on in the
   * demo): {@code demo-printers.properties} beside the embedded database's data directory, or
   * {@code cetak.demo.printers-file}.
   */
  @Bean
  DemoPrinterStates demoPrinterStates(
      @Value("${cetak.demo.keep-printers:false}") boolean keep,
      @Value("${cetak.demo.printers-file:}") String file,
      DatabaseProperties database,
      DSLContext db) {
    if (!keep) {
      return DemoPrinterStates.none();
    }
    Path path =
        file.isBlank()
            ? database
                .embeddedDataDir()
                .toAbsolutePath()
                .normalize()
                .resolveSibling("demo-printers.properties")
            : Path.of(file);
    // the database's identity: when its schema was first installed
    String identity =
        String.valueOf(
            db.fetchValue(
                "select installed_on::text from flyway_schema_history where installed_rank = 1"));
    return new DemoPrinterStates(path, identity);
  }

  @Bean(destroyMethod = "close")
  SimulatedRoom simulatedRoom(
      @Value("${cetak.demo.scenario:classpath:demo/print-room.yaml}") String scenario,
      DemoPrinterStates.Hurry hurry,
      DemoPrinterStates states) {
    SimulatedRoom room = buildRoom(scenario, hurry);
    Map<String, SimulatedPrinter> printers = new LinkedHashMap<>();
    room.printers().forEach(p -> printers.put(p.name(), p));
    states.restore(printers);
    states.keep(printers.values());
    return room;
  }

  /** Saves the simulated printers' state when the demo stops (after the stations stopped). */
  @Bean
  DisposableBean saveDemoPrinters(SimulatedRoom room, DemoPrinterStates states) {
    return () -> states.save(room.printers());
  }

  private static SimulatedRoom buildRoom(String scenario, DemoPrinterStates.Hurry hurry) {
    Scenario parsed = parse(scenario);
    Timeline timeline =
        parsed.timeScale() == 0
            ? Timeline.of(0, parsed.start())
            : new ScaledTimeline(parsed.timeScale(), parsed.start(), hurry);
    return SimulatedRoom.build(parsed, timeline);
  }

  private static Scenario parse(String scenario) {
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
      return ScenarioLoader.parse(yaml);
    }
    try {
      return ScenarioLoader.load(Path.of(scenario));
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

  /**
   * The demo operator puts blanks into the simulated printer's feeder, takes them out, and carries
   * blanks from one simulated feeder into another (the same cards, taken from the back of the first
   * feeder).
   */
  @Bean
  FeederHands feederHands(SimulatedRoom room) {
    return new FeederHands() {
      @Override
      public void load(String code, int quantity) {
        printer(room, code).ifPresent(p -> p.loadBlanks(quantity));
      }

      @Override
      public void unload(String code, int quantity) {
        // back in the vault, which the simulation does not hold: they leave the room
        printer(room, code).ifPresent(p -> p.takeBlanks(quantity));
      }

      @Override
      public void move(String from, String to, int quantity) {
        Optional<SimulatedPrinter> target = printer(room, to);
        if (target.isEmpty()) {
          return;
        }
        printer(room, from).ifPresent(p -> target.get().putBlanks(p.takeBlanks(quantity)));
      }
    };
  }

  /** The room's printer of this name, for the demo's operator actions (loading blanks). */
  static Optional<SimulatedPrinter> printer(SimulatedRoom room, String name) {
    return room.printers().stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
