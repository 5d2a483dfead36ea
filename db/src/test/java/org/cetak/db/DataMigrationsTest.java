package org.cetak.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.db.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migrations that correct data: each test fills a database migrated up to the version before the
 * migration with rows of the shape it corrects, then migrates to the newest schema.
 */
@DatabaseTest
class DataMigrationsTest {

  private final TestDatabase server;
  private final List<String> made = new ArrayList<>();

  DataMigrationsTest(TestDatabase server) {
    this.server = server;
  }

  @AfterEach
  void dropTheDatabasesMade() throws SQLException {
    for (String name : made) {
      execute(server.dataSource(), "drop database if exists " + name + " with (force)");
    }
  }

  @Test
  void a_print_after_a_card_rejected_at_the_check_is_no_longer_a_reprint_an_approved_one_stays()
      throws SQLException {
    DataSource db = migratedTo("176");
    long office =
        id(
            db,
            "insert into office (code, name, kind, created_at)"
                + " values ('99.01', 'Uji', 'KABUPATEN_KOTA', now()) returning id");
    long printer =
        id(
            db,
            "insert into printer (office_id, code, name, created_at)"
                + " values ("
                + office
                + ", 'P1', 'Printer 1', now()) returning id");

    // rejected at the check, then printed again as a reprint, as before V172
    long checked = request(db, office, "3271010101900001");
    long rejected = job(db, office, printer, checked, false, "04A0000000000001");
    check(db, office, checked, rejected, "REJECTED");
    long again = job(db, office, printer, checked, true, "04A0000000000002");
    check(db, office, checked, again, "PASSED");

    // a supervisor's approved reprint of a card that passed the check
    long reprinted = request(db, office, "3271010101900002");
    long first = job(db, office, printer, reprinted, false, "04A0000000000003");
    check(db, office, reprinted, first, "PASSED");
    long approval =
        id(
            db,
            "insert into approval (office_id, kind, summary, status, proposed_by,"
                + " proposed_at, decided_by, decided_at) values ("
                + office
                + ", 'REPRINT', 'reprint of"
                + " request "
                + reprinted
                + "', 'APPROVED', 'op', now(), 'kabid', now()) returning id");
    long approved = job(db, office, printer, reprinted, true, "04A0000000000004");
    execute(
        db,
        "insert into reprint_grant (office_id, request_id, approval_id, reason, granted_at,"
            + " used_by_job) values ("
            + office
            + ", "
            + reprinted
            + ", "
            + approval
            + ", 'rusak', now(), "
            + approved
            + ")");

    // the approved reprint's card rejected at the check, then printed again: it replaces that card
    long rejectedReprint = request(db, office, "3271010101900003");
    long original = job(db, office, printer, rejectedReprint, false, "04A0000000000005");
    long grantApproval =
        id(
            db,
            "insert into approval (office_id, kind, summary, status,"
                + " proposed_by, proposed_at, decided_by, decided_at) values ("
                + office
                + ", 'REPRINT',"
                + " 'reprint', 'APPROVED', 'op', now(), 'kabid', now()) returning id");
    long grantUsed = job(db, office, printer, rejectedReprint, true, "04A0000000000006");
    execute(
        db,
        "insert into reprint_grant (office_id, request_id, approval_id, reason, granted_at,"
            + " used_by_job) values ("
            + office
            + ", "
            + rejectedReprint
            + ", "
            + grantApproval
            + ", 'hilang', now(), "
            + grantUsed
            + ")");
    check(db, office, rejectedReprint, grantUsed, "REJECTED");
    long afterGrant = job(db, office, printer, rejectedReprint, true, "04A0000000000007");
    long events = id(db, "select count(*) from print_job_event");

    Schema.migrate(db);

    assertThat(row(db, again)).isEqualTo("f " + rejected);
    assertThat(row(db, rejected)).isEqualTo("f null");
    assertThat(row(db, first)).isEqualTo("f null");
    assertThat(row(db, approved)).as("the approved reprint").isEqualTo("t null");
    assertThat(row(db, original)).isEqualTo("f null");
    assertThat(row(db, grantUsed)).as("the approved reprint").isEqualTo("t null");
    assertThat(row(db, afterGrant)).isEqualTo("f " + grantUsed);
    assertThat(id(db, "select count(*) from print_job_event")).as("history").isEqualTo(events);
  }

