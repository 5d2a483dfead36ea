package org.cetak.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

@DatabaseTest
class SchemaTest {

  private final DataSource dataSource;

  SchemaTest(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Test
  void migrations_create_quartz_tables_and_the_office_table() throws SQLException {
    assertThat(
            scalar("select count(*) from information_schema.tables where table_name like 'qrtz_%'"))
        .isEqualTo("11");
    assertThat(scalar("select count(*) from office")).isEqualTo("0");
  }

  @Test
  void session_time_zone_is_jakarta() throws SQLException {
    assertThat(scalar("show timezone")).isEqualTo("Asia/Jakarta");
  }

  @Test
  void audit_trail_refuses_update_and_delete() throws SQLException {
    execute(
        "insert into audit_event (actor, action, subject, occurred_at) values ('a', 'b', 'c', now())");
    assertThatThrownBy(() -> execute("update audit_event set actor = 'x'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> execute("delete from audit_event"))
        .hasMessageContaining("append-only");
    assertThat(scalar("select actor from audit_event")).isEqualTo("a");
  }

  @Test
  void histories_refuse_truncate() {
    for (String table :
        new String[] {"print_job_event", "print_request_event", "stock_movement", "audit_event"}) {
      assertThatThrownBy(() -> execute("truncate " + table + " cascade"))
          .as(table)
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void an_outbox_row_cannot_name_a_request_that_does_not_exist() throws SQLException {
    execute(
        "insert into office (code, name, kind, created_at) values ('99.99', 'Uji', 'KABUPATEN_KOTA', now())");

    assertThatThrownBy(
            () ->
                execute(
                    "insert into sms_outbox (office_id, request_id, print_job_id, phone, body,"
                        + " created_at) select id, 424242, 434343, '+6281200000000', 'x', now()"
                        + " from office"))
        .hasMessageContaining("fk_sms_outbox_");
  }

  @Test
  void migrating_again_applies_nothing() {
    assertThat(Schema.migrate(dataSource)).isZero();
  }

  private String scalar(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
