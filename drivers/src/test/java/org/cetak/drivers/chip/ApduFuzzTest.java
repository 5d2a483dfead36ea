package org.cetak.drivers.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Arbitrary response bytes: a parsed response or the typed error; the writer returns a value. */
class ApduFuzzTest {

  @Property(tries = 3000)
  void response_parser_gives_a_response_or_the_protocol_error(@ForAll @Size(max = 300) byte[] raw) {
    try {
      ResponseApdu response = ResponseApdu.parse(raw);
      assertThat(response.data()).hasSize(raw.length - 2);
    } catch (ChipProtocolException expected) {
      assertThat(raw.length).isLessThan(2);
    }
  }

  @Property(tries = 300)
  void writer_turns_any_card_answers_into_an_outcome(
      @ForAll @Size(min = 1, max = 8) List<@Size(max = 40) byte[]> answers) {
    int[] next = {0};
    ProfileWriter writer = new ProfileWriter(command -> answers.get(next[0]++ % answers.size()));

    ChipOutcome<Personalised> outcome = writer.personalise(TestPayloads.synthetic(1));

    assertThat(outcome).isNotNull();
    assertThat(next[0]).isLessThan(200); // it stops at the first wrong answer
  }
}
