package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.cetak.CetakApplication;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterSummary;
import org.cetak.printing.Stage;
import org.cetak.printing.config.DeviceFileReloads;
import org.cetak.printing.config.InvalidDeviceFileException;
import org.cetak.printing.config.StationDevices;
import org.cetak.printing.config.StationRuntime;
import org.cetak.security.ConsoleSession;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.TestDatabaseInitializer;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * An administrator reloads the device file while the printers print, against the real database and
 * the simulator's printers, one of them behind a socat pseudo-terminal as behind a USB-serial
 * adapter: a file with a mistake changes nothing; a file that can be used is followed between cards
 * — the card in flight of a printer removed or changed is finished first, a removed printer is
 * released, an added one starts printing, a changed one starts again as the file says.
 */
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.demo.scenario=classpath:print-room/demo-quick.yaml",
      "cetak.station.enabled=true",
      "cetak.station.node=reload-node",
      "cetak.station.time-scale=0.05",
      "cetak.station.chip-wait=2s",
      "cetak.station.idle-wait=20ms",
      "cetak.station.halted-wait=20ms",
      "cetak.station.lease=30s",
      "server.servlet.session.cookie.secure=false",
      "server.tomcat.basedir=target/tomcat"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("simulated-print-room")
class DeviceFileReloadTest {

  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempFile("cetak-devices", ".yaml");
      Files.writeString(FILE, file(printer("PRN-1", "sim:PRN-1", 115200)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void deviceFile(DynamicPropertyRegistry registry) {
    registry.add("cetak.station.devices", FILE::toString);
  }

  @AfterAll
  static void deleteDeviceFile() throws IOException {
    Files.deleteIfExists(FILE);
  }

  @Autowired SimulatedRoom room;
  @Autowired OfficeDirectory offices;
  @Autowired FeederStock feeders;
  @Autowired DropReceipts receipts;
  @Autowired PrinterRegistry registry;
  @Autowired ImportService imports;
  @Autowired AllocationService allocation;
  @Autowired PrintJobs jobs;
  @Autowired StationRuntime runtime;
  @Autowired DeviceFileReloads reloads;
  @Autowired PrinterControl control;
  @Autowired DSLContext db;
  @LocalServerPort int port;

  @Test
  void the_stations_follow_a_reloaded_device_file_between_cards_and_ignore_one_with_a_mistake(
      @TempDir Path work) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed: skipped");
    Office office = offices.officeByCode("32.71").orElseThrow();
    User admin = TestUsers.everyRole(offices);
    Printer one = registry.register(office.id(), "PRN-1", "Printer 1", "Primacy", admin);
    Printer two = registry.register(office.id(), "PRN-2", "Printer 2", "Primacy", admin);
    receipts.receive(
        office.id(),
        new DropRequest("BA/UJI/2026/0181", LocalDate.of(2026, 11, 4), 16, List.of()),
        admin);
    for (String code : List.of("PRN-1", "PRN-2")) {
      feeders.load(office.id(), code, 8, admin);
      room.printer(code).loadBlanks(8);
    }
    Path bundle = SyntheticBundle.write(work, 181, 12);
    imports.importBundle(Bundle.open(bundle), "32.71", "loket", ImportProgress.none());
    allocation.run(office.id(), RunTrigger.ON_DEMAND, "kabid");
    jobs.setState(one.id(), PrinterMode.RUNNING, "test started");
    jobs.setState(two.id(), PrinterMode.RUNNING, "test started");
    SimulatedPrinter simOne = room.printer("PRN-1");
    SimulatedPrinter simTwo = room.printer("PRN-2");

    try (TcpEndpoint endpoint =
            TcpEndpoint.start(simTwo, "127.0.0.1", 0, SessionOptions.defaults());
        Pty pty = Pty.toTcp(endpoint.port())) {
      // a file with mistakes, while PRN-1 is in the middle of a card: refused, nothing changes
      PrintJob refusedMidCard = await("PRN-1 is in the middle of a card", () -> midCard(one));
      Files.writeString(
          FILE,
          file(
              printer("PRN-1", "sim:PRN-1", 115200)
                  + printer("PRN-2", "/dev/serial/by-id/usb-not-plugged-in", 115200)
                  + printer("PRN-3", pty.path(), 12345)));
      assertThatThrownBy(() -> reloads.reload(admin))
          .isInstanceOf(InvalidDeviceFileException.class)
          .hasMessageContaining("tidak dikenal di node ini")
          .hasMessageContaining("not a serial port speed: 12345");
      assertThat(runtime.drives(one.id())).isTrue();
      assertThat(runtime.drives(two.id())).isFalse();
      await("PRN-1 goes on printing", () -> printedOn(one) > 0 && finished(refusedMidCard.id()));

      // PRN-1 removed, PRN-2 added behind the pty: PRN-1 finishes its card, then is released
      PrintJob inFlight = await("PRN-1 is in the middle of another card", () -> midCard(one));
      long printedByOne = printedOn(one);
      Files.writeString(FILE, file(printer("PRN-2", pty.path(), 115200)));
      StationDevices.Reloaded reloaded = reloads.reload(admin);

      assertThat(reloaded.added()).containsExactly("32.71/PRN-2");
      assertThat(reloaded.removed()).containsExactly("32.71/PRN-1");
      PrintJob removedMidCard = inFlight;
      await(
          "PRN-1 finished its card and stopped",
          () -> finished(removedMidCard.id()) && !runtime.drives(one.id()));
      assertThat(stage(removedMidCard.id())).isEqualTo("PRINTED");
      assertThat(jobs.openJob(one.id())).isEmpty();
      assertThat(simOne.status().position()).as("a card left inside PRN-1").isNull();
      assertThat(owner(one)).as("PRN-1's lease").isNull();
      long jobsOfOne = jobsOn(one);
      assertThat(printedOn(one)).isEqualTo(printedByOne + 1);
      await("PRN-2 prints through the pty", () -> printedOn(two) > 0);
      assertThat(jobsOn(one)).as("cards PRN-1 started after it was removed").isEqualTo(jobsOfOne);

      // PRN-2's port settings changed: its card in flight is finished, then it starts again
      inFlight = await("PRN-2 is in the middle of a card", () -> midCard(two));
      Files.writeString(FILE, file(printer("PRN-2", pty.path(), 57600)));
      reloaded = reloads.reload(admin);

      assertThat(reloaded.changed()).containsExactly("32.71/PRN-2");
      PrintJob changedMidCard = inFlight;
      await("PRN-2's card in flight is printed", () -> finished(changedMidCard.id()));
      assertThat(stage(changedMidCard.id())).isEqualTo("PRINTED");
      long printedByTwo = printedOn(two);
      await("PRN-2 prints again after the restart", () -> printedOn(two) > printedByTwo);
      assertThat(quarantined(two)).as("PRN-2 quarantined by its restart").isFalse();
      PrinterSummary shown =
          control.printers(office.id()).stream()
              .filter(p -> p.code().equals("PRN-2"))
              .findFirst()
              .orElseThrow();
      assertThat(shown.drivenHere()).isTrue();
      // the printers page shows the chip reader of each printer this node drives
      String page =
          ConsoleSession.signIn(port, "operator", "cetak-demo")
              .get("/printers/table?office=32.71")
              .body();
      assertThat(page).containsPattern("Pembaca cip: (siap|ada kartu)");
      assertThat(shown.readerState())
          .hasValueSatisfying(s -> assertThat(s).isIn("NO_CARD", "CARD_PRESENT"));
    }
    assertThat(
            db.fetchValue(
                "select string_agg(action || ' ' || detail, ' | ' order by id) from audit_event"
                    + " where action in ('DEVICES_RELOADED', 'DEVICE_FILE_REFUSED')"))
        .asString()
        .contains("DEVICE_FILE_REFUSED baris 19: printers[2] (PRN-3).baud")
        .contains("baris 11: printer 32.71/PRN-2: port /dev/serial/by-id/usb-not-plugged-in")
        .contains(
            "DEVICES_RELOADED 1 printer(s) on this node; added 32.71/PRN-2; removed 32.71/PRN-1;"
                + " changed -")
        .contains(
            "DEVICES_RELOADED 1 printer(s) on this node; added -; removed -; changed 32.71/PRN-2");
  }

  private PrintJob midCard(Printer printer) {
    return jobs.openJob(printer.id())
        .filter(j -> j.stage() == Stage.ENCODING || j.stage() == Stage.PRINTING)
        .orElse(null);
  }

  private boolean finished(long job) {
    String stage = stage(job);
    return stage.equals("PRINTED") || stage.equals("SPOILED");
  }

  private String stage(long job) {
    return db.fetchValue("select stage from print_job where id = ?", job).toString();
  }

  private long printedOn(Printer printer) {
    return count(
        "select count(*) from print_job where printer_id = ? and stage = 'PRINTED'", printer);
  }

  private long jobsOn(Printer printer) {
    return count("select count(*) from print_job where printer_id = ?", printer);
  }

  private boolean quarantined(Printer printer) {
    return jobs.state(printer.id()).mode() == PrinterMode.QUARANTINED;
  }

  private Object owner(Printer printer) {
    return db.fetchValue("select owner_node from printer where id = ?", printer.id());
  }

  private long count(String sql, Printer printer) {
    return ((Number) db.fetchValue(sql, printer.id())).longValue();
  }

  private static String printer(String code, String port, int baud) {
    return """
          - office: "32.71"
            code: %s
            port: "%s"
            baud: %d
            model: Primacy
            reader: "Cetak Sim Reader %s"
            node: reload-node
        """
        .formatted(code, port, baud, code);
  }

  private static String file(String printers) {
    return "printers:\n" + printers + "models:\n  Primacy: {feeder: 100}\n";
  }

  private static <T> T await(String what, java.util.concurrent.Callable<T> found) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(found, java.util.Objects::nonNull);
  }

