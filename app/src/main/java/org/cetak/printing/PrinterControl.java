package org.cetak.printing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.OfficeZones;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.User;
import org.cetak.printing.PrinterBoard.PrinterView;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.stock.Balance;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.Location;
import org.cetak.stock.Place;
import org.cetak.stock.PrinterOutput;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.StockError;

/**
 * Operator actions on printers (pause, resume, load, unload, move between feeders, settle) and what
 * the operators see of them, shared by the REST API and the console. Every action checks that the
 * printer is of the user's office and that the user may take it before anything is written.
 */
public final class PrinterControl {

  private final PrinterBoard board;
  private final PrintJobs jobs;
  private final Settlements settlements;
  private final PrinterStations stations;
  private final PrintRoomLedger movements;
  private final Ledger ledger;
  private final FeederStock feeders;
  private final FeederHands hands;
  private final Audit audit;
  private final OfficeZones zones;
  private final Clock clock;

  public PrinterControl(
      PrinterBoard board,
      PrintJobs jobs,
      Settlements settlements,
      PrinterStations stations,
      PrintRoomLedger movements,
      Ledger ledger,
      FeederStock feeders,
      FeederHands hands,
      Audit audit,
      OfficeZones zones,
      Clock clock) {
    this.board = board;
    this.jobs = jobs;
    this.settlements = settlements;
    this.stations = stations;
    this.movements = movements;
    this.ledger = ledger;
    this.feeders = feeders;
    this.hands = hands;
    this.audit = audit;
    this.zones = zones;
    this.clock = clock;
  }

  /** The printers of an office as the API and the console show them. */
  public List<PrinterSummary> printers(long officeId) {
    return room(officeId).printers();
  }

  /** The printers of an office and the blanks in its vault. */
  public record Room(List<PrinterSummary> printers, long vault) {}

  /**
   * The printers of an office with the blanks in its vault, their day counts over the office's own
   * day (read its time zone first).
   */
  public Room room(long officeId) {
    return room(officeId, zones.of(officeId));
  }

  /**
   * The printers of an office with the blanks in its vault, counting their cards of today in the
   * office's time zone {@code zone}: four statements however many printers (day counts, printers,
   * their open jobs, the office's balances for the feeders and the vault).
   */
  public Room room(long officeId, ZoneId zone) {
    Map<Long, PrinterOutput> counts = dayCounts(officeId, zone);
    List<PrinterView> views = board.printers(officeId);
    Map<Long, Long> feeders = new HashMap<>();
    long vault = 0;
    for (Balance b : ledger.balances(officeId)) {
      if (b.item() != Item.BLANK) {
        continue;
      }
      if (b.place().location() == Location.FEEDER) {
        b.place().printerId().ifPresent(id -> feeders.merge(id, b.quantity(), Long::sum));
      } else if (b.place().equals(Place.of(Location.VAULT))) {
        vault += b.quantity();
      }
    }
    return new Room(
        views.stream()
            .map(
                view ->
                    describe(
                        view,
                        counts.getOrDefault(view.id(), PrinterOutput.NONE),
                        Math.toIntExact(feeders.getOrDefault(view.id(), 0L))))
            .toList(),
        vault);
  }

  /** One printer of the office, or {@code UNKNOWN_PRINTER}. */
  public PrinterSummary printer(Office office, String code) {
    PrinterView view = view(office, code);
    return describe(
        view,
        dayCounts(view.officeId(), zones.of(view.officeId()))
            .getOrDefault(view.id(), PrinterOutput.NONE),
        movements.feeder(view.id()));
  }

  public void pause(Office office, String code, String reason, User by) {
    String why = reason == null ? "" : reason.strip();
    setMode(
        view(office, code),
        PrinterMode.PAUSED,
        "paused by " + by.username() + (why.isEmpty() ? "" : ": " + why),
        by);
  }

  public void resume(Office office, String code, User by) {
    setMode(view(office, code), PrinterMode.RUNNING, "resumed by " + by.username(), by);
  }

  /**
   * Records the load in the ledger (vault to feeder) and has the blanks put in; refused with
   * nothing written when the quantity is not positive or the vault holds fewer blanks. The one way
   * blanks go into a feeder, from the console and the API alike.
   */
  public void load(Office office, String code, int quantity, User by) {
    PrinterView printer = view(office, code);
    if (quantity <= 0) {
      throw new DomainException(
          StockError.INVALID_QUANTITY,
          "Load a positive number of blanks, not " + quantity,
          quantity);
    }
    feeders.load(printer.officeId(), printer.code(), quantity, by);
    hands.load(printer.code(), quantity);
    wakeUp(printer.id());
  }

  /**
   * The operator takes blanks out of the feeder back to the vault; refused while the printer is
   * picking the last of them.
   */
  public RecordedMovement unload(Office office, String code, int quantity, User by) {
    PrinterView printer = view(office, code);
    refuseTakingTheBlankBeingPicked(printer, quantity);
    RecordedMovement moved = feeders.unload(printer.officeId(), printer.code(), quantity, by);
    hands.unload(printer.code(), quantity);
    return moved;
  }

  /**
   * Moves blanks from one printer's feeder into another's, for when the vault is empty and one
   * feeder ran dry while another holds blanks: one ledger movement from feeder to feeder (unload
   * one, load the other), the printers' feeders driven as a load drives them, and the printer that
   * got the blanks woken up. Refused with nothing written like an unload out of the first feeder
   * (more than it holds, the blank its printer is picking) and a load into the second (beyond its
   * capacity), and for a printer of another office or the same printer twice.
   */
  public RecordedMovement move(Office office, String code, String toCode, int quantity, User by) {
    PrinterView from = view(office, code);
    PrinterView to = view(office, toCode == null ? "" : toCode.strip());
    refuseTakingTheBlankBeingPicked(from, quantity);
    RecordedMovement moved = feeders.move(from.officeId(), from.code(), to.code(), quantity, by);
    hands.move(from.code(), to.code(), quantity);
    wakeUp(to.id());
    return moved;
  }

