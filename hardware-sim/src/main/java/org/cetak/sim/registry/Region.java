package org.cetak.sim.registry;

import java.util.List;

/**
 * A kecamatan (district) with its Kemendagri code, its kabupaten/kota and province, and some of its
 * villages. Regency and province codes are real Kemendagri codes; the kecamatan digits and village
 * lists are illustrative, good enough for synthetic residents.
 */
record Region(
    String districtCode, String district, String regency, String province, List<String> villages) {

  static final List<Region> ALL =
      List.of(
          new Region(
              "327101",
              "BOGOR SELATAN",
              "KOTA BOGOR",
              "JAWA BARAT",
              List.of("BATUTULIS", "LAWANGGINTUNG", "EMPANG")),
          new Region(
              "327102",
              "BOGOR TIMUR",
              "KOTA BOGOR",
              "JAWA BARAT",
              List.of("BARANANGSIANG", "SINDANGSARI", "KATULAMPA")),
          new Region(
              "327104",
              "BOGOR TENGAH",
              "KOTA BOGOR",
              "JAWA BARAT",
              List.of("PALEDANG", "PABATON", "GUDANG")),
          new Region(
              "327106",
              "TANAH SAREAL",
              "KOTA BOGOR",
              "JAWA BARAT",
              List.of("KEDUNG BADAK", "KEBON PEDES", "SUKARESMI")),
          new Region(
              "351001",
              "BANYUWANGI",
              "KABUPATEN BANYUWANGI",
              "JAWA TIMUR",
              List.of("PANDERAN", "KEPATIHAN", "TUKANGKAYU")),
          new Region(
              "351002",
              "GIRI",
              "KABUPATEN BANYUWANGI",
              "JAWA TIMUR",
              List.of("BOYOLANGU", "PENATABAN", "JAMBESARI")),
          new Region(
              "351003",
              "ROGOJAMPI",
              "KABUPATEN BANYUWANGI",
              "JAWA TIMUR",
              List.of("LEMAHBANG DEWO", "KARANGBENDO", "GITIK")),
          new Region(
              "347101",
              "MANTRIJERON",
              "KOTA YOGYAKARTA",
              "DI YOGYAKARTA",
              List.of("GEDONGKIWO", "SURYODININGRATAN", "MANTRIJERON")),
          new Region(
              "347102",
              "KRATON",
              "KOTA YOGYAKARTA",
              "DI YOGYAKARTA",
              List.of("PATEHAN", "PANEMBAHAN", "KADIPATEN")),
          new Region(
              "347104",
              "UMBULHARJO",
              "KOTA YOGYAKARTA",
              "DI YOGYAKARTA",
              List.of("GIWANGAN", "SOROSUTAN", "WARUNGBOTO")),
          new Region(
              "331902",
              "KOTA KUDUS",
              "KABUPATEN KUDUS",
              "JAWA TENGAH",
              List.of("JANGGALAN", "KAUMAN", "DEMANGAN")),
          new Region(
              "331903",
              "JATI",
              "KABUPATEN KUDUS",
              "JAWA TENGAH",
              List.of("JATI WETAN", "PLOSO", "GETASPEJATEN")),
          new Region(
              "331908",
              "GEBOG",
              "KABUPATEN KUDUS",
              "JAWA TENGAH",
              List.of("GRIBIG", "BESITO", "PADURENAN")));
}
