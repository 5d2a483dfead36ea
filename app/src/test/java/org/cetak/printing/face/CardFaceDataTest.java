package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.cetak.common.Masking;
import org.junit.jupiter.api.Test;

class CardFaceDataTest {

  private static CardFaceData with(String nik, String name, String sex, String bloodType) {
    return new CardFaceData(
        "JAWA BARAT",
        "KOTA BOGOR",
        nik,
        name,
        "BOGOR",
        LocalDate.of(1990, 8, 17),
        sex,
        bloodType,
        "JL. PAJAJARAN NO. 12",
        "3",
        "7",
        "BARANANGSIANG",
        "BOGOR TIMUR",
        "ISLAM",
        "KAWIN",
        "KARYAWAN SWASTA",
        "WNI",
        Optional.empty(),
        Optional.empty(),
        "KOTA BOGOR",
        LocalDate.of(2024, 3, 5));
  }

  @Test
  void blank_name_is_rejected_naming_the_field() {
    assertThatThrownBy(() -> with("3271051708900003", "  ", "P", "O"))
        .isInstanceOfSatisfying(
            InvalidCardFaceDataException.class, e -> assertThat(e.field()).isEqualTo("name"))
        .hasMessageContaining("name");
  }

  @Test
  void nik_must_have_sixteen_digits() {
    assertThatThrownBy(() -> with("32710517089", "SARI", "P", "O"))
        .isInstanceOfSatisfying(
            InvalidCardFaceDataException.class, e -> assertThat(e.field()).isEqualTo("nik"));
  }

  @Test
  void sex_is_l_or_p() {
    assertThatThrownBy(() -> with("3271051708900003", "SARI", "W", "O"))
        .isInstanceOfSatisfying(
            InvalidCardFaceDataException.class, e -> assertThat(e.field()).isEqualTo("sex"));
  }

  @Test
  void missing_blood_type_is_empty_and_allowed() {
    assertThat(with("3271051708900003", "SARI", "P", null).bloodType()).isEmpty();
  }

  @Test
  void to_string_masks_the_nik_and_the_name_with_the_project_rule() {
    assertThat(with("3271051708900003", "SARI", "P", "O").toString())
        .doesNotContain("3271051708900003")
        .doesNotContain("SARI")
        .contains(Masking.nik("3271051708900003"));
  }

  @Test
  void printed_sex_words_are_stored_as_codes() {
    assertThat(with("3271051708900003", "ADI", "laki-laki", "O").sex()).isEqualTo("L");
    assertThat(with("3271055708900003", "SARI", "PEREMPUAN", "O").sex()).isEqualTo("P");
  }

  @Test
  void missing_issue_date_is_rejected_naming_the_field() {
    assertThatThrownBy(
            () ->
                new CardFaceData(
                    "JAWA BARAT",
                    "KOTA BOGOR",
                    "3271051708900003",
                    "SARI",
                    "BOGOR",
                    LocalDate.of(1990, 8, 17),
                    "P",
                    "O",
                    "JL. PAJAJARAN NO. 12",
                    "3",
                    "7",
                    "BARANANGSIANG",
                    "BOGOR TIMUR",
                    "ISLAM",
                    "KAWIN",
                    "KARYAWAN SWASTA",
                    "WNI",
                    Optional.empty(),
                    Optional.empty(),
                    "KOTA BOGOR",
                    null))
        .isInstanceOfSatisfying(
            InvalidCardFaceDataException.class, e -> assertThat(e.field()).isEqualTo("issueDate"))
        .hasMessageContaining("issueDate");
  }
}
