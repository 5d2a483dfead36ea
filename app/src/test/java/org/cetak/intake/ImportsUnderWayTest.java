package org.cetak.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An import's progress is read by its uploader only, under a valid id, while it runs. */
class ImportsUnderWayTest {

  private final ImportsUnderWay underWay = new ImportsUnderWay();

  @Test
  void the_uploader_reads_the_percent_of_bytes_read_until_the_import_ends() {
    ImportProgress progress = underWay.follow("0b6f1c9e-4a7d-4c1e-9d55-3f1a2b7c8d90", "loket");
    progress.update(250, 1000, 12);

    assertThat(underWay.progress("0b6f1c9e-4a7d-4c1e-9d55-3f1a2b7c8d90", "loket"))
        .hasValueSatisfying(
            p -> {
              assertThat(p.percent()).isEqualTo(25);
              assertThat(p.rows()).isEqualTo(12);
            });
    assertThat(underWay.progress("0b6f1c9e-4a7d-4c1e-9d55-3f1a2b7c8d90", "operator")).isEmpty();

    underWay.ended("0b6f1c9e-4a7d-4c1e-9d55-3f1a2b7c8d90");
    assertThat(underWay.progress("0b6f1c9e-4a7d-4c1e-9d55-3f1a2b7c8d90", "loket")).isEmpty();
  }

  @Test
  void an_id_that_is_not_a_token_follows_nothing() {
    underWay.follow("../x", "loket").update(1, 2, 3);
    assertThat(underWay.progress("../x", "loket")).isEmpty();
    assertThat(ImportsUnderWay.valid(null)).isFalse();
    assertThat(ImportsUnderWay.valid("3271010101010001-but-a-token-too-long-".repeat(3))).isFalse();
  }
}
