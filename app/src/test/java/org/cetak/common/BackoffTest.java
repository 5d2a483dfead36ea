package org.cetak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10));

  @Test
  void the_wait_doubles_from_the_first_up_to_the_cap() {
    assertThat(backoff.after(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(backoff.after(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void no_attempt_yet_waits_the_first() {
    assertThat(backoff.after(0)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a_zero_first_wait_or_a_cap_below_it_is_refused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
