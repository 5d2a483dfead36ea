package org.cetak.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.smartcardio.TerminalFactory;
import org.cetak.common.DomainException;
import org.cetak.drivers.testing.PcscStack;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.StepRecorder;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The check desk's chip reader on the real PC/SC stack: {@code cetak.quality-check.reader} names
 * the vpcd reader of a real pcscd, and our card personality lies on it. A card whose chip answers
 * with the UID recorded at print passes read on the reader; another card's chip is refused and
 * changes nothing; with no card on the reader, or no PC/SC service at all, the operator is told in
 * Indonesian that the reader read no chip. Skipped (with the reason) when the PC/SC stack is not
 * installed or another pcscd owns {@code /run/pcscd}.
 */
@CetakSpringTest
@Import(QualityCheckReaderRealStackTest.MachineReaders.class)
@TestPropertySource(
    properties = {
      "cetak.quality-check.reader=Virtual PCD.*",
      "cetak.quality-check.reader-wait=PT1S"
    })
class QualityCheckReaderRealStackTest {

  private static final String BASE = "/api/offices/32.71/quality-check/";

  private static PcscStack stack;

  /**
   * This machine's PC/SC readers (pcscd) in place of the demo's simulated ones. Asked for by name:
   * the JDK's default factory is chosen once per JVM, and an earlier test of the same JVM may have
   * made it while no pcscd ran (a factory that never lists a reader).
   */
  @TestConfiguration(proxyBeanMethods = false)
  static class MachineReaders {
    @Bean
    @Primary
    TerminalFactory machineReaders() throws NoSuchAlgorithmException {
      return TerminalFactory.getInstance("PC/SC", null);
    }
  }

  @LocalServerPort int port;
  @Autowired QualityChecks checks;
  @Autowired StepRecorder steps;
  @Autowired PrintJobs jobs;
  @Autowired PrinterRegistry registry;
  @Autowired PrinterControl control;
  @Autowired OfficeDirectory offices;
  @Autowired DSLContext db;

  private final HttpClient http = HttpClient.newHttpClient();
  private Office office;
  private User operator;
  private CardsToCheck cards;

  @BeforeAll
  static void startStack() throws Exception {
    stack = PcscStack.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * Each test starts with a fresh pcscd: vpcd accepts no new card after a JVM client held the last
   * one (see the drivers' real-stack test); the reader picks the new daemon up by itself.
   */
  @BeforeEach
  void aFreshDaemonAndAPrinterOfTheDemoOffice() throws Exception {
    stack.stopDaemon();
    stack.startDaemon();
    office = offices.officeByCode("32.71").orElseThrow();
    operator = offices.user("operator").orElseThrow();
    db.execute(
        "update notice_settings set collectable_when = 'QUALITY_CHECKED' where office_id = ?",
        office.id());
    cards =
        new CardsToCheck(
            db, steps, jobs, registry, control, office, TestUsers.everyRole(offices), operator);
  }

  @Test
  void the_card_on_the_reader_passes_with_its_uid_read_through_pcscd() throws Exception {
    assertThat(checks.readerAttached()).isTrue();
    PrintJob job = cards.printed();
    stack.insertCard(CardsToCheck.uid(job), "none");

    HttpResponse<String> pass = send(BASE + job.id() + "/pass", "{}");

    assertThat(pass.statusCode()).as(pass.body() + "\n" + stack.daemonLog()).isEqualTo(200);
    assertThat(pass.body()).contains("\"status\":\"PASSED\"");
    assertThat(
            db.fetchOne(
                "select status, uid_read, read_by from card_check where print_job_id = ?",
                job.id()))
        .satisfies(
            r -> {
              assertThat(r.get(0)).isEqualTo("PASSED");
              assertThat(r.get(1)).isEqualTo(CardsToCheck.uid(job));
              assertThat(r.get(2)).isEqualTo("READER");
            });
    assertThat(notices(job)).isEqualTo(1);
    assertThat(
            db.fetchValue(
                "select detail from audit_event where action = 'CARD_CHECKED' and subject = ?",
                "print job " + job.id()))
        .isEqualTo(
            "request " + job.requestId() + " passed, chip " + CardsToCheck.uid(job) + " (reader)");
  }

  @Test
  void another_cards_chip_on_the_reader_is_refused_and_changes_nothing() throws Exception {
    PrintJob job = cards.printed();
    PrintJob other = cards.printed();
    stack.insertCard(CardsToCheck.uid(other), "none");
    long movements = db.fetchCount(db.selectFrom("stock_movement"));

    assertThatThrownBy(() -> checks.pass(office.id(), job.id(), null, operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", CheckError.CHIP_UID_MISMATCH);
    HttpResponse<String> refused = send(BASE + job.id() + "/pass", "{}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body())
        .contains("\"code\":\"CHIP_UID_MISMATCH\"")
        .contains("bukan chip " + CardsToCheck.uid(job) + " yang tercatat saat cetak");
    assertThat(db.fetchValue("select status from card_check where print_job_id = ?", job.id()))
        .isEqualTo("WAITING");
    assertThat(db.fetchValue("select status from print_request where id = ?", job.requestId()))
        .isEqualTo("PRINTED");
    assertThat(db.fetchCount(db.selectFrom("stock_movement"))).isEqualTo(movements);
    assertThat(notices(job)).isZero();
  }

  @Test
  void no_card_on_the_reader_or_no_pcsc_service_is_a_clear_indonesian_error() throws Exception {
    PrintJob job = cards.printed();
    stack.removeCard();

    HttpResponse<String> noCard = send(BASE + job.id() + "/pass", "{}");

    assertThat(noCard.statusCode()).as(noCard.body()).isEqualTo(409);
    assertThat(noCard.body())
        .contains("\"code\":\"CHIP_NOT_READ\"")
        .contains("Pembaca tidak membaca chip kartu dari pekerjaan cetak " + job.id());

    stack.stopDaemon();
    try {
      HttpResponse<String> noService = send(BASE + job.id() + "/pass", "{}");
      assertThat(noService.statusCode()).as(noService.body()).isEqualTo(409);
      assertThat(noService.body()).contains("\"code\":\"CHIP_NOT_READ\"");
    } finally {
      stack.startDaemon();
    }
    assertThat(db.fetchValue("select status from card_check where print_job_id = ?", job.id()))
        .isEqualTo("WAITING");
    assertThat(notices(job)).isZero();

    stack.insertCard(CardsToCheck.uid(job), "none");
    HttpResponse<String> back = send(BASE + job.id() + "/pass", "{}");
    assertThat(back.statusCode())
        .as("the reader works again once pcscd is back: " + back.body())
        .isEqualTo(200);
  }

  private int notices(PrintJob job) {
    return db.fetchCount(db.selectFrom("sms_outbox where print_job_id = " + job.id()));
  }

  private HttpResponse<String> send(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("operator:cetak-demo".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .header("Accept-Language", "id")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