  /**
   * Feeders that ran dry while others of the office still hold blanks, when the vault is empty: the
   * printers that hold blanks, most first, for the page to offer a move between feeders. Empty when
   * the vault still holds blanks (load from the vault instead) or no feeder is dry.
   */
  public List<PrinterSummary> blanksToShare(long officeId, List<PrinterSummary> printers) {
    boolean dry = printers.stream().anyMatch(p -> p.feeder() == 0);
    if (!dry || vault(officeId) > 0) {
      return List.of();
    }
    return printers.stream()
        .filter(p -> p.feeder() > 0)
        .sorted(java.util.Comparator.comparingInt(PrinterSummary::feeder).reversed())
        .toList();
  }

  /**
   * A printer whose open job is picking holds the blank being picked in its feeder as far as the
   * ledger knows, until the pick is recorded: taking every blank out would leave the pick without a
   * blank to record.
   */
  private void refuseTakingTheBlankBeingPicked(PrinterView printer, int quantity) {
    boolean picking = printer.openJob().map(j -> j.stage() == Stage.PICKING).orElse(false);
    if (!picking) {
      return;
    }
    int held = movements.feeder(printer.id());
    // more than it holds is the ledger's refusal (INSUFFICIENT_BALANCE)
    if (held > 0 && quantity == held) {
      throw new DomainException(
          PrintingError.FEEDER_BLANK_BEING_PICKED,
          "Printer "
              + printer.code()
              + " is picking a blank from its feeder: at most "
              + (held - 1)
              + " of its "
              + held
              + " blanks can be taken out now",
          printer.code(),
          held - 1);
    }
  }

  /** The operator settles a card whose outcome is unknown, from where they see it. */
  public PrintJob settle(Office office, String code, long jobId, Sighting sighting, User by) {
    PrinterView printer = view(office, code);
    PrintJob settled = settlements.settle(printer.id(), jobId, sighting, by);
    wakeUp(printer.id());
    return settled;
  }

  /** Blanks in the vault of the office, the most an operator can load now. */
  public long vault(long officeId) {
    return ledger.balance(officeId, Item.BLANK, Place.of(Location.VAULT));
  }

  private void setMode(PrinterView printer, PrinterMode mode, String reason, User by) {
    jobs.setState(printer.id(), mode, reason);
    audit.record(
        printer.officeId(), by.username(), "PRINTER_" + mode, "printer " + printer.code(), reason);
    wakeUp(printer.id());
  }

  private void wakeUp(long printerId) {
    stations.wakeUp(printerId);
  }

  private PrinterView view(Office office, String code) {
    return board.printers(office.id()).stream()
        .filter(p -> p.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_PRINTER,
                    "No printer " + code + " in office " + office.code(),
                    code));
  }

  private PrinterSummary describe(PrinterView view, PrinterOutput today, int feeder) {
    Optional<PrinterSnapshot> status = stations.lastStatus(view.id());
    Optional<PrintJob> job = view.openJob();
    return new PrinterSummary(
        view.id(),
        view.code(),
        view.name(),
        view.mode().name(),
        view.reason(),
        view.cause().map(Enum::name),
        view.owner(),
        stations.drives(view.id()),
        job.map(PrintJob::id),
        job.map(j -> j.stage().name()),
        job.map(PrintJob::requestId),
        job.map(PrintJob::note),
        job.map(j -> sightings(j, view.driven())).orElse(List.of()),
        feeder,
        status.map(PrinterSnapshot::ribbon),
        status.map(s -> s.position().name()),
        Math.toIntExact(today.printed()),
        Math.toIntExact(today.spoiled()),
        stations == null ? Optional.empty() : stations.readerStatus(view.id()).map(Enum::name));
  }

  /**
   * Where the operator may say the card of a job is: none unless its outcome is unknown, or no node
   * drives its printer any more (its node stopped or died), which leaves its outcome to the
   * operator.
   */
  private static List<String> sightings(PrintJob job, boolean driven) {
    boolean unknown = job.stage() == Stage.UNKNOWN;
    if (!unknown && driven) {
      return List.of();
    }
    boolean fromFeeder =
        unknown ? job.card() == CardHeld.UNKNOWN_FROM_FEEDER : job.card() == CardHeld.NONE;
    return Arrays.stream(Sighting.values())
        // a card known to have been picked cannot still be in the feeder
        .filter(s -> s != Sighting.STILL_IN_FEEDER || fromFeeder)
        .map(Enum::name)
        .toList();
  }

  /**
   * Blanks each printer of the office printed and spoiled today in the office's time zone, from the
   * counts the ledger keeps per printer and hour: every blank that left one of the printer's places
   * for the printed or the spoiled pile, including the extra blanks of a double feed and the blanks
   * an operator recorded spoiled at the printer.
   */
  private Map<Long, PrinterOutput> dayCounts(long officeId, ZoneId zone) {
    LocalDate day = LocalDate.now(clock.withZone(zone));
    return ledger.printerOutput(
        officeId,
        day.atStartOfDay(zone).toInstant(),
        day.plusDays(1).atStartOfDay(zone).toInstant());
  }
}
