package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Console pages take turns; the API, the live stream and static files do not wait for them. */
class PageGateTest {

  @Test
  void no_more_pages_than_its_turns_are_worked_on_at_once() throws Exception {
    PageGate gate = new PageGate(2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(2);
    AtomicInteger most = new AtomicInteger();
    AtomicInteger inside = new AtomicInteger();
    FilterChain page =
        (request, response) -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          started.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inside.decrementAndGet();
        };
    List<Thread> users = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  gate.doFilter(
                      new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), page);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      t.start();
      users.add(t);
    }
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200);

    assertThat(inside).as("pages worked on while two are under way").hasValue(2);
    assertThat(gate.working()).isEqualTo(2);

    release.countDown();
    for (Thread t : users) {
      t.join(10_000);
    }
    assertThat(most).hasValue(2);
    assertThat(gate.working()).isZero();
  }

  @Test
  void the_api_the_live_stream_and_static_files_do_not_take_a_turn() throws Exception {
    PageGate gate = new PageGate(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    Thread page =
        new Thread(
            () -> {
              try {
                gate.doFilter(
                    new MockHttpServletRequest("GET", "/queue"),
                    new MockHttpServletResponse(),
                    (request, response) -> {
                      started.countDown();
                      try {
                        release.await(10, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    page.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    try {
      AtomicInteger through = new AtomicInteger();
      for (String path :
          List.of("/api/offices/32.71/printers", "/live", "/css/cetak.css", "/actuator/health")) {
        gate.doFilter(
            new MockHttpServletRequest("GET", path),
            new MockHttpServletResponse(),
            (request, response) -> through.incrementAndGet());
      }

      assertThat(through).hasValue(4);
      assertThat(gate.working()).isEqualTo(1);
    } finally {
      release.countDown();
      page.join(10_000);
    }
  }
}
