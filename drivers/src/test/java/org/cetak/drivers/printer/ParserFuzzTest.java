package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetak.drivers.testing.Seeded.check;
import static org.cetak.drivers.testing.Seeded.hex;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cetak.drivers.testing.Seeded;
import org.cetak.drivers.transport.ReplyFramer;
import org.cetak.drivers.transport.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arbitrary bytes from the printer: the parsers give a value or the typed protocol error, nothing
 * else; the driver gives an outcome, never an exception, and never waits longer than its budget.
 */
class ParserFuzzTest {

  private static final String GOOD_STATUS =
      "OK;POS=PRINT;STATE=BUSY;ERR=NONE;FEED=9;RIB=300;REJ=0/30;HOP=1/100;COVER=CLOSED;TEMP=35;PICKED=10001";

  static LongStream twoThousand() {
    return Seeded.seeds(2000);
  }

  static LongStream fiveHundred() {
    return Seeded.seeds(500);
  }

  static LongStream sixty() {
    return Seeded.seeds(60);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("twoThousand")
  void reply_parser_gives_a_reply_or_the_protocol_error(long seed) {
    byte[] bytes = Seeded.bytes(new SplittableRandom(seed), 0, 300);

    check(
        seed,
        () -> hex(bytes),
        () -> {
          try {
            assertThat(Reply.parse(bytes)).isNotNull();
          } catch (PrinterProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
          }
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("twoThousand")
  void status_parser_gives_a_status_or_the_protocol_error(long seed) {
    byte[] bytes = statusLike(new SplittableRandom(seed));

    check(
        seed,
        () -> hex(bytes),
        () -> {
          try {
            assertThat(PrinterStatus.parse(bytes)).isNotNull();
          } catch (PrinterProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
          }
        });
  }

  /** A well-formed status line with up to four bytes damaged, so the deep branches are reached. */
  private static byte[] statusLike(SplittableRandom random) {
    byte[] line = GOOD_STATUS.getBytes(StandardCharsets.US_ASCII);
    int damaged = random.nextInt(5);
    for (int i = 0; i < damaged; i++) {
      line[random.nextInt(line.length)] = (byte) random.nextInt(256);
    }
    return line;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("fiveHundred")
  void framer_cuts_any_stream_without_losing_count(long seed) {
    byte[] stream = Seeded.bytes(new SplittableRandom(seed), 0, 2000);
    List<ReplyFramer.Frame> frames = new ArrayList<>();
    ReplyFramer framer = new ReplyFramer(64, frames::add);

    check(
        seed,
        () -> hex(stream),
        () -> {
          framer.feed(stream, 0, stream.length);

          for (ReplyFramer.Frame frame : frames) {
            if (frame instanceof ReplyFramer.Reply reply) {
              assertThat(reply.bytes())
                  .isNotEmpty()
                  .hasSizeLessThanOrEqualTo(64)
                  .doesNotContain(0x0D, 0x00);
            }
          }
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("sixty")
  void driver_turns_any_reply_into_an_outcome_in_bounded_time(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> replies = new ArrayList<>();
    int count = random.nextInt(1, 7);
    for (int i = 0; i < count; i++) {
      replies.add(Seeded.bytes(random, 0, 80));
    }
    Transport garbage = new CannedTransport(replies);
    CardPrinterDriver driver =
        new CardPrinterDriver(
            garbage,
            PrinterTimings.field()
                .scaled(0)
                .withRecovery(Duration.ofMillis(5), Duration.ofMillis(30), Duration.ofMillis(1)));

    check(
        seed,
        () -> hex(replies),
        () -> {
          long started = System.nanoTime();

          List<Outcome<?>> outcomes =
              List.of(
                  driver.status(),
                  driver.identify(),
                  driver.pickCounter(),
                  driver.parkAtContactless(),
                  driver.reject());

          assertThat(outcomes).doesNotContainNull();
          assertThat(Duration.ofNanos(System.nanoTime() - started))
              .isLessThan(Duration.ofSeconds(2));
        });
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
