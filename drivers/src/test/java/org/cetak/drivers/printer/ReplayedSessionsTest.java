package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.cetak.drivers.transport.ReplayTransport;
import org.junit.jupiter.api.Test;

/**
 * The driver against conversations recorded with the simulator ({@link TranscriptRecorder}): the
 * same requests in the same order, and the same outcomes, without any printer.
 */
class ReplayedSessionsTest {

  private static ReplayTransport transcript(String name) {
    return ReplayTransport.from(
        name,
        new InputStreamReader(
            Objects.requireNonNull(
                ReplayedSessionsTest.class.getResourceAsStream("/transcripts/" + name)),
            StandardCharsets.UTF_8));
  }

  @Test
  void park_print_and_eject_replays_request_for_request() {
    ReplayTransport replay = transcript("park-print-eject.txt");
    CardPrinterDriver driver = new CardPrinterDriver(replay, TranscriptRecorder.TIMINGS);

    assertThat(driver.identify().done()).isTrue();
    assertThat(driver.parkAtContactless().done()).isTrue();
    assertThat(driver.print(TestPanels.ymckoFrontKBack()).done()).isTrue();
    assertThat(driver.pickCounter()).isInstanceOf(Outcome.Done.class);
    assertThat(replay.remaining()).isZero();
  }

  @Test
  void lost_reply_to_a_park_is_followed_by_status_reads_and_never_a_second_sic() {
    ReplayTransport replay = transcript("lost-reply-to-park.txt");
    CardPrinterDriver driver = new CardPrinterDriver(replay, TranscriptRecorder.TIMINGS);

    Outcome<Acknowledged> parked = driver.parkAtContactless();

    assertThat(parked.done()).isTrue();
    assertThat(((Outcome.Done<Acknowledged>) parked).value().confirmedBy()).isPresent();
    assertThat(replay.remaining()).isZero();
  }

  @Test
  void empty_feeder_replays_as_a_value() {
    CardPrinterDriver driver =
        new CardPrinterDriver(transcript("feeder-empty.txt"), TranscriptRecorder.TIMINGS);

    Outcome<Acknowledged> parked = driver.parkAtContactless();

    assertThat(parked).isInstanceOf(Outcome.NotDone.class);
    assertThat(((Outcome.NotDone<Acknowledged>) parked).condition())
        .isEqualTo(PrinterCondition.FEEDER_EMPTY);
  }

  @Test
  void a_vendor_printer_is_recognised_by_its_refusal_of_rst_and_prints_a_card() {
    ReplayTransport replay = transcript("evolis-detect-park-print-eject.txt");
    CardPrinterDriver driver =
        new CardPrinterDriver(replay, TranscriptRecorder.TIMINGS, Optional.empty());

    assertThat(driver.dialect()).contains(PrinterDialect.EVOLIS);
    assertThat(driver.identify().done()).isTrue();
    assertThat(driver.parkAtContactless().done()).isTrue();
    assertThat(driver.print(TestPanels.ymckoFrontKBack()).done()).isTrue();
    assertThat(driver.pickCounter()).isInstanceOf(Outcome.Done.class);
    assertThat(replay.remaining()).isZero();
  }

  @Test
  void a_lost_reply_to_the_vendor_eject_is_settled_by_the_card_sensor_and_the_panel_counter() {
    ReplayTransport replay = transcript("evolis-ack-nack-lost-reply-to-eject.txt");
    CardPrinterDriver driver =
        new CardPrinterDriver(
            replay, TranscriptRecorder.TIMINGS, Optional.of(PrinterDialect.EVOLIS));

    assertThat(driver.parkAtContactless().done()).isTrue();
    Outcome<Acknowledged> printed = driver.print(TestPanels.ymckoFrontKBack());

    assertThat(printed.done()).as("%s", printed).isTrue();
    assertThat(((Outcome.Done<Acknowledged>) printed).value().confirmedBy()).isPresent();
    assertThat(replay.remaining()).isZero();
  }
}
