package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.cetak.drivers.transport.ReplyFramer;
import org.cetak.drivers.transport.Transport;

/**
 * Arbitrary bytes from the printer: the parsers give a value or the typed protocol error, nothing
 * else; the driver gives an outcome, never an exception, and never waits longer than its budget.
 */
class ParserFuzzTest {

  @Property(tries = 2000)
  void reply_parser_gives_a_reply_or_the_protocol_error(@ForAll @Size(max = 300) byte[] bytes) {
    try {
      assertThat(Reply.parse(bytes)).isNotNull();
    } catch (PrinterProtocolException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 2000)
  void status_parser_gives_a_status_or_the_protocol_error(@ForAll("statusLike") byte[] bytes) {
    try {
      assertThat(PrinterStatus.parse(bytes)).isNotNull();
    } catch (PrinterProtocolException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  /** Mostly well-formed status lines with random damage, so the deep branches are reached. */
  @Provide
  Arbitrary<byte[]> statusLike() {
    String good =
        "OK;POS=PRINT;STATE=BUSY;ERR=NONE;FEED=9;RIB=300;REJ=0/30;HOP=1/100;COVER=CLOSED;TEMP=35;PICKED=10001";
    return Arbitraries.integers()
        .between(0, good.length() - 1)
        .list()
        .ofMaxSize(4)
        .flatMap(
            positions ->
                Arbitraries.bytes()
                    .array(byte[].class)
                    .ofSize(positions.size())
                    .map(
                        noise -> {
                          byte[] line = good.getBytes(StandardCharsets.US_ASCII);
                          for (int i = 0; i < positions.size(); i++) {
                            line[positions.get(i)] = noise[i];
                          }
                          return line;
                        }));
  }

  @Property(tries = 500)
  void framer_cuts_any_stream_without_losing_count(@ForAll @Size(max = 2000) byte[] stream) {
    List<ReplyFramer.Frame> frames = new ArrayList<>();
    ReplyFramer framer = new ReplyFramer(64, frames::add);

    framer.feed(stream, 0, stream.length);

    for (ReplyFramer.Frame frame : frames) {
      if (frame instanceof ReplyFramer.Reply reply) {
        assertThat(reply.bytes())
            .isNotEmpty()
            .hasSizeLessThanOrEqualTo(64)
            .doesNotContain(0x0D, 0x00);
      }
    }
  }

  @Property(tries = 60)
  void driver_turns_any_reply_into_an_outcome_in_bounded_time(
      @ForAll @Size(min = 1, max = 6) List<@Size(max = 80) byte[]> replies) {
    Transport garbage = new CannedTransport(replies);
    CardPrinterDriver driver =
        new CardPrinterDriver(
            garbage,
            PrinterTimings.field()
                .scaled(0)
                .withRecovery(Duration.ofMillis(5), Duration.ofMillis(30), Duration.ofMillis(1)));
    long started = System.nanoTime();

    List<Outcome<?>> outcomes =
        List.of(
            driver.status(),
            driver.identify(),
            driver.pickCounter(),
            driver.parkAtContactless(),
            driver.reject());

    assertThat(outcomes).doesNotContainNull();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  /** Answers each request with the next canned reply, round and round. */
  private static final class CannedTransport implements Transport {
    private final List<byte[]> replies;
    private int next;

    CannedTransport(List<byte[]> replies) {
      this.replies = replies;
    }

    @Override
    public byte[] transceive(byte[] request, Duration timeout) {
      return replies.get(next++ % replies.size());
    }

    @Override
    public String name() {
      return "canned";
    }

    @Override
    public void close() {}
  }
}
