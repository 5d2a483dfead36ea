package org.cetak.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.cetak.common.DomainException;
import org.cetak.intake.IntakeError;
import org.cetak.office.OfficeError;
import org.junit.jupiter.api.Test;

/** A refusal on the command line: the catalogue's words, and the option that answers it. */
class CliTextTest {

  @Test
  void an_office_required_refusal_names_the_option_that_names_the_office() {
    String line =
        CommandRun.text()
            .refusal(new DomainException(OfficeError.OFFICE_REQUIRED, "Name the office"));

    assertThat(line)
        .isEqualTo(
            "Ditolak / Refused (OFFICE_REQUIRED): Sebutkan kantornya: Instalasi ini punya beberapa"
                + " kantor; sebutkan kantornya dengan kode wilayahnya / Name the office: This"
                + " installation has several offices; name the office by its region code — pilih"
                + " dengan --office dan kode wilayahnya, mis. --office 32.71 / choose it with"
                + " --office and its region code, e.g. --office 32.71");
  }

  @Test
  void a_refusal_without_an_option_of_its_own_has_no_hint() {
    String line =
        CommandRun.text()
            .refusal(
                new DomainException(IntakeError.BUNDLE_NOT_FOUND, "No bundle at /x.zip", "/x.zip"));

    assertThat(line).startsWith("Ditolak / Refused (BUNDLE_NOT_FOUND): ").doesNotContain(" — ");
  }
}
