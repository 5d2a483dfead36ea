package org.cetak.sim.chip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/** The simulated readers, one per printer, as {@code javax.smartcardio} sees them. */
final class SimTerminals extends CardTerminals {

  private final List<SimReader> readers;
  private final Map<String, Boolean> known = new HashMap<>();
  private final Map<String, Boolean> changed = new HashMap<>();

  SimTerminals(List<SimReader> readers) {
    this.readers = List.copyOf(readers);
  }

  @Override
  public synchronized List<CardTerminal> list(State state) throws CardException {
    List<CardTerminal> out = new ArrayList<>();
    for (SimReader r : readers) {
      boolean present = r.isCardPresent();
      boolean include =
          switch (state) {
            case ALL -> true;
            case CARD_PRESENT -> present;
            case CARD_ABSENT -> !present;
            case CARD_INSERTION -> present && Boolean.TRUE.equals(changed.get(r.getName()));
            case CARD_REMOVAL -> !present && Boolean.TRUE.equals(changed.get(r.getName()));
          };
      if (include) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public boolean waitForChange(long timeout) throws CardException {
    if (timeout < 0) {
      throw new IllegalArgumentException("timeout must not be negative");
    }
    long end = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
    synchronized (this) {
      if (known.isEmpty()) {
        for (SimReader r : readers) {
          known.put(r.getName(), r.isCardPresent());
        }
      }
    }
    while (true) {
      synchronized (this) {
        boolean any = false;
        changed.clear();
        for (SimReader r : readers) {
          boolean now = r.isCardPresent();
          if (known.get(r.getName()) != now) {
            changed.put(r.getName(), true);
            known.put(r.getName(), now);
            any = true;
          }
        }
        if (any) {
          return true;
        }
      }
      if (System.nanoTime() >= end) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CardException("interrupted while waiting for a card change", e);
      }
    }
  }
}
