package org.cetak.drivers.chip;

import java.util.List;

/** What a chip encoder's reader is doing now, for an operator's screen. */
public sealed interface ReaderState {

  /** The reader is there; a card is on it or not. */
  record Ready(String reader, boolean cardPresent) implements ReaderState {}

  /** No reader matches: unplugged, or the pattern names another. */
  record Missing(String pattern, List<String> readers) implements ReaderState {
    public Missing {
      readers = List.copyOf(readers);
    }
  }

  /** The PC/SC service does not answer (stopped, restarting). */
  record ServiceDown(String detail) implements ReaderState {}
}
