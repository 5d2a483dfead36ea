package org.cetak.notify.gateway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetak.notify.DeliveryReport;
import org.cetak.notify.Sms;
import org.cetak.notify.SmsGateway;

/**
 * Gammu SMSD with its SQL service: a message is a row in Gammu's {@code outbox}, which the daemon
 * sends through the phone and moves to {@code sentitems} with its status. Our reference is the
 * row's {@code CreatorID}, so before inserting the gateway looks for it: a notice whose answer was
 * lost in a crash is never inserted twice, and {@link #trace} tells whether it arrived.
 *
 * <p>Gammu's database is its own (Debian's {@code pgsql.sql}, schema version 17), reached over JDBC
 * with a short-lived connection per call.
 */
public final class GammuGateway implements SmsGateway {

  /** Connection to Gammu's database. */
  public record Settings(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
      return "GammuGateway.Settings[" + jdbcUrl + " as " + user + "]";
    }
  }

  private final Settings settings;
  private long reportsAfter;

  public GammuGateway(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "gammu";
  }

  @Override
  public Outcome send(Sms sms) {
    try (Connection c = connect()) {
      Optional<Trace> seen = find(c, sms.reference());
      if (seen.isPresent() && seen.get() instanceof Trace.Received r) {
        return new Outcome.Accepted(Optional.of(r.gatewayId()));
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into outbox (\"DestinationNumber\", \"TextDecoded\", \"Coding\", \"CreatorID\")"
                  + " values (?, ?, 'Default_No_Compression', ?) returning \"ID\"")) {
        insert.setString(1, sms.phone());
        insert.setString(2, sms.text());
        insert.setString(3, sms.reference());
        try (ResultSet id = insert.executeQuery()) {
          id.next();
          return new Outcome.Accepted(Optional.of(String.valueOf(id.getLong(1))));
        }
      }
    } catch (SQLException e) {
      // the insert is one statement: it committed or it did not, and the next trace will tell
      return new Outcome.Unclear("Basis data Gammu: " + e.getMessage());
    }
  }

  @Override
  public Optional<Trace> trace(Sms sms) {
    try (Connection c = connect()) {
      return find(c, sms.reference()).or(() -> Optional.of(new Trace.NeverReceived()));
    } catch (SQLException e) {
      return Optional.of(new Trace.Unavailable("Basis data Gammu: " + e.getMessage()));
    }
  }

  private static Optional<Trace> find(Connection c, String reference) throws SQLException {
    try (PreparedStatement sent =
        c.prepareStatement(
            "select \"ID\", \"Status\" from sentitems where \"CreatorID\" = ? order by \"ID\" desc"
                + " limit 1")) {
      sent.setString(1, reference);
      try (ResultSet r = sent.executeQuery()) {
        if (r.next()) {
          return Optional.of(
              new Trace.Received(String.valueOf(r.getLong(1)), Optional.of(state(r.getString(2)))));
        }
      }
    }
    try (PreparedStatement queued =
        c.prepareStatement("select \"ID\" from outbox where \"CreatorID\" = ? limit 1")) {
      queued.setString(1, reference);
      try (ResultSet r = queued.executeQuery()) {
        if (r.next()) {
          return Optional.of(new Trace.Received(String.valueOf(r.getLong(1)), Optional.empty()));
        }
      }
    }
    return Optional.empty();
  }

  /** Gammu's {@code sentitems} rows of ours since the last call, as reports. */
  @Override
  public synchronized List<DeliveryReport> collectReports() {
    List<DeliveryReport> reports = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement select =
            c.prepareStatement(
                "select \"ID\", \"Status\", \"StatusError\" from sentitems where \"ID\" > ? and"
                    + " \"CreatorID\" like 'cetak-%' order by \"ID\" limit 500")) {
      select.setLong(1, reportsAfter);
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          long id = r.getLong(1);
          reports.add(
              new DeliveryReport(
                  name(),
                  Optional.empty(),
                  Optional.of(String.valueOf(id)),
                  Optional.empty(),
                  state(r.getString(2)),
                  r.getString(2) + (r.getInt(3) >= 0 ? " (error " + r.getInt(3) + ")" : "")));
          reportsAfter = Math.max(reportsAfter, id);
        }
      }
    } catch (SQLException e) {
      // the next call reads them again
      return reports;
    }
    return reports;
  }

  private static DeliveryReport.State state(String status) {
    return switch (status) {
      case "DeliveryOK" -> DeliveryReport.State.DELIVERED;
      case "DeliveryFailed" -> DeliveryReport.State.UNDELIVERED;
      case "SendingError", "Error" -> DeliveryReport.State.REJECTED;
      case "DeliveryPending", "DeliveryUnknown" -> DeliveryReport.State.BUFFERED;
      default -> DeliveryReport.State.ACCEPTED;
    };
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }
}
