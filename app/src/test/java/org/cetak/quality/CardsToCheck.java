package org.cetak.quality;

import java.util.List;
import java.util.Optional;
import org.cetak.office.Office;
import org.cetak.office.User;
import org.cetak.printing.Baseline;
import org.cetak.printing.BlankMove;
import org.cetak.printing.CardHeld;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterRef;
import org.cetak.printing.RequestChange;
import org.cetak.printing.Stage;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.Transition;
import org.cetak.printing.device.CardPosition;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.jooq.DSLContext;

/**
 * Cards printed through the print station's own step recorder on a printer of their own, as a
 * station leaves them: the blank picked from the feeder and printed, the request PRINTED.
 */
public final class CardsToCheck {

  private final DSLContext db;
  private final StepRecorder steps;
  private final Office office;
  private final PrinterRef printer;

  public CardsToCheck(
      DSLContext db,
      StepRecorder steps,
      PrintJobs jobs,
      PrinterRegistry registry,
      PrinterControl control,
      Office office,
      User admin,
      User operator) {
    this.db = db;
    this.steps = steps;
    this.office = office;
    String code = "PRN-QC" + System.nanoTime() % 1_000_000;
    Printer registered =
        registry.register(office.id(), code, "Printer uji pemeriksaan", "Primacy", admin);
    db.execute("update printer set owner_node = null where id = ?", registered.id());
    jobs.setState(registered.id(), PrinterMode.RUNNING, "printing");
    printer = new PrinterRef(registered.id(), office.id(), code);
    control.load(office, code, 10, operator);
  }

  /** A reserved request of the office with a phone that no printer holds. */
  long reservedRequest() {
    return ((Number)
            db.fetchValue(
                "select min(id) from print_request r where office_id = ? and status = 'RESERVED'"
                    + " and phone is not null and not exists (select 1 from print_job j where"
                    + " j.request_id = r.id)",
                office.id()))
        .longValue();
  }

  /** Prints a fresh reserved request's card; returns its print job. */
  public PrintJob printed() {
    for (int attempt = 0; attempt < 20; attempt++) {
      long request = reservedRequest();
      if (steps.start(printer, request, new Baseline(0, 0, 0, CardPosition.NONE), false)
          instanceof StepRecorder.Started started) {
        return print(started.job());
      }
    }
    throw new IllegalStateException("no reserved request could be started");
  }

  /** Prints the request's card again (a requeued request); returns its new print job. */
  PrintJob printedAgain(long request) {
    if (steps.start(printer, request, new Baseline(0, 0, 0, CardPosition.NONE), false)
        instanceof StepRecorder.Started started) {
      return print(started.job());
    }
    throw new IllegalStateException("request " + request + " could not be started again");
  }

  public static String uid(PrintJob job) {
    return String.format("04%012X", job.id());
  }

  private PrintJob print(PrintJob picking) {
    String uid = uid(picking);
    return steps.apply(
        new Transition(
            new PrintJob(
                picking.id(),
                picking.printerId(),
                picking.officeId(),
                picking.requestId(),
                Stage.PRINTED,
                Optional.empty(),
                CardHeld.NONE,
                picking.baseline(),
                Optional.of(uid),
                Optional.empty(),
                "printed",
                picking.version()),
            List.of(new BlankMove.Picked(1), new BlankMove.Printed(uid)),
            RequestChange.PRINTED,
            "printed and ejected"));
  }
}