  @Test
  void reports_signed_before_keep_their_signatories_as_the_accounts_stood_at_the_migration()
      throws SQLException {
    DataSource db = migratedTo("176");
    long office =
        id(
            db,
            "insert into office (code, name, kind, created_at)"
                + " values ('99.02', 'Uji', 'KABUPATEN_KOTA', now()) returning id");
    execute(
        db,
        "insert into app_user (office_id, username, display_name, password_hash,"
            + " created_at, nip, position) values ("
            + office
            + ", 'dewi', 'Dewi Lestari', 'x', now(),"
            + " '19850317 201001 2 004', 'Pengelola Blanko'), ("
            + office
            + ", 'bambang',"
            + " 'Bambang Hartono', 'x', now(), '19720805 199803 1 002', 'Kepala Bidang')");
    long approval =
        id(
            db,
            "insert into approval (office_id, kind, summary, status, proposed_by,"
                + " proposed_at, decided_by, decided_at) values ("
                + office
                + ", 'DESTRUCTION', 'BA',"
                + " 'APPROVED', 'dewi', now(), 'bambang', now()) returning id");
    long destroyed =
        id(
            db,
            "insert into destruction_report (office_id, report_year, report_seq,"
                + " number, report_date, witnesses, status, approval_id, proposed_by, proposed_at)"
                + " values ("
                + office
                + ", 2026, 1, 'BAP/1', current_date, 'a', 'DESTROYED', "
                + approval
                + ", 'dewi', now()) returning id");
    long proposed =
        id(
            db,
            "insert into destruction_report (office_id, report_year, report_seq,"
                + " number, report_date, witnesses, status, proposed_by, proposed_at)"
                + " values ("
                + office
                + ", 2026, 2, 'BAP/2', current_date, 'a', 'PROPOSED', 'gone',"
                + " now()) returning id");

    Schema.migrate(db);

    assertThat(
            text(
                db,
                "select concat_ws('|', proposer_name, proposer_nip, proposer_position,"
                    + " approver_name, approver_nip, approver_position) from destruction_report where id = "
                    + destroyed))
        .isEqualTo(
            "Dewi Lestari|19850317 201001 2 004|Pengelola Blanko|Bambang Hartono"
                + "|19720805 199803 1 002|Kepala Bidang");
    assertThat(
            text(
                db,
                "select concat_ws('|', proposer_name, proposer_nip, proposer_position,"
                    + " coalesce(approver_name, 'none')) from destruction_report where id = "
                    + proposed))
        .as("a proposer without an account keeps the login")
        .isEqualTo("gone|||none");
  }

  @Test
  void the_signatories_recorded_for_a_day_hold_that_day_and_the_accounts_now_hold_around_it()
      throws SQLException {
    DataSource db = migratedTo("206");
    long office =
        id(
            db,
            "insert into office (code, name, kind, created_at, time_zone)"
                + " values ('99.04', 'Uji', 'KABUPATEN_KOTA', now(), 'Asia/Jayapura') returning id");
    long sari =
        id(
            db,
            "insert into app_user (office_id, username, display_name, password_hash, created_at,"
                + " nip, position) values ("
                + office
                + ", 'sari', 'Sari Wulandari', 'x', '2026-11-01T00:00:00Z',"
                + " '19900101 201501 2 001', 'Pengelola Blanko') returning id");
    long dewi =
        id(
            db,
            "insert into app_user (office_id, username, display_name, password_hash, created_at,"
                + " nip, position) values ("
                + office
                + ", 'dewi', 'Dewi Lestari', 'x', '2026-11-01T00:00:00Z',"
                + " '19850317 201001 2 004', 'Pengelola Blanko') returning id");
    execute(db, "insert into user_role (user_id, role) values (" + dewi + ", 'INVENTORY_MANAGER')");
    execute(
        db,
        "insert into daily_report_signatory (office_id, report_date, role, name, nip, position,"
            + " recorded_at) values ("
            + office
            + ", '2026-11-20', 'INVENTORY_MANAGER', 'Sari Wulandari', '19900101 201501 2 001',"
            + " 'Pengelola Blanko', '2026-11-20T10:00:00Z')");

    Schema.migrate(db);

    String holder =
        "select string_agg(name, ',' order by user_id) from role_holding where office_id = "
            + office
            + " and role = 'INVENTORY_MANAGER' and valid_from <= timestamptz '%s'"
            + " and (valid_until is null or valid_until > timestamptz '%s')";
    assertThat(text(db, holder.formatted("2026-11-20 23:59:59+09", "2026-11-20 23:59:59+09")))
        .as("the end of the recorded day, in WIT")
        .isEqualTo("Sari Wulandari");
    assertThat(text(db, holder.formatted("2026-11-20 00:00:00+09", "2026-11-20 00:00:00+09")))
        .as("the start of the recorded day, in WIT")
        .isEqualTo("Sari Wulandari");
    assertThat(text(db, holder.formatted("2026-11-19 23:59:59+09", "2026-11-19 23:59:59+09")))
        .as("before the recorded day")
        .isEqualTo("Dewi Lestari");
    assertThat(text(db, holder.formatted("2026-11-21 00:00:00+09", "2026-11-21 00:00:00+09")))
        .as("after the recorded day")
        .isEqualTo("Dewi Lestari");
    assertThat(id(db, "select count(*) from role_holding where user_id = " + sari))
        .as("the recorded day only")
        .isEqualTo(1);
  }

