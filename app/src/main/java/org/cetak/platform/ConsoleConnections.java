package org.cetak.platform;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's data source: console pages take their connections from a small pool of their
 * own, everything else (the print station, the API, the jobs, the live stream) from the main pool.
 * Pages loaded without pause by many consoles then never wait for a connection a printer's step
 * holds, nor hold one a printer's step waits for. A thread is a page's while {@link PageGate} works
 * on the page ({@link #forPage}); a transaction keeps the connection it began with.
 */
public final class ConsoleConnections implements DataSource, AutoCloseable {

  private static final ThreadLocal<Boolean> PAGE = ThreadLocal.withInitial(() -> false);

  private final HikariDataSource main;
  private final HikariDataSource pages;

  public ConsoleConnections(HikariDataSource main, HikariDataSource pages) {
    this.main = main;
    this.pages = pages;
  }

  /** A console page worked on by this thread (the rest of the filter chain). */
  public interface Page {
    void work() throws IOException, ServletException;
  }

  /** Works on the page with this thread's connections from the pages' pool. */
  public static void forPage(Page page) throws IOException, ServletException {
    boolean outer = PAGE.get();
    PAGE.set(true);
    try {
      page.work();
    } finally {
      PAGE.set(outer);
    }
  }

  private DataSource current() {
    return PAGE.get() ? pages : main;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return current().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return current().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return main.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    main.setLogWriter(out);
    pages.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    main.setLoginTimeout(seconds);
    pages.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return main.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return main.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : main.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || main.isWrapperFor(type);
  }

  @Override
  public void close() {
    try {
      pages.close();
    } finally {
      main.close();
    }
  }
}
