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

  @Test
  void a_number_inside_a_message_is_grouped_the_way_each_language_writes_it() {
    CliText text = CommandRun.text();

    assertThat(text.both("cli.more", 1250)).isEqualTo("… dan 1.250 lagi / … and 1,250 more");
    assertThat(text.both("stock.oldCards", 1250L, 250L, 1000L))
        .isEqualTo(
            "KTP-el lama (dihitung terpisah): ditarik 1.250 = menunggu pemusnahan 250 +"
                + " dimusnahkan 1.000 / Old e-KTP cards (counted apart): withdrawn 1,250 ="
                + " awaiting destruction 250 + destroyed 1,000");
    assertThat(text.both("cli.check.failed", 1250L))
        .isEqualTo("1.250 pemeriksaan gagal / 1,250 check(s) failed");
  }

  @Test
  void a_labelled_number_is_written_once_the_indonesian_way() {
    assertThat(CommandRun.text().labelled("cli.allocate.granted", 1250))
        .isEqualTo("Blanko dicadangkan / Blanks reserved: 1.250");
  }
}
