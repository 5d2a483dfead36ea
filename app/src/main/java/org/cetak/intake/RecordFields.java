package org.cetak.intake;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The field names of IMPORT-FORMAT.md, in a fixed order (the order of the content hash). */
public final class RecordFields {

  private RecordFields() {}

  public static final String PHOTO = "photo";
  public static final String SIGNATURE = "signature";
  public static final String FINGERPRINTS = "fingerprints";

  /**
   * The resident's fields of a record, without the payload references: what a print request keeps
   * of the record, column by column of the same name.
   */
  public static final List<String> RESIDENT =
      List.of(
          "nik",
          "kk",
          "name",
          "sex",
          "birth_place",
          "birth_date",
          "blood_type",
          "address",
          "rt",
          "rw",
          "village",
          "district",
          "regency",
          "province",
          "religion",
          "marital_status",
          "occupation",
          "citizenship",
          "siak_status",
          "siak_status_at",
          "reason",
          "urgent_reason",
          "vulnerable",
          "disabled",
          "suket_number",
          "suket_date",
          "phone");

  /** Every field of a record, payload references last. */
  public static final List<String> ALL =
      Stream.concat(RESIDENT.stream(), Stream.of(PHOTO, SIGNATURE, FINGERPRINTS)).toList();

  /** Fields that must be present and not empty. */
  public static final Set<String> REQUIRED =
      Set.of(
          "nik",
          "kk",
          "name",
          "sex",
          "birth_place",
          "birth_date",
          "address",
          "rt",
          "rw",
          "village",
          "district",
          "regency",
          "province",
          "religion",
          "marital_status",
          "occupation",
          "citizenship",
          "siak_status",
          "siak_status_at",
          "reason");

  public static boolean known(String name) {
    return ALL.contains(name);
  }
}
