package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PickupMessageTest {

  @Test
  void message_names_the_initial_office_and_hours_and_fits_one_sms() {
    String text = PickupMessage.text("siti aminah", "Disdukcapil Kota Bogor", "08.00-15.00 WIB");
    assertThat(text)
        .startsWith("Yth. S. KTP-el Anda sudah jadi")
        .contains("Disdukcapil Kota Bogor")
        .contains("08.00-15.00 WIB")
        .doesNotContain("aminah")
        .doesNotContainPattern("[0-9]{6,}");
    assertThat(text.length()).isLessThanOrEqualTo(160);
  }

  @Test
  void a_very_long_office_name_is_shortened_to_keep_one_sms() {
    String text =
        PickupMessage.text(
            "Budi", "Dinas Kependudukan dan Pencatatan Sipil ".repeat(5), "08.00-15.00");
    assertThat(text.length()).isLessThanOrEqualTo(160);
    assertThat(text).endsWith("Bawa bukti permohonan.");
  }
}
