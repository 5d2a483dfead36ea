package org.cetak.drivers.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays back a transcript written by {@link RecordingTransport}: each request must equal the next
 * recorded one (compared in its rendered form, so panel data is compared by length and SHA-256),
 * and gets the recorded reply or failure. A request that differs throws {@link
 * ReplayMismatchException}. Thread-safe like any transport: exchanges are serialised.
 */
public final class ReplayTransport implements Transport {

  private record Exchange(int line, String request, String outcome) {}

  private final String name;
  private final List<Exchange> exchanges;
  private int next;
  private boolean closed;

  private ReplayTransport(String name, List<Exchange> exchanges) {
    this.name = name;
    this.exchanges = exchanges;
  }

  /** Reads a whole transcript. */
  public static ReplayTransport from(String name, Reader transcript) {
    List<Exchange> exchanges = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(transcript)) {
      String pending = null;
      int pendingLine = 0;
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("> ")) {
          if (pending != null) {
            throw new IllegalArgumentException(name + ":" + number + ": request without outcome");
          }
          pending = line.substring(2);
          pendingLine = number;
        } else if (line.startsWith("< ") || line.startsWith("! ") || line.equals("<")) {
          if (pending == null) {
            throw new IllegalArgumentException(name + ":" + number + ": outcome without request");
          }
          exchanges.add(new Exchange(pendingLine, pending, line));
          pending = null;
        } else {
          throw new IllegalArgumentException(name + ":" + number + ": not a transcript line");
        }
      }
      if (pending != null) {
        throw new IllegalArgumentException(name + ": ends with a request without outcome");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read transcript " + name, e);
    }
    return new ReplayTransport(name, exchanges);
  }

  @Override
  public synchronized byte[] transceive(byte[] request, Duration timeout) {
    if (closed) {
      throw new TransportClosedException(name);
    }
    String rendered = WireText.render(request);
    if (next >= exchanges.size()) {
      throw new ReplayMismatchException(name, "no more recorded exchanges, got " + rendered);
    }
    Exchange exchange = exchanges.get(next++);
    if (!exchange.request().equals(rendered)) {
      throw new ReplayMismatchException(
          name,
          "line " + exchange.line() + " expected " + exchange.request() + " but got " + rendered);
    }
    String outcome = exchange.outcome();
    if (outcome.startsWith("<")) {
      return WireText.parse(outcome.length() > 2 ? outcome.substring(2) : "");
    }
    switch (outcome.substring(2)) {
      case "timeout" -> throw new TransportTimeoutException(name, timeout, rendered);
      case "disconnected" ->
          throw new TransportDisconnectedException(name, "recorded disconnection", null);
      case "closed" -> throw new TransportClosedException(name);
      case "too-long" -> throw new ReplyTooLongException(name, StreamTransport.MAX_REPLY);
      default ->
          throw new IllegalArgumentException(
              name + ":" + exchange.line() + ": unknown failure " + outcome);
    }
  }

  /** Exchanges not yet played. */
  public synchronized int remaining() {
    return exchanges.size() - next;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
