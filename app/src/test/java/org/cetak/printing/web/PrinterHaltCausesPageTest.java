package org.cetak.printing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.HaltCause;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.DemoHttp;
import org.cetak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * Each cause a print station quarantines or pauses a printer for reads on the printers page as an
 * operator's wording (what happened, what to do) in Indonesian, with the device's own text beside
 * it as its detail; the API gives the cause's code.
 */
@CetakSpringTest
class PrinterHaltCausesPageTest {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  /** What a station writes beside each cause: the driver's or the counters' own words. */
  private static final Map<HaltCause, String> DEVICE_TEXT =
      Map.ofEntries(
          Map.entry(HaltCause.NOT_ANSWERING, "no reply to \\eRst\\r within 2000 ms"),
          Map.entry(HaltCause.KEEPS_NOT_ANSWERING, "no reply to \\eSic\\r within 5000 ms"),
          Map.entry(
              HaltCause.CARD_UNKNOWN_NO_ANSWER, "job 7: PICK sent; then no status: port closed"),
          Map.entry(
              HaltCause.CARD_UNKNOWN_COUNTERS, "job 7: NO CARD; reject box was emptied (3 -> 0)"),
          Map.entry(
              HaltCause.CARD_NOT_AT_CHIP,
              "job 7: card expected at the chip station, printer reports NONE"),
          Map.entry(HaltCause.CARD_UNKNOWN, "job 7: no command of ENCODING to send again"),
          Map.entry(HaltCause.CARD_STILL_UNKNOWN, "job 7: the printer does not answer"),
          Map.entry(
              HaltCause.PICK_COUNTER_AHEAD, "pick counter 10018, recorded by the print jobs 10000"),
          Map.entry(HaltCause.UNKNOWN_CARD_INSIDE, "card at CONTACTLESS"),
          Map.entry(HaltCause.ENCODER_UNAVAILABLE, "READER_MISSING: no reader named PRN-1 chip"),
          Map.entry(
              HaltCause.STATION_KEEPS_FAILING,
              "3 errors in 10 minutes; the last: java.lang.OutOfMemoryError: Java heap space"));

  @LocalServerPort int port;
  @Autowired PrintJobs jobs;
  @Autowired PrinterRegistry registry;
  @Autowired OfficeDirectory offices;
  @Autowired MessageSource messages;

  @Test
  void a_chip_encoders_pcsc_fault_leads_with_its_indonesian_meaning_and_keeps_the_devices_text()
      throws Exception {
    Office office = offices.officeByCode("32.71").orElseThrow();
    String code = "S" + System.nanoTime() % 10_000;
    Printer printer =
        registry.register(
            office.id(), code, "Printer uji", "Primacy", TestUsers.everyRole(offices));
    String raw = "SCARD_W_UNRESPONSIVE_CARD: chip 04DD0622A7CFF0 does not answer";
    jobs.halt(printer.id(), PrinterMode.PAUSED, HaltCause.ENCODER_UNAVAILABLE, raw);

    String page = HtmlUtils.htmlUnescape(DemoHttp.get(port, "/printers", "operator").body());

    assertThat(page)
        .contains("Keterangan perangkat: Chip kartu tidak menjawab pembaca")
        .contains("title=\"" + raw + "\"")
        .contains("Teks perangkat: " + raw)
        .doesNotContain("Keterangan perangkat: SCARD_W_UNRESPONSIVE_CARD");
  }

  @Test
  void every_cause_a_station_halts_a_printer_for_reads_in_indonesian_with_the_devices_text()
      throws Exception {
    assertThat(DEVICE_TEXT).containsOnlyKeys(HaltCause.values());
    Office office = offices.officeByCode("32.71").orElseThrow();
    // short codes and names: the printers stay in the shared demo office, whose pages must still
    // fit a narrow screen (NarrowScreenBrowserTest)
    String prefix = "H" + System.nanoTime() % 10_000 + "-";
    Map<HaltCause, String> codes = new EnumMap<>(HaltCause.class);
    for (HaltCause cause : HaltCause.values()) {
      codes.put(cause, prefix + (codes.size() + 1));
      Printer printer =
          registry.register(
              office.id(),
              codes.get(cause),
              "Printer uji " + codes.size(),
              "Primacy",
              TestUsers.everyRole(offices));
      PrinterMode mode =
          cause == HaltCause.UNKNOWN_CARD_INSIDE || cause == HaltCause.ENCODER_UNAVAILABLE
              ? PrinterMode.PAUSED
              : PrinterMode.QUARANTINED;
      jobs.halt(printer.id(), mode, cause, DEVICE_TEXT.get(cause));
    }

    String page = HtmlUtils.htmlUnescape(DemoHttp.get(port, "/printers", "operator").body());
    for (HaltCause cause : HaltCause.values()) {
      String worded = messages.getMessage("label.haltCause." + cause, null, INDONESIAN);
      assertThat(worded).as("wording of %s", cause).doesNotStartWith("label.");
      assertThat(page)
          .as("the printers page for %s", cause)
          .contains(worded)
          .contains("Keterangan perangkat: " + DEVICE_TEXT.get(cause));
    }
    assertThat(page)
        .contains("Printer tidak menjawab perintah status — periksa kabel dan daya, lalu lanjutkan")
        .contains("Penghitung printer tidak menunjukkan ke mana kartunya");

    String english =
        HtmlUtils.htmlUnescape(DemoHttp.get(port, "/printers?lang=en", "operator").body());
    assertThat(english)
        .contains(
            "The printer does not answer the status command — check its cable and power, then"
                + " resume")
        .contains("Device report: " + DEVICE_TEXT.get(HaltCause.NOT_ANSWERING));

    String api = DemoHttp.get(port, "/api/offices/32.71/printers", "operator").body();
    assertThat(api)
        .contains("\"code\":\"" + codes.get(HaltCause.NOT_ANSWERING) + "\"")
        .contains("\"cause\":\"NOT_ANSWERING\"")
        .contains("\"cause\":\"CARD_UNKNOWN_COUNTERS\"");
  }
}
