package org.cetak.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code cetak.console.concurrent-pages} console pages are worked on at once; the others
 * wait their turn, in order, without using the processor. Many consoles loading pages without pause
 * would otherwise have as many request threads and database connections at work as users, and the
 * print station's steps, which run on the same processors and pool, would wait behind them. The
 * API, the live stream, the actuator and static files are not held: a page that waited {@link
 * #MAX_WAIT_SECONDS} seconds goes on regardless. A page takes its connections from the console's
 * own pool ({@link ConsoleConnections}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class PageGate extends OncePerRequestFilter {

  /** The longest a page waits for its turn. */
  static final long MAX_WAIT_SECONDS = 10;

  private final int capacity;
  private final Semaphore turns;

  public PageGate(@Value("${cetak.console.concurrent-pages:6}") int concurrentPages) {
    this.capacity = Math.max(1, concurrentPages);
    this.turns = new Semaphore(capacity, true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/")
        || path.equals("/live")
        || path.startsWith("/actuator/")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/webjars/")
        || path.startsWith("/v3/api-docs")
        || path.startsWith("/swagger-ui");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean turn;
    try {
      turn = turns.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServletException("Interrupted while waiting for a page's turn", e);
    }
    try {
      ConsoleConnections.forPage(() -> chain.doFilter(request, response));
    } finally {
      if (turn) {
        turns.release();
      }
    }
  }

  /** Pages being worked on now. */
  int working() {
    return capacity - turns.availablePermits();
  }
}
