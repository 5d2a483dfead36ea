package org.cetak.office;

import static org.cetak.office.Role.ADMIN;
import static org.cetak.office.Role.AUDITOR;
import static org.cetak.office.Role.COUNTER_OFFICER;
import static org.cetak.office.Role.INVENTORY_MANAGER;
import static org.cetak.office.Role.OPERATOR;
import static org.cetak.office.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a user can be allowed to do, with the roles that may do it: the access model's one
 * table. Every page, form and endpoint names one permission ({@code @Allow}); {@link Access} adds
 * the office. The README's role matrix is this table, and {@code AccessMatrixTest} holds the two
 * together.
 */
public enum Permission {
  /** The home page: every signed-in user. */
  SEE_HOME(EnumSet.allOf(Role.class)),
  /**
   * The printers' live state (the administrator sees them to reload the device file that says which
   * printers a node drives).
   */
  SEE_PRINTERS(
      EnumSet.of(OPERATOR, SUPERVISOR, INVENTORY_MANAGER, AUDITOR, COUNTER_OFFICER, ADMIN)),
  /** Pause and resume a printer. */
  RUN_PRINTER(EnumSet.of(OPERATOR, SUPERVISOR)),
  /**
   * Load blanks from the vault into a printer's feeder, take them back out, or move them from one
   * printer's feeder into another's.
   */
  LOAD_PRINTER(EnumSet.of(OPERATOR)),
  /** Say where a card whose outcome is unknown went. */
  SETTLE_CARD(EnumSet.of(OPERATOR, SUPERVISOR)),
  /**
   * Check printed cards before they leave the print room (pemeriksaan kartu): pass one or a batch
   * with the chip read back, or reject one to the spoiled pile.
   */
  CHECK_CARD(EnumSet.of(OPERATOR, SUPERVISOR)),
  /** Register a printer of an office. */
  REGISTER_PRINTER(EnumSet.of(INVENTORY_MANAGER, ADMIN)),
  /** Balances, reconciliation, movements, reports of the stock ledger. */
  SEE_STOCK(EnumSet.of(INVENTORY_MANAGER, SUPERVISOR, AUDITOR, OPERATOR)),
  /** The installation-wide proof that balances equal the ledger. */
  CHECK_LEDGER(EnumSet.of(INVENTORY_MANAGER, SUPERVISOR, AUDITOR)),
  /** Receive a drop of blanks from the centre. */
  RECEIVE_DROP(EnumSet.of(INVENTORY_MANAGER)),
  /** Record spoiled blanks. */
  RECORD_SPOIL(EnumSet.of(OPERATOR, INVENTORY_MANAGER)),
  /** Record an old card withdrawn at hand-over. */
  WITHDRAW_OLD_CARD(EnumSet.of(COUNTER_OFFICER, OPERATOR, INVENTORY_MANAGER)),
  /** Lend blanks to or borrow from another office. */
  LEND_OR_BORROW(EnumSet.of(INVENTORY_MANAGER)),
  /** Report blanks lost (berita acara kehilangan) and record them found again. */
  REPORT_LOSS(EnumSet.of(OPERATOR, INVENTORY_MANAGER)),
  /** Propose a write-off or a destruction report (a supervisor approves it). */
  PROPOSE_DISPOSAL(EnumSet.of(INVENTORY_MANAGER)),
  /** List the approvals of an office. */
  SEE_APPROVALS(EnumSet.of(SUPERVISOR, INVENTORY_MANAGER, OPERATOR, AUDITOR)),
  /** Approve or reject what needs two people. */
  DECIDE_APPROVAL(EnumSet.of(SUPERVISOR)),
  /** Find a printed card at the counter and open its handover form. */
  FIND_CARD(EnumSet.of(COUNTER_OFFICER, SUPERVISOR)),
  /** Hand a printed card over to the resident or their representative. */
  HAND_OVER_CARD(EnumSet.of(COUNTER_OFFICER)),
  /** Printed cards not collected yet, and the handover recorded for a card. */
  SEE_HANDOVERS(EnumSet.of(COUNTER_OFFICER, SUPERVISOR, AUDITOR)),
  /** The statuses not yet at the centre and a card's consolidation history. */
  SEE_CONSOLIDATION(EnumSet.of(COUNTER_OFFICER, SUPERVISOR, AUDITOR, ADMIN)),
  /** Push a card's statuses to the centre now (konsolidasi manual). */
  PUSH_CONSOLIDATION(EnumSet.of(COUNTER_OFFICER, SUPERVISOR, ADMIN)),
  /** Residents' SMS notices of an office, their templates and settings. */
  SEE_NOTICES(EnumSet.of(COUNTER_OFFICER, SUPERVISOR, AUDITOR, ADMIN)),
  /** Send a failed or undelivered SMS notice again. */
  RESEND_NOTICE(EnumSet.of(COUNTER_OFFICER, SUPERVISOR)),
  /** Change the SMS templates and settings of an office. */
  EDIT_NOTICES(EnumSet.of(SUPERVISOR, ADMIN)),
  /** Re-read the station device file (printers and readers) without a restart. */
  RELOAD_DEVICES(EnumSet.of(ADMIN)),
  /**
   * Enter what happened to the first card of a reprinted request (back in the office, or lost with
   * the police report), at the counter's handover or in the print room.
   */
  RECORD_FIRST_CARD(EnumSet.of(COUNTER_OFFICER, OPERATOR, SUPERVISOR)),
  /** Ask for a printed card to be printed again. */
  REQUEST_REPRINT(EnumSet.of(OPERATOR, SUPERVISOR)),
  /** See a request's card face as it will be printed (it shows the full NIK). */
  SEE_CARD_FACE(EnumSet.of(COUNTER_OFFICER, OPERATOR, SUPERVISOR)),
  /** Why a resident's card is not printed yet. */
  EXPLAIN_QUEUE(EnumSet.of(COUNTER_OFFICER, OPERATOR, SUPERVISOR, AUDITOR)),
  /** Give a walk-in a blank from the urgent reserve. */
  GRANT_URGENT(EnumSet.of(SUPERVISOR)),
  /** Run allocation now. */
  RUN_ALLOCATION(EnumSet.of(SUPERVISOR, INVENTORY_MANAGER)),
  /** Read the priority policy. */
  SEE_POLICY(EnumSet.of(SUPERVISOR, INVENTORY_MANAGER, AUDITOR, COUNTER_OFFICER)),
  /** Change the priority policy. */
  EDIT_POLICY(EnumSet.of(SUPERVISOR)),
  /** Import a bundle of print-ready records. */
  IMPORT_RECORDS(EnumSet.of(COUNTER_OFFICER, SUPERVISOR)),
  /** Pull print-ready records from the upstream registry. */
  PULL_UPSTREAM(EnumSet.of(SUPERVISOR)),
  /** Read the audit trail. */
  SEE_AUDIT(EnumSet.of(AUDITOR)),
  /** Create, disable, reset and unlock users; give them roles and offices. */
  MANAGE_USERS(EnumSet.of(ADMIN)),
  /** Issue and revoke API tokens. */
  MANAGE_TOKENS(EnumSet.of(ADMIN));

  @SuppressWarnings("ImmutableEnumChecker") // Set.copyOf: unmodifiable
  private final Set<Role> roles;

  Permission(Set<Role> roles) {
    this.roles = Set.copyOf(roles);
  }

  /** The roles that have this permission. */
  public Set<Role> roles() {
    return roles;
  }
}
