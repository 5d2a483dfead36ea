package org.cetak.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.db.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V184 gives the rows written before printers and request histories had a structured cause (V176,
 * V183) the cause a station writes now: each English sentence of a halted printer or of a card of
 * unknown outcome becomes its HaltCause with the device's own text as its reason; an officer's
 * reason and a device's message of no known form stay as they are.
 */
@DatabaseTest
class OldHaltReasonsMigrationTest {

  private final TestDatabase migrated;

  OldHaltReasonsMigrationTest(TestDatabase migrated) {
    this.migrated = migrated;
  }

  @Test
  void old_printer_reasons_and_history_notes_become_their_causes() throws SQLException {
    String name = "cetak_v183_" + UUID.randomUUID().toString().substring(0, 8);
    execute(migrated, "create database " + name);
    try {
      PGSimpleDataSource old = new PGSimpleDataSource();
      old.setUrl(migrated.jdbcUrl().replace("/" + migrated.name(), "/" + name));
      old.setUser(migrated.user());
      old.setPassword(migrated.password());
      Flyway.configure()
          .dataSource(old)
          .locations(Schema.MIGRATIONS)
          .target("183")
          .load()
          .migrate();

      Map<String, String[]> printers = new LinkedHashMap<>();
      printers.put(
          "outcome of job 42 unknown (the printer does not answer): settle its card first",
          new String[] {"CARD_STILL_UNKNOWN", "job 42: the printer does not answer"});
      printers.put(
          "outcome of job 7 unknown: printer does not answer before encoding: no reply to Rst",
          new String[] {
            "CARD_UNKNOWN_NO_ANSWER",
            "job 7: printer does not answer before encoding: no reply to Rst"
          });
      printers.put(
          "outcome of job 8 unknown: card expected at the chip station, printer reports NONE",
          new String[] {
            "CARD_NOT_AT_CHIP", "job 8: card expected at the chip station, printer reports NONE"
          });
      printers.put(
          "outcome of job 9 unknown: no command of ENCODING to send again",
          new String[] {"CARD_UNKNOWN", "job 9: no command of ENCODING to send again"});
      printers.put(
          "outcome of job 10 unknown: NO CARD; reject box was emptied (3 -> 0)",
          new String[] {
            "CARD_UNKNOWN_COUNTERS", "job 10: NO CARD; reject box was emptied (3 -> 0)"
          });
      printers.put(
          "outcome unknown: PRINT sent; then no status: port closed",
          new String[] {"CARD_UNKNOWN_NO_ANSWER", "PRINT sent; then no status: port closed"});
      printers.put(
          "printer keeps not answering: no reply to Sic",
          new String[] {"KEEPS_NOT_ANSWERING", "no reply to Sic"});
      printers.put(
          "printer does not answer: no reply to Rst within 2000 ms",
          new String[] {"NOT_ANSWERING", "no reply to Rst within 2000 ms"});
      printers.put(
          "a card no job knows of is inside (CONTACTLESS): take it out and record it, then resume",
          new String[] {"UNKNOWN_CARD_INSIDE", "card at CONTACTLESS"});
      printers.put(
          "chip encoder unavailable (READER_MISSING): no reader named PRN-1 chip",
          new String[] {"ENCODER_UNAVAILABLE", "READER_MISSING: no reader named PRN-1 chip"});
      printers.put(
          "the printer picked 18 blank(s) no print job recorded (pick counter 10018, recorded"
              + " 10000): a database restored from an older backup, or cards picked by hand;"
              + " account for the cards printed since, then resume",
          new String[] {
            "PICK_COUNTER_AHEAD", "pick counter 10018, recorded by the print jobs 10000"
          });
      printers.put(
          "paused by budi: ribbon change", new String[] {null, "paused by budi: ribbon change"});
      printers.put("E-17 firmware fault", new String[] {null, "E-17 firmware fault"});

      Map<String, String[]> notes = new LinkedHashMap<>();
      notes.put(
          "outcome unknown: printer does not answer: no reply to Rst",
          new String[] {"CARD_UNKNOWN_NO_ANSWER", "printer does not answer: no reply to Rst"});
      notes.put(
          "outcome unknown: no node drives the printer, left by node node-a",
          new String[] {"CARD_UNKNOWN", "no node drives the printer, left by node node-a"});
      notes.put(
          "outcome unknown: the printer's counters cannot tell where the card went",
          new String[] {
            "CARD_UNKNOWN_COUNTERS", "the printer's counters cannot tell where the card went"
          });

      try (Connection c = old.getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "insert into office (code, name, kind, created_at)"
                + " values ('99.98', 'Uji', 'KABUPATEN_KOTA', now())");
        int n = 0;
        for (String reason : printers.keySet()) {
          n++;
          s.execute(
              "insert into printer (office_id, code, name, created_at, mode, mode_reason)"
                  + " select id, 'P"
                  + n
                  + "', 'P', now(), 'QUARANTINED', '"
                  + reason.replace("'", "''")
                  + "' from office");
        }
        // the history's rows of a request, its other rows left out (replica: no foreign keys)
        s.execute("set session_replication_role = replica");
        for (String reason : notes.keySet()) {
          s.execute(
              "insert into print_request_event (request_id, from_status, to_status, reason, actor,"
                  + " occurred_at) values (1, 'PRINTING', 'OUTCOME_UNKNOWN', '"
                  + reason.replace("'", "''")
                  + "', 'station:3', now())");
        }
        s.execute(
            "insert into print_request_event (request_id, from_status, to_status, reason, actor,"
                + " occurred_at) values (1, 'OUTCOME_UNKNOWN', 'FAILED_REQUEUED',"
                + " 'spoiled (PRINT_FAIL): outcome unknown: x', 'budi', now())");
      }

      Schema.migrate(old);

      try (Connection c = old.getConnection();
          Statement s = c.createStatement()) {
        for (Map.Entry<String, String[]> p : printers.entrySet()) {
          // the old text is gone from the row, found again by the cause and reason it became
          try (ResultSet r =
              s.executeQuery(
                  "select mode_cause, mode_reason from printer where code = 'P"
                      + (indexOf(printers, p.getKey()) + 1)
                      + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).as(p.getKey()).isEqualTo(p.getValue()[0]);
            assertThat(r.getString(2)).as(p.getKey()).isEqualTo(p.getValue()[1]);
          }
        }
        try (ResultSet r =
            s.executeQuery("select cause, reason from print_request_event order by id")) {
          for (String[] expected : notes.values()) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo(expected[0]);
            assertThat(r.getString(2)).isEqualTo(expected[1]);
          }
          assertThat(r.next()).isTrue();
          assertThat(r.getString(1)).as("a move of no unknown outcome").isNull();
          assertThat(r.getString(2)).isEqualTo("spoiled (PRINT_FAIL): outcome unknown: x");
        }
      }
    } finally {
      execute(migrated, "drop database if exists " + name + " with (force)");
    }
  }

  private static int indexOf(Map<String, String[]> map, String key) {
    return map.keySet().stream().toList().indexOf(key);
  }

  private static void execute(TestDatabase database, String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
