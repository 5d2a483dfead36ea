package org.cetak.printing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cetak.printing.device.PrinterSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that runs one printer's {@link PrintStation}: ticks while there is work, waits a
 * little when idle or halted, and survives a lost database or a job changed under it by starting
 * over from what is persisted.
 */
public final class StationWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(StationWorker.class);

  /** How long a printer may take to answer at start before the station goes on without it. */
  private static final Duration DEVICE_START = Duration.ofSeconds(30);

  private final PrintStation station;
  private final PickCounterCheck counters;
  private final Duration idleWait;
  private final Duration haltedWait;
  private final Object wake = new Object();

  /** Set by {@link #wakeUp} so a pause ends early; guarded by {@code wake}. */
  private boolean woken;

  private volatile boolean running = true;
  private volatile boolean abandoned;

  /** Set by {@link #stopBetweenCards}: end once no card is in flight. */
  private volatile boolean retiring;

  private volatile Thread thread;

  /** The error that ended the loop, if one did (see {@link #failure}). */
  private volatile Error failure;

  public StationWorker(
      PrintStation station, PickCounterCheck counters, Duration idleWait, Duration haltedWait) {
    this.station = station;
    this.counters = counters;
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

  /**
   * Ends the loop at the next point between cards: the card in flight is finished first (printed,
   * or rejected as spoiled), and no new card is started. A printer that waits for an operator (its
   * card's outcome unknown, or halted by a fault) is between cards too: nothing moves until someone
   * acts, and its job stays persisted for whichever station drives the printer next.
   */
  public void stopBetweenCards() {
    retiring = true;
    wakeUp();
  }

  /** Waits until the loop has ended (after {@link #stopBetweenCards}); false when interrupted. */
  public boolean awaitEnd() {
    Thread t = thread;
    try {
      if (t != null) {
        t.join();
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits up to {@code timeout} for the loop to end after {@link #stop()}; true when it has. A
   * worker still inside a printer command is left to it: the step was persisted before the command,
   * so the next start reads from the printer's counters what the command did.
   */
  public boolean awaitStop(Duration timeout) {
    Thread t = thread;
    if (t == null) {
      return true;
    }
    try {
      t.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      abandoned = true;
      return false;
    }
    return true;
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

  /**
   * The error the loop ended on (out of memory, say), once its thread has ended; empty while it
   * runs or when it was stopped. Its printer is still this node's, but nothing drives it until its
   * station is started again, which reads from the database and the printer where its card is, as
   * after a restart of the node.
   */
  public Optional<Error> failure() {
    return alive() ? Optional.empty() : Optional.ofNullable(failure);
  }

  @Override
  public void run() {
    try {
      loop();
    } catch (Error e) {
      failure = e;
      log.error("Printer {}: its print station stopped on an error", station.printer().code(), e);
    }
  }

  private void loop() {
    log.info("Print station for {} started", station.printer().code());
    awaitDevice();
    // the counters read at start, checked against the database once it answers
    Optional<PrinterSnapshot> atStart = station.lastStatus();
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        if (atStart.isPresent()) {
          counters.admits(station.printer(), atStart.get());
          atStart = Optional.empty();
        }
        if (retiring && station.betweenCards()) {
          break;
        }
        PrintStation.Tick tick = station.tick();
        backoff = Duration.ofMillis(200);
        if (retiring && tick != PrintStation.Tick.BUSY) {
          break;
        }
        switch (tick) {
          case BUSY -> {}
          case IDLE -> pause(idleWait);
          case HALTED -> pause(haltedWait);
        }
      } catch (StaleJobException e) {
        log.info(
            "Printer {}: the job changed elsewhere; reading it again", station.printer().code(), e);
      } catch (RuntimeException e) {
        if (!running) {
          log.info(
              "Printer {}: stopped in the middle of a step ({}); the next start reads from the"
                  + " printer what happened",
              station.printer().code(),
              e.toString());
          break;
        }
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
    if (!abandoned) {
      log.info("Print station for {} stopped", station.printer().code());
    }
  }

  /**
   * Before the first step: waits (up to half a minute) until the printer answers a status query, so
   * a printer still starting is not taken for one that vanished mid-card.
   */
  private void awaitDevice() {
    Duration wait = Duration.ofMillis(100);
    boolean told = false;
    long giveUp = System.nanoTime() + DEVICE_START.toNanos();
    while (running && !retiring && System.nanoTime() < giveUp && !station.deviceAnswers()) {
      if (!told) {
        log.info("Printer {}: waiting for it to answer", station.printer().code());
        told = true;
      }
      pause(wait);
      wait = wait.multipliedBy(2).compareTo(haltedWait) > 0 ? haltedWait : wait.multipliedBy(2);
    }
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
