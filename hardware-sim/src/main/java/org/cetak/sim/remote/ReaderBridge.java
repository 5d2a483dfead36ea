package org.cetak.sim.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the simulated readers of this process to another process over loopback TCP, the way vpcd
 * carries a virtual card to pcscd: a print room whose application runs in a child process (killed
 * and restarted by a chaos test) talks to the same physical cards the simulated printers hold.
 * {@link RemoteReaders} is the other end.
 *
 * <p>One request per line, one reply per line: {@code LIST}, {@code PRESENT <reader>}, {@code
 * CONNECT <reader>}, {@code TRANSMIT <reader> <apdu hex>}, {@code DISCONNECT <reader>}; reader
 * names travel in base64. Replies are {@code OK [value]} or {@code ERR <kind> <message base64>}
 * with kind {@code NOT_PRESENT}, {@code CARD} (a CardException) or {@code ILLEGAL} (what the JDK
 * throws when a card vanishes mid-APDU).
 */
public final class ReaderBridge implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ReaderBridge.class);

  private final TerminalFactory readers;
  private final ServerSocket server;
  private final Map<String, Card> connected = new ConcurrentHashMap<>();
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private ReaderBridge(TerminalFactory readers, ServerSocket server) {
    this.readers = readers;
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "reader-bridge-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** Serves the readers of {@code readers} on 127.0.0.1 at {@code port} (0 = any free port). */
  public static ReaderBridge start(TerminalFactory readers, int port) {
    try {
      return new ReaderBridge(
          readers, new ServerSocket(port, 16, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen for remote readers on port " + port, e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        clients.add(socket);
        Thread worker = new Thread(() -> serve(socket), "reader-bridge-client");
        worker.setDaemon(true);
        worker.start();
      } catch (IOException e) {
        if (!server.isClosed()) {
          log.warn("Reader bridge accept failed: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(answer(line));
        out.write('\n');
        out.flush();
      }
    } catch (IOException e) {
      log.debug("Reader bridge client left: {}", e.toString());
    } finally {
      clients.remove(socket);
    }
  }

  String answer(String line) {
    String[] parts = line.split(" ", -1);
    try {
      switch (parts[0]) {
        case "LIST" -> {
          StringBuilder names = new StringBuilder("OK");
          for (CardTerminal terminal : readers.terminals().list()) {
            names.append(' ').append(encode(terminal.getName()));
          }
          return names.toString();
        }
        case "PRESENT" -> {
          return "OK " + terminal(parts[1]).isCardPresent();
        }
        case "CONNECT" -> {
          String name = decode(parts[1]);
          Card card = terminal(parts[1]).connect("*");
          connected.put(name, card);
          return "OK " + HexFormat.of().formatHex(card.getATR().getBytes());
        }
        case "TRANSMIT" -> {
          Card card = connected.get(decode(parts[1]));
          if (card == null) {
            return "ERR CARD " + encode("not connected");
          }
          byte[] response =
              card.getBasicChannel()
                  .transmit(new CommandAPDU(HexFormat.of().parseHex(parts[2])))
                  .getBytes();
          return "OK " + HexFormat.of().formatHex(response);
        }
        case "DISCONNECT" -> {
          Card card = connected.remove(decode(parts[1]));
          if (card != null) {
            card.disconnect(true);
          }
          return "OK";
        }
        default -> {
          return "ERR CARD " + encode("unknown request " + parts[0]);
        }
      }
    } catch (javax.smartcardio.CardNotPresentException e) {
      return "ERR NOT_PRESENT " + encode(String.valueOf(e.getMessage()));
    } catch (CardException e) {
      return "ERR CARD " + encode(String.valueOf(e.getMessage()));
    } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException e) {
      return "ERR ILLEGAL " + encode(String.valueOf(e.getMessage()));
    }
  }

  private CardTerminal terminal(String encodedName) throws CardException {
    String name = decode(encodedName);
    List<CardTerminal> all = readers.terminals().list();
    for (CardTerminal terminal : all) {
      if (terminal.getName().equals(name)) {
        return terminal;
      }
    }
    throw new CardException("no reader named " + name);
  }

  static String encode(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String text) {
    return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }

  /** Stops listening and drops every connected client, as a stopped PC/SC service would. */
  @Override
  public void close() {
    try {
      server.close();
      for (Socket client : clients) {
        client.close();
      }
    } catch (IOException e) {
      log.debug("Closing the reader bridge: {}", e.toString());
    }
  }
}
