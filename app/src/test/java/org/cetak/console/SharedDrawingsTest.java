package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.cetak.console.Dashboard.Snapshot;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Permission;
import org.cetak.printing.PrinterSummary;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;

/**
 * The dashboard's rows drawn once for a shared snapshot and a language, over the demo office: the
 * same drawing for every reader given the same snapshot, another for another language or snapshot,
 * and nothing of a session in it.
 */
@CetakSpringTest
class SharedDrawingsTest {

  private static final Set<Permission> OPERATOR =
      EnumSet.of(Permission.SEE_HOME, Permission.SEE_PRINTERS, Permission.EXPLAIN_QUEUE);
  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  @Autowired Dashboard dashboard;
  @Autowired OfficeDirectory offices;
  @Autowired LiveView.Builder views;
  @Autowired ITemplateEngine templates;

  private SharedDrawings drawings;
  private Office office;

  @BeforeEach
  void demoOffice() {
    drawings = new SharedDrawings(views, templates);
    office = offices.officeByCode("32.71").orElseThrow();
  }

  @Test
  void the_rows_show_each_printer_and_tier_with_its_live_values() {
    Snapshot snapshot = dashboard.snapshot(office, OPERATOR);
    SharedDrawings.Drawn drawn = drawings.of(snapshot, INDONESIAN, OPERATOR);

    assertThat(snapshot.printers().orElseThrow().printers()).isNotEmpty();
    for (PrinterSummary p : snapshot.printers().orElseThrow().printers()) {
      String key = "printer." + p.code() + ".";
      assertThat(drawn.printerRows())
          .contains("data-printer=\"" + p.code() + "\"")
          .contains(
              "data-live=\""
                  + key
                  + "feeder\">"
                  + drawn.live().values().get(key + "feeder")
                  + "</td>")
          .contains(">" + drawn.live().values().get(key + "mode") + "</span>");
    }
    assertThat(drawn.queueRows()).contains("data-live=\"queue.tier.");
    assertThat(drawn.printerRows() + drawn.queueRows())
        .doesNotContain("<form")
        .doesNotContain("_csrf")
        .doesNotContainIgnoringCase("jsessionid");
  }

  @Test
  void readers_given_the_same_snapshot_in_the_same_language_share_one_drawing() {
    Snapshot snapshot = dashboard.snapshot(office, OPERATOR);
    SharedDrawings.Drawn first = drawings.of(snapshot, INDONESIAN, OPERATOR);

    assertThat(drawings.of(snapshot, INDONESIAN, EnumSet.copyOf(OPERATOR))).isSameAs(first);

    SharedDrawings.Drawn english = drawings.of(snapshot, Locale.ENGLISH, OPERATOR);
    assertThat(english).isNotSameAs(first);
    PrinterSummary printer = snapshot.printers().orElseThrow().printers().get(0);
    String mode = "printer." + printer.code() + ".mode";
    assertThat(english.live().values().get(mode)).isNotEqualTo(first.live().values().get(mode));
    assertThat(english.printerRows()).contains(english.live().values().get(mode));

    Snapshot later = dashboard.snapshot(office, OPERATOR);
    assertThat(drawings.of(later, INDONESIAN, OPERATOR)).isNotSameAs(first);
  }
}
