package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * The privacy check of every gateway test: no SMS carries a resident's NIK, KK, birth date or
 * address.
 */
final class PersonalData {

  private PersonalData() {}

  static void assertNoneIn(List<String> texts, List<NotifyFixture.Resident> residents) {
    assertThat(texts).isNotEmpty();
    for (String text : texts) {
      assertThat(text).doesNotContainPattern("[0-9]{6,}");
      for (NotifyFixture.Resident r : residents) {
        assertThat(text)
            .doesNotContain(r.nik())
            .doesNotContain(r.kk())
            .doesNotContain(r.birthDate())
            .doesNotContain("05-08-1990")
            .doesNotContain("05/08/1990")
            .doesNotContain(r.address())
            .doesNotContain("Pajajaran")
            .doesNotContain(r.name());
      }
    }
  }
}
