package org.cetak.sim.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;

/**
 * The readers a {@link ReaderBridge} serves, as a {@code javax.smartcardio} provider in this
 * process: encoder code runs unchanged against readers that live in another process. A lost
 * connection to the bridge shows as a {@code CardException}, as a stopped PC/SC service would.
 */
public final class RemoteReaders extends Provider {

  private static final long serialVersionUID = 1L;

  /** The {@code TerminalFactory} type. */
  public static final String TYPE = "CetakRemote";

  private final int port;

  private RemoteReaders(int port) {
    super("CetakRemote", "1.0", "Cetak simulated readers served from another process");
    this.port = port;
    putService(
        new Provider.Service(
            this, "TerminalFactory", TYPE, Engine.class.getName(), List.of(), null) {
          @Override
          public Object newInstance(Object parameter) {
            return new Engine(RemoteReaders.this.port);
          }
        });
  }

  /** A terminal factory over the bridge listening on 127.0.0.1 at {@code port}. */
  public static TerminalFactory factory(int port) {
    try {
      return TerminalFactory.getInstance(TYPE, null, new RemoteReaders(port));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the CetakRemote provider registers " + TYPE, e);
    }
  }

  /** The factory engine. */
  static final class Engine extends TerminalFactorySpi {
    private final Terminals terminals;

    Engine(int port) {
      this.terminals = new Terminals(new Link(port));
    }

    @Override
    protected CardTerminals engineTerminals() {
      return terminals;
    }
  }

  /** One connection to the bridge, shared by the terminals of a factory; one request at a time. */
  static final class Link {
    private final int port;
    private Socket socket;
    private BufferedReader in;
    private Writer out;

    Link(int port) {
      this.port = port;
    }

    synchronized String call(String request) throws CardException {
      try {
        if (socket == null) {
          socket = new Socket(InetAddress.getLoopbackAddress(), port);
          socket.setTcpNoDelay(true);
          socket.setSoTimeout(60_000);
          in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
          out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
        }
        out.write(request);
        out.write('\n');
        out.flush();
        String reply = in.readLine();
        if (reply == null) {
          throw new IOException("bridge closed the connection");
        }
        return reply;
      } catch (IOException e) {
        drop();
        throw new CardException("SCARD_E_NO_SERVICE: reader bridge unreachable: " + e.getMessage());
      }
    }

    private void drop() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException ignored) {
        // the connection is being dropped anyway
      }
      socket = null;
    }

    /** Sends a request and returns the value of an {@code OK} reply, or throws what it carries. */
    String ok(String request) throws CardException {
      String reply = call(request);
      if (reply.equals("OK")) {
        return "";
      }
      if (reply.startsWith("OK ")) {
        return reply.substring(3);
      }
      String[] parts = reply.split(" ", 3);
      String message = parts.length > 2 ? ReaderBridge.decode(parts[2]) : reply;
      switch (parts.length > 1 ? parts[1] : "") {
        case "NOT_PRESENT" -> throw new CardNotPresentException(message);
        case "ILLEGAL" -> throw new IllegalArgumentException(message);
        default -> throw new CardException(message);
      }
    }
  }

  static final class Terminals extends CardTerminals {
    private final Link link;

    Terminals(Link link) {
      this.link = link;
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
      String names = link.ok("LIST");
      List<CardTerminal> terminals = new ArrayList<>();
      if (!names.isEmpty()) {
        for (String encoded : names.split(" ", -1)) {
          Terminal terminal = new Terminal(link, ReaderBridge.decode(encoded));
          boolean present = state == State.ALL || terminal.isCardPresent();
          if (state == State.ALL
              || (state == State.CARD_PRESENT && present)
              || (state == State.CARD_ABSENT && !terminal.isCardPresent())) {
            terminals.add(terminal);
          }
        }
      }
      return terminals;
    }

    @Override
    public boolean waitForChange(long timeout) {
      try {
        Thread.sleep(Math.min(timeout <= 0 ? 50 : timeout, 50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    }
  }

  static final class Terminal extends CardTerminal {
    private final Link link;
    private final String name;

    Terminal(Link link, String name) {
      this.link = link;
      this.name = name;
    }

    private String encodedName() {
      return ReaderBridge.encode(name);
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Card connect(String protocol) throws CardException {
      byte[] atr = HexFormat.of().parseHex(link.ok("CONNECT " + encodedName()));
      return new RemoteCard(this, new ATR(atr));
    }

    @Override
    public boolean isCardPresent() throws CardException {
      return Boolean.parseBoolean(link.ok("PRESENT " + encodedName()));
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
      return waitFor(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
      return waitFor(false, timeout);
    }

    private boolean waitFor(boolean present, long timeout) throws CardException {
      long deadline = System.nanoTime() + timeout * 1_000_000L;
      while (true) {
        if (isCardPresent() == present) {
          return true;
        }
        if (timeout > 0 && System.nanoTime() > deadline) {
          return false;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }

    @Override
    public String toString() {
      return "RemoteReader[" + name + "]";
    }
  }

  static final class RemoteCard extends Card {
    private final Terminal terminal;
    private final ATR atr;
    private final CardChannel channel;

    RemoteCard(Terminal terminal, ATR atr) {
      this.terminal = terminal;
      this.atr = atr;
      this.channel = new Channel(this);
    }

    @Override
    public ATR getATR() {
      return atr;
    }

    @Override
    public String getProtocol() {
      return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
      return channel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
      throw new CardException("logical channels are not supported");
    }

    @Override
    public void beginExclusive() {}

    @Override
    public void endExclusive() {}

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
      throw new CardException("control commands are not supported");
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
      terminal.link.ok("DISCONNECT " + terminal.encodedName());
    }

    byte[] transmit(byte[] apdu) throws CardException {
      return HexFormat.of()
          .parseHex(
              link()
                  .ok("TRANSMIT " + terminal.encodedName() + " " + HexFormat.of().formatHex(apdu)));
    }

    private Link link() {
      return terminal.link;
    }
  }

  static final class Channel extends CardChannel {
    private final RemoteCard card;

    Channel(RemoteCard card) {
      this.card = card;
    }

    @Override
    public Card getCard() {
      return card;
    }

    @Override
    public int getChannelNumber() {
      return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
      return new ResponseAPDU(card.transmit(command.getBytes()));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
      byte[] apdu = new byte[command.remaining()];
      command.get(apdu);
      byte[] reply = card.transmit(apdu);
      response.put(reply);
      return reply.length;
    }

    @Override
    public void close() throws CardException {
      throw new IllegalStateException("the basic channel cannot be closed");
    }
  }
}
