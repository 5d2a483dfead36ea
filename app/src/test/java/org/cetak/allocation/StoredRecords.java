package org.cetak.allocation;

import java.util.Optional;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.intake.RequestReason;
import org.cetak.intake.ResidentRecord;

/** Stored requests read back as the records the priority policy places. */
final class StoredRecords {

  private StoredRecords() {}

  /** A stored request's record as the resident's record the policy places. */
  static ResidentRecord of(PrintRequestRecord r) {
    return new ResidentRecord(
        r.getNik(),
        r.getKk(),
        r.getName(),
        r.getSex(),
        r.getBirthPlace(),
        r.getBirthDate(),
        Optional.ofNullable(r.getBloodType()),
        r.getAddress(),
        r.getRt(),
        r.getRw(),
        r.getVillage(),
        r.getDistrict(),
        r.getRegency(),
        r.getProvince(),
        r.getReligion(),
        r.getMaritalStatus(),
        r.getOccupation(),
        r.getCitizenship(),
        r.getSiakStatus(),
        r.getSiakStatusAt(),
        RequestReason.valueOf(r.getReason()),
        Optional.ofNullable(r.getUrgentReason()),
        r.getVulnerable(),
        r.getDisabled(),
        Optional.ofNullable(r.getSuketNumber()),
        Optional.ofNullable(r.getSuketDate()),
        Optional.ofNullable(r.getPhone()));
  }
}
