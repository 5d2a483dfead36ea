package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.Residents;
import org.cetak.office.Office;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allocation reckons a resident's age and a rule's dates on the office's own day: at 16.30 UTC on
 * the 5th it is 23.30 of the 5th in WIB but 00.30 of the 6th in Makassar (WITA), where a resident
 * born on 6 January 1966 has turned 60 and is placed with the elderly.
 */
@DatabaseTest
class OfficeDayAllocationTest {

  private static final Instant HALF_PAST_FOUR_UTC = Instant.parse("2026-01-05T16:30:00Z");
  private static final LocalDate SIXTY_ON_THE_6TH = LocalDate.of(1966, 1, 6);
  private static int offices;

  private final IntakeFixture f;
  @TempDir Path tmp;
  private static int seq = 9000;

  OfficeDayAllocationTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
  }

  private Office office(String zone) {
    offices++;
    return f.officeInZone("33.8" + offices, "Zone office " + offices, zone);
  }

  private String queue(Office office, LocalDate birth, String reason) {
    Map<String, String> row = Residents.row(++seq, birth, reason);
    try (Bundle bundle = Bundle.open(Residents.bundle(tmp.resolve("b" + seq), List.of(row)))) {
      assertThat(
              f.imports
                  .importBundle(bundle, office.code(), "loket", ImportProgress.none())
                  .errors())
          .isEmpty();
    }
    return row.get("nik");
  }

  @Test
  void a_resident_who_turned_sixty_after_the_offices_midnight_is_elderly_before_wibs() {
    Office makassar = office("Asia/Makassar");
    Office bogor = office("Asia/Jakarta");
    f.clock.set(HALF_PAST_FOUR_UTC.minusSeconds(86_400));
    String inMakassar = queue(makassar, SIXTY_ON_THE_6TH, "DAMAGED");
    String inBogor = queue(bogor, SIXTY_ON_THE_6TH, "DAMAGED");
    f.clock.set(HALF_PAST_FOUR_UTC);

    QueueExplanation makassarWhy = f.allocation.explain(inMakassar);
    assertThat(makassarWhy.rule()).as("the 6th in Makassar").contains("ELDERLY");
    assertThat(makassarWhy.tier()).contains(2);
    QueueExplanation bogorWhy = f.allocation.explain(inBogor);
    assertThat(bogorWhy.rule()).as("still the 5th in Bogor").contains("DAMAGED");
    assertThat(bogorWhy.tier()).contains(5);
  }

  @Test
  void a_run_after_the_offices_midnight_serves_the_resident_who_became_elderly_that_day() {
    Office makassar = office("Asia/Makassar");
    f.clock.set(HALF_PAST_FOUR_UTC.minusSeconds(86_400));
    String lostFirst = queue(makassar, LocalDate.of(1990, 5, 20), "LOST");
    String turnsSixty = queue(makassar, SIXTY_ON_THE_6TH, "DAMAGED");
    f.clock.set(HALF_PAST_FOUR_UTC);
    f.blanks.set(1);

    f.allocation.run(makassar.id(), RunTrigger.ON_DEMAND, "test");

    assertThat(f.status(turnsSixty)).isEqualTo("RESERVED");
    assertThat(f.status(lostFirst)).isEqualTo("QUEUED");
  }
}