  private DataSource migratedTo(String version) throws SQLException {
    String name = "cetak_migration_" + UUID.randomUUID().toString().replace("-", "");
    execute(server.dataSource(), "create database " + name);
    made.add(name);
    execute(server.dataSource(), "alter database " + name + " set timezone to 'Asia/Jakarta'");
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(server.jdbcUrl().replace("/" + server.name(), "/" + name));
    db.setUser(server.user());
    db.setPassword(server.password());
    Flyway.configure().dataSource(db).locations(Schema.MIGRATIONS).target(version).load().migrate();
    return db;
  }

  private static long request(DataSource db, long office, String nik) throws SQLException {
    return id(
        db,
        "insert into print_request (office_id, nik, kk, name, sex, birth_place,"
            + " birth_date, address, rt, rw, village, district, regency, province, religion,"
            + " marital_status, occupation, citizenship, siak_status, siak_status_at, reason,"
            + " content_hash, status, status_at, source, created_at, updated_at) values ("
            + office
            + ", '"
            + nik
            + "',"
            + " '3271010101900000', 'X', 'L', 'Bogor', '1990-01-01', 'Jl. 1', '001', '002', 'Desa',"
            + " 'Kec', 'Kota', 'Prov', 'ISLAM', 'KAWIN', 'PNS', 'WNI', 'PRINT_READY', now(),"
            + " 'FIRST_CARD', 'h', 'PRINTED', now(), 'TEST', now(), now()) returning id");
  }

  private static long job(
      DataSource db, long office, long printer, long request, boolean reprint, String uid)
      throws SQLException {
    return id(
        db,
        "insert into print_job (office_id, printer_id, request_id, stage, card_held,"
            + " chip_uid, reprint, created_at, updated_at, last_event) values ("
            + office
            + ", "
            + printer
            + ", "
            + request
            + ", 'PRINTED', 'NONE', '"
            + uid
            + "', "
            + reprint
            + ", now(), now(), '"
            + (reprint ? "printed again" : "printed")
            + "') returning id");
  }

  private static void check(DataSource db, long office, long request, long job, String status)
      throws SQLException {
    if (status.equals("PASSED")) {
      execute(
          db,
          "insert into card_check (print_job_id, office_id, request_id, chip_uid,"
              + " printed_at, status, uid_read, read_by, checked_by, checked_at) select id, office_id,"
              + " request_id, chip_uid, now(), 'PASSED', chip_uid, 'READER', 'op', now()"
              + " from print_job where id = "
              + job);
      return;
    }
    long movement =
        id(
            db,
            "insert into stock_movement (office_id, item, from_location,"
                + " to_location, quantity, reason, actor, occurred_at, reference_kind, reference_id,"
                + " request_id) values ("
                + office
                + ", 'BLANK', 'PRINTED', 'SPOILED', 1, 'QC_MISPRINT',"
                + " 'op', now(), 'PRINT_JOB', "
                + job
                + ", "
                + request
                + ") returning id");
    execute(
        db,
        "insert into card_check (print_job_id, office_id, request_id, chip_uid,"
            + " printed_at, status, reason, checked_by, checked_at, movement_id) select id,"
            + " office_id, request_id, chip_uid, now(), 'REJECTED', 'MISPRINT', 'op', now(), "
            + movement
            + " from print_job where id = "
            + job);
  }

