package org.cetak.drivers.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetak.drivers.testing.Seeded.check;
import static org.cetak.drivers.testing.Seeded.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cetak.drivers.testing.Seeded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Arbitrary response bytes: a parsed response or the typed error; the writer returns a value. */
class ApduFuzzTest {

  static LongStream responses() {
    return Seeded.seeds(3000);
  }

  static LongStream answerSets() {
    return Seeded.seeds(300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("responses")
  void response_parser_gives_a_response_or_the_protocol_error(long seed) {
    byte[] raw = bytes(new SplittableRandom(seed), 300);

    check(
        seed,
        () -> hex(raw),
        () -> {
          try {
            ResponseApdu response = ResponseApdu.parse(raw);
            assertThat(response.data()).hasSize(raw.length - 2);
          } catch (ChipProtocolException expected) {
            assertThat(raw.length).isLessThan(2);
          }
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("answerSets")
  void writer_turns_any_card_answers_into_an_outcome(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> answers = new ArrayList<>();
    int count = random.nextInt(1, 9);
    for (int i = 0; i < count; i++) {
      answers.add(bytes(random, 40));
    }
    int[] next = {0};
    ProfileWriter writer = new ProfileWriter(command -> answers.get(next[0]++ % answers.size()));

    check(
        seed,
        () -> hex(answers),
        () -> {
          ChipOutcome<Personalised> outcome = writer.personalise(TestPayloads.synthetic(1));

          assertThat(outcome).isNotNull();
          assertThat(next[0]).isLessThan(200); // it stops at the first wrong answer
        });
  }

  /**
   * Up to {@code max} random bytes; one case in four ends in a success status word, so the parsed
   * paths are reached as often as the refused ones.
   */
  private static byte[] bytes(SplittableRandom random, int max) {
    byte[] b = Seeded.bytes(random, 0, max);
    if (b.length >= 2 && random.nextInt(4) == 0) {
      b[b.length - 2] = (byte) 0x90;
      b[b.length - 1] = 0x00;
    }
    return b;
  }
}
