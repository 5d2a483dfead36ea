package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.cetak.intake.Payloads;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.printing.face.CardFaceData;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.printing.face.CardSide;
import org.cetak.region.RegionTable;
import org.junit.jupiter.api.Test;

class CardPreparerTest {

  private final CardFaceRenderer renderer = new CardFaceRenderer();
  private final CardPreparer preparer =
      new CardPreparer(
          renderer,
          RegionTable.shipped(),
          Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Jakarta")));

  private static QueuedCard card(String officeCode, String regency) {
    ResidentRecord record =
        new ResidentRecord(
            "3471014506900001",
            "3471010101100001",
            "SARI WULANDARI",
            "P",
            "YOGYAKARTA",
            LocalDate.of(1990, 6, 5),
            Optional.of("A"),
            "JL. MALIOBORO NO. 5",
            "001",
            "002",
            "GEDONGKIWO",
            "MANTRIJERON",
            regency,
            "DI YOGYAKARTA",
            "ISLAM",
            "KAWIN",
            "KARYAWAN SWASTA",
            "WNI",
            ResidentRecord.PRINT_READY,
            OffsetDateTime.parse("2026-11-01T08:00:00+07:00"),
            RequestReason.FIRST_CARD,
            Optional.empty(),
            false,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new QueuedCard(
        1,
        1,
        officeCode,
        RequestStatus.QUEUED,
        1,
        "rule",
        1,
        record,
        Set.of(),
        Payloads.none(),
        ZoneId.of("Asia/Jakarta"));
  }

  @Test
  void a_card_is_issued_by_the_regency_of_the_office_that_prints_it() {
    CardFaceData data =
        preparer.faceData(card("32.71", "KOTA YOGYAKARTA"), LocalDate.of(2026, 12, 2));
    assertThat(data.regency()).isEqualTo("KOTA YOGYAKARTA");
    assertThat(data.issuePlace()).isEqualTo("KOTA BOGOR");
  }

  @Test
  void a_kecamatan_print_point_issues_in_its_regency() {
    CardFaceData data =
        preparer.faceData(card("32.71.03", "KOTA BOGOR"), LocalDate.of(2026, 12, 2));
    assertThat(data.issuePlace()).isEqualTo("KOTA BOGOR");
  }

  @Test
  void the_back_names_the_issuing_regency_not_the_residents() {
    LocalDate day = LocalDate.of(2026, 12, 2);
    byte[] issuedInBogor =
        renderer.previewPng(
            preparer.faceData(card("32.71", "KOTA YOGYAKARTA"), day), CardSide.BACK);
    byte[] bogorResident =
        renderer.previewPng(preparer.faceData(card("32.71", "KOTA BOGOR"), day), CardSide.BACK);
    byte[] issuedInYogya =
        renderer.previewPng(
            preparer.faceData(card("34.71", "KOTA YOGYAKARTA"), day), CardSide.BACK);
    assertThat(Arrays.equals(issuedInBogor, bogorResident)).isTrue();
    assertThat(Arrays.equals(issuedInBogor, issuedInYogya)).isFalse();
  }
}
