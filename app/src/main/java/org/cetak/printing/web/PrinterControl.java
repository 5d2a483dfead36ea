package org.cetak.printing.web;

import java.util.Optional;
import org.cetak.office.Audit;
import org.cetak.office.User;
import org.cetak.printing.FeederHands;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterBoard.PrinterView;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.config.StationRuntime;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.stock.PrintRoomMovements;
import org.cetak.stock.StockService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Operator actions on printers, shared by the REST API and the console. */
@Component
public class PrinterControl {

  private final PrintJobs jobs;
  private final ObjectProvider<StationRuntime> runtime;
  private final PrintRoomMovements movements;
  private final StockService stock;
  private final FeederHands hands;
  private final Audit audit;

  public PrinterControl(
      PrintJobs jobs,
      ObjectProvider<StationRuntime> runtime,
      PrintRoomMovements movements,
      StockService stock,
      FeederHands hands,
      Audit audit) {
    this.jobs = jobs;
    this.runtime = runtime;
    this.movements = movements;
    this.stock = stock;
    this.hands = hands;
    this.audit = audit;
  }

  public void setMode(long printerId, PrinterMode mode, String reason, User by) {
    jobs.setState(printerId, mode, reason);
    audit.record(by.officeId(), by.username(), "PRINTER_" + mode, "printer " + printerId, reason);
    wakeUp(printerId);
  }

  /** Records the load in the ledger (vault to feeder) and has the blanks put in. */
  public void load(PrinterView printer, int quantity, User by) {
    stock.load(printer.officeId(), printer.code(), quantity, by);
    hands.load(printer.code(), quantity);
    wakeUp(printer.id());
  }

  public void wakeUp(long printerId) {
    StationRuntime stations = runtime.getIfAvailable();
    if (stations != null) {
      stations.wakeUp(printerId);
    }
  }

  public PrinterSummary describe(PrinterView view) {
    StationRuntime stations = runtime.getIfAvailable();
    Optional<PrinterSnapshot> status =
        stations == null ? Optional.empty() : stations.lastStatus(view.id());
    Optional<PrintJob> job = view.openJob();
    return new PrinterSummary(
        view.id(),
        view.code(),
        view.name(),
        view.mode().name(),
        view.reason(),
        view.owner(),
        stations != null && stations.drives(view.id()),
        job.map(PrintJob::id),
        job.map(j -> j.stage().name()),
        job.map(PrintJob::requestId),
        job.map(PrintJob::note),
        movements.feeder(view.id()),
        status.map(PrinterSnapshot::ribbon),
        status.map(s -> s.position().name()),
        view.printedToday(),
        view.spoiledToday());
  }
}
