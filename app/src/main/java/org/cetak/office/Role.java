package org.cetak.office;

/** What a user may do in Cetak. */
public enum Role {
  /** Petugas loket: registers print requests, hands cards over. */
  COUNTER_OFFICER,
  /** Operator cetak: runs the printers, settles cards whose outcome is unknown. */
  OPERATOR,
  /** Pengelola blanko: receives drops, keeps the vault, reports stock. */
  INVENTORY_MANAGER,
  /** Kepala bidang / kasi: approves what needs two people, sets the priority policy. */
  SUPERVISOR,
  /** Inspektorat: reads the ledger and the audit trail. */
  AUDITOR,
  /** Installation administrator: offices and users. */
  ADMIN
}
