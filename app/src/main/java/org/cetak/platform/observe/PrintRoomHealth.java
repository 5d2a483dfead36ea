package org.cetak.platform.observe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.config.StationProperties;
import org.jooq.DSLContext;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the print room beside the database's own: each printer (down when quarantined), each
 * chip reader this node drives (down when PC/SC does not list it), and the link to the centre (down
 * when printed statuses have waited too long in the outbox).
 */
public final class PrintRoomHealth {

  private PrintRoomHealth() {}

  /** Every printer of the installation with its mode; down when one is quarantined. */
  public static HealthIndicator printers(OfficeDirectory offices, PrinterBoard board) {
    return () -> {
      Map<String, Object> details = new LinkedHashMap<>();
      boolean quarantined = false;
      for (Office office : offices.offices()) {
        for (PrinterBoard.PrinterView p : board.printers(office.id())) {
          details.put(
              office.code() + "/" + p.code(),
              Map.of(
                  "mode", p.mode().name(),
                  "reason", p.reason(),
                  "cause", p.cause().map(Enum::name).orElse(""),
                  "node", p.owner().orElse("")));
          quarantined |= p.mode() == PrinterMode.QUARANTINED;
        }
      }
      return (quarantined ? Health.down() : Health.up()).withDetails(details).build();
    };
  }

  /** The chip readers of the printers this node drives, as PC/SC lists them. */
  public static HealthIndicator readers(StationProperties station, TerminalFactory factory) {
    return () -> {
      List<String> names;
      try {
        names = factory.terminals().list().stream().map(CardTerminal::getName).toList();
      } catch (CardException | RuntimeException e) {
        return Health.down().withDetail("pcsc", e.toString()).build();
      }
      Map<String, Object> details = new LinkedHashMap<>();
      boolean missing = false;
      for (StationProperties.PrinterLink link : station.printers()) {
        Pattern pattern = Pattern.compile(link.reader());
        String found = names.stream().filter(n -> pattern.matcher(n).find()).findFirst().orElse("");
        details.put(link.code(), found.isEmpty() ? "no reader matches " + link.reader() : found);
        missing |= found.isEmpty();
      }
      return (missing ? Health.down() : Health.up()).withDetails(details).build();
    };
  }

  /** The centre link: printed statuses waiting in the outbox, and for how long. */
  public static HealthIndicator centreLink(DSLContext db, Duration stale) {
    return () -> {
      Long waiting =
          db.fetchSingle("select count(*) from status_outbox where status = 'PENDING'")
              .get(0, Long.class);
      Double oldest =
          db.fetchSingle(
                  "select extract(epoch from now() - min(created_at)) from status_outbox"
                      + " where status = 'PENDING'")
              .get(0, Double.class);
      long seconds = oldest == null ? 0 : oldest.longValue();
      return (seconds > stale.toSeconds() ? Health.down() : Health.up())
          .withDetail("waiting", waiting)
          .withDetail("oldestSeconds", seconds)
          .build();
    };
  }
}