  private static void await(String what, BooleanSupplier condition) {
    Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(condition::getAsBoolean);
  }

  /**
   * A pseudo-terminal made by socat whose far end is the simulator's TCP port, as a USB-serial
   * adapter's cable. socat ends when the station closes the port; it is started again at once, as
   * an adapter stays plugged in.
   */
  private static final class Pty implements AutoCloseable {
    private final Path link;
    private final int tcpPort;
    private final Thread supervisor;
    private volatile boolean closed;
    private volatile Process socat;

    private Pty(Path link, int tcpPort) {
      this.link = link;
      this.tcpPort = tcpPort;
      this.supervisor = new Thread(this::supervise, "socat-" + tcpPort);
      this.supervisor.setDaemon(true);
    }

    static Pty toTcp(int tcpPort) throws IOException {
      Pty pty = new Pty(Files.createTempDirectory("cetak-pty").resolve("ttyUSB-PRN2"), tcpPort);
      pty.supervisor.start();
      await("socat makes a pty", () -> Files.exists(pty.link));
      return pty;
    }

    String path() {
      return link.toString();
    }

    private void supervise() {
      while (!closed) {
        try {
          Process p =
              new ProcessBuilder(
                      "/usr/bin/socat",
                      "pty,raw,echo=0,link=" + link,
                      "tcp:127.0.0.1:" + tcpPort + ",nodelay")
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          socat = p;
          p.waitFor();
        } catch (IOException e) {
          return;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      supervisor.interrupt();
      Process p = socat;
      try {
        if (p != null) {
          p.destroy();
          p.waitFor();
        }
        supervisor.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        FileSystemUtils.deleteRecursively(link.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete " + link.getParent(), e);
      }
    }
  }
}
