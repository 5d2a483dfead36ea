package org.cetak.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void a_nik_keeps_its_province_and_regency_and_its_last_two_digits() {
    assertThat(Masking.nik("3271051708900003")).isEqualTo("3271**********03");
  }

  @Test
  void anything_that_is_not_sixteen_characters_is_masked_whole() {
    assertThat(Masking.nik("32710517")).isEqualTo("********");
  }

  @Test
  void a_phone_keeps_its_last_three_digits() {
    assertThat(Masking.phone("+6281234567890")).isEqualTo("***********890");
    assertThat(Masking.phone(Optional.empty())).isEqualTo("none");
  }

  @Test
  void a_name_keeps_only_the_first_letter_of_each_word() {
    assertThat(Masking.name(" SARI  WULANDARI ")).isEqualTo("S*** W***");
  }

  @Test
  void an_address_and_a_birth_date_are_masked_whole() {
    assertThat(Masking.text("JL. MAWAR NO. 5")).isEqualTo("***");
    assertThat(Masking.date(LocalDate.of(1990, 8, 17))).isEqualTo("****-**-**");
  }
}
