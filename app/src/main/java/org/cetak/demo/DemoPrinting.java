package org.cetak.demo;

import org.cetak.office.OfficeDirectory;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.config.StationProperties;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.Printers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts the demo's printers: each simulated feeder gets the blanks the ledger says it holds (the
 * operator's stack), and each printer is set running.
 */
@Component
@Profile({"demo", "simulated-print-room"})
@Order(30)
public class DemoPrinting implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoPrinting.class);

  private final SimulatedRoom room;
  private final StationProperties station;
  private final OfficeDirectory offices;
  private final Printers printers;
  private final PrintRoomLedger movements;
  private final ObjectProvider<StationRuntime> runtime;

  public DemoPrinting(
      SimulatedRoom room,
      StationProperties station,
      OfficeDirectory offices,
      Printers printers,
      PrintRoomLedger movements,
      ObjectProvider<StationRuntime> runtime) {
    this.room = room;
    this.station = station;
    this.offices = offices;
    this.printers = printers;
    this.movements = movements;
    this.runtime = runtime;
  }

  @Override
  public void run(ApplicationArguments args) {
    StationRuntime stations = runtime.getIfAvailable();
    if (stations == null) {
      return;
    }
    for (StationProperties.PrinterLink link : station.printers()) {
      offices
          .officeByCode(link.office())
          .flatMap(office -> printers.find(office.id(), link.code()))
          .ifPresent(
              printer ->
                  DemoPrintRoom.printer(room, link.code())
                      .ifPresent(
                          simulated -> {
                            int feeder = movements.feeder(printer.id());
                            simulated.loadBlanks(feeder);
                            stations.setMode(printer.id(), PrinterMode.RUNNING, "demo started");
                            log.info("Demo printer {} running with {} blanks", link.code(), feeder);
                          }));
    }
  }
}
