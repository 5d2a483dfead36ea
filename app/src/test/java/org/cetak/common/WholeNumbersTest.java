package org.cetak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WholeNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "7, 7",
    "1.500, 1500",
    "' 12.000 ', 12000",
    "-12.000, -12000",
    "1.000.000, 1000000"
  })
  void dots_that_group_thousands_are_dropped(String typed, int number) {
    assertThat(WholeNumbers.parse(typed)).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.5", "1,5", "15.00", "1.5000", ".500", "1..500", "abc", "", "99999999999"})
  void anything_else_is_no_whole_number(String typed) {
    assertThatThrownBy(() -> WholeNumbers.parse(typed)).isInstanceOf(NumberFormatException.class);
  }
}