  @Test
  void returns_of_loans_recorded_as_movements_get_rows_of_their_own_with_their_documents()
      throws SQLException {
    DataSource db = migratedTo("196");
    long office =
        id(
            db,
            "insert into office (code, name, kind, created_at)"
                + " values ('99.03', 'Uji', 'KABUPATEN_KOTA', now()) returning id");
    long loan =
        id(
            db,
            "insert into stock_loan (office_id, direction, counterpart_name, document_no,"
                + " quantity, returned, recorded_by, recorded_at) values ("
                + office
                + ", 'LENT', 'Kantor Lain', 'PJ/1', 10, 7, 'blanko', now()) returning id");
    long other =
        id(
            db,
            "insert into stock_loan (office_id, direction, counterpart_name, document_no,"
                + " quantity, recorded_by, recorded_at) values ("
                + office
                + ", 'BORROWED', 'Kantor Lain', 'PJ/2', 4, 'blanko', now()) returning id");
    String movement =
        "insert into stock_movement (office_id, item, from_location, to_location, quantity,"
            + " reason, actor, occurred_at, reference_kind, reference_id, note) values ("
            + office
            + ", 'BLANK', ";
    execute(
        db,
        movement
            + "'VAULT', 'LENT', 10, 'LENT', 'blanko', '2026-11-01 09:00+07', 'LOAN', "
            + loan
            + ", 'to Kantor Lain')");
    execute(
        db,
        movement
            + "'LENT', 'VAULT', 3, 'LOAN_RETURNED', 'dewi', '2026-11-02 10:00+07', 'LOAN', "
            + loan
            + ", 'BA/KEMBALI/1')");
    execute(
        db,
        movement
            + "'LENT', 'VAULT', 4, 'LOAN_RETURNED', 'sari', '2026-11-03 11:00+07', 'LOAN', "
            + loan
            + ", 'BA/KEMBALI/2')");

    Schema.migrate(db);

    assertThat(
            text(
                db,
                "select string_agg(concat_ws('|', document_no, quantity, returned_by,"
                    + " to_char(returned_at at time zone 'Asia/Jakarta', 'YYYY-MM-DD HH24:MI')),"
                    + " ';' order by id) from stock_loan_return where loan_id = "
                    + loan))
        .isEqualTo("BA/KEMBALI/1|3|dewi|2026-11-02 10:00;BA/KEMBALI/2|4|sari|2026-11-03 11:00");
    assertThat(id(db, "select count(*) from stock_loan_return where loan_id = " + other))
        .as("a loan nothing came back of has no return")
        .isZero();
  }

  @Test
  void the_blanks_held_before_the_count_was_kept_are_counted_and_changes_after_it_move_the_count()
      throws SQLException {
    DataSource db = migratedTo("197");
    long office =
        id(
            db,
            "insert into office (code, name, kind, created_at)"
                + " values ('99.02', 'Uji', 'KABUPATEN_KOTA', now()) returning id");
    long other =
        id(
            db,
            "insert into office (code, name, kind, created_at)"
                + " values ('99.03', 'Lain', 'KABUPATEN_KOTA', now()) returning id");
    long reserved = request(db, office, "3271010101900011");
    long requeued = request(db, office, "3271010101900012");
    request(db, office, "3271010101900013");
    long elsewhere = request(db, other, "3271010101900014");
    execute(db, "update print_request set status = 'RESERVED' where id = " + reserved);
    execute(db, "update print_request set status = 'FAILED_REQUEUED' where id = " + requeued);
    execute(db, "update print_request set status = 'RESERVED' where id = " + elsewhere);

    Schema.migrate(db);

    String held = "select coalesce(sum(n), 0) from held_blank_count where office_id = ";
    assertThat(id(db, held + office)).as("a reserved and a requeued request").isEqualTo(2);
    assertThat(id(db, held + other)).isEqualTo(1);
    execute(db, "update print_request set status = 'PRINTING' where id = " + reserved);
    assertThat(id(db, held + office)).as("one started printing").isEqualTo(1);
    assertThat(id(db, held + other)).isEqualTo(1);
  }

  private static String row(DataSource db, long job) throws SQLException {
    return text(
        db,
        "select case when reprint then 't' else 'f' end || ' '"
            + " || coalesce(replaces_job_id::text, 'null') from print_job where id = "
            + job);
  }

  private static long id(DataSource db, String sql) throws SQLException {
    return Long.parseLong(text(db, sql));
  }

  private static String text(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
