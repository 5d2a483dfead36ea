package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.demo.DemoBacklog;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.intake.IntakeFixture;
import org.cetak.office.Office;
import org.cetak.printing.device.WirePanels;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.sim.registry.Resident;
import org.cetak.sim.registry.SyntheticResidents;
import org.junit.jupiter.api.Test;

/**
 * A card carries the day it is issued in the office that prints it: at 15.30 UTC on the 5th it is
 * 22.30 of the 5th in WIB but already 00.30 of the 6th in Jayapura (WIT).
 */
@DatabaseTest
class CardIssueDayTest {

  private static final Instant HALF_PAST_THREE_UTC = Instant.parse("2026-01-05T15:30:00Z");
  private static final LocalDate WIB_DAY = LocalDate.of(2026, 1, 5);
  private static final LocalDate WIT_DAY = LocalDate.of(2026, 1, 6);
  private static int offices;

  private final IntakeFixture f;
  private final SyntheticResidents people = new SyntheticResidents(4242);
  private final CardFaceRenderer renderer = new CardFaceRenderer();
  private final CardPreparer preparer;

  CardIssueDayTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
    preparer = new CardPreparer(renderer, IntakeFixture.REGIONS, f.clock);
  }

  /** A request of a resident with a photo, in a new office of the zone. */
  private QueuedCard card(String zone) {
    offices++;
    Office office = f.officeInZone("91.8" + offices, "Zone office " + offices, zone);
    Resident r = people.resident(offices);
    assertThat(
            f.imports
                .importUpstream(office, "test", "loket", List.of(DemoBacklog.upstreamRecord(r)))
                .errors())
        .isEmpty();
    long id =
        f.db
            .fetchSingle("select id from print_request where office_id = ?", office.id())
            .get(0, Long.class);
    return f.queue.card(id).orElseThrow();
  }

  private EncodedFaces printedOn(QueuedCard card, LocalDate day) {
    return WirePanels.encode(renderer.render(preparer.faceData(card, day)).panels());
  }

  @Test
  void a_card_printed_after_the_offices_midnight_carries_the_offices_new_day() {
    QueuedCard card = card("Asia/Jayapura");
    f.clock.set(HALF_PAST_THREE_UTC);

    EncodedFaces printed = preparer.prepare(card, false).faces();

    assertThat(printed).isEqualTo(printedOn(card, WIT_DAY)).isNotEqualTo(printedOn(card, WIB_DAY));
  }

  @Test
  void a_card_of_a_wib_office_carries_wibs_day_at_the_same_moment() {
    QueuedCard card = card("Asia/Jakarta");
    f.clock.set(HALF_PAST_THREE_UTC);

    assertThat(preparer.prepare(card, false).faces()).isEqualTo(printedOn(card, WIB_DAY));
  }
}
