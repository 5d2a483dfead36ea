package org.cetak.printing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that runs one printer's {@link PrintStation}: ticks while there is work, waits a
 * little when idle or halted, and survives a lost database or a job changed under it by starting
 * over from what is persisted.
 */
public final class StationWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(StationWorker.class);

  private final PrintStation station;
  private final Duration idleWait;
  private final Duration haltedWait;
  private final Object wake = new Object();

  /** Set by {@link #wakeUp} so a pause ends early; guarded by {@code wake}. */
  private boolean woken;

  private volatile boolean running = true;
  private volatile Thread thread;

  public StationWorker(PrintStation station, Duration idleWait, Duration haltedWait) {
    this.station = station;
    this.idleWait = idleWait;
    this.haltedWait = haltedWait;
  }

  /** Starts the worker on a thread of its own, named after the printer. */
  public Thread start() {
    Thread t = new Thread(this, "station-" + station.printer().code());
    t.setDaemon(true);
    thread = t;
    t.start();
    return t;
  }

  /** Ends the loop after the current step; the job stays persisted where it is. */
  public void stop() {
    running = false;
    wakeUp();
  }

  /** Ends the current wait early: new requests were reserved, or an operator acted. */
  public void wakeUp() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  public PrintStation station() {
    return station;
  }

  public boolean alive() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  @Override
  public void run() {
    log.info("Print station for {} started", station.printer().code());
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        PrintStation.Tick tick = station.tick();
        backoff = Duration.ofMillis(200);
        switch (tick) {
          case BUSY -> {}
          case IDLE -> pause(idleWait);
          case HALTED -> pause(haltedWait);
        }
      } catch (StaleJobException e) {
        log.info("Printer {}: {}; reading the job again", station.printer().code(), e.getMessage());
      } catch (RuntimeException e) {
        log.error(
            "Printer {}: step failed, retrying in {} ms",
            station.printer().code(),
            backoff.toMillis(),
            e);
        pause(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10)
                : backoff.multipliedBy(2);
      }
    }
    log.info("Print station for {} stopped", station.printer().code());
  }

  /** Waits for {@code duration} or until {@link #wakeUp} is called, whichever comes first. */
  private void pause(Duration duration) {
    synchronized (wake) {
      long deadline = System.nanoTime() + Math.max(1, duration.toNanos());
      try {
        for (long left = deadline - System.nanoTime();
            !woken && left > 0;
            left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(wake, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
      woken = false;
    }
  }
}
