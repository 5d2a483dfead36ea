package org.cetak.drivers.chip.pcsc;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;
import org.cetak.drivers.chip.ChipLinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PC/SC readers of this machine, found even when the PC/SC service (pcscd) starts after the
 * application.
 *
 * <p>{@code TerminalFactory.getDefault()} is chosen once per JVM: when pcscd does not answer at
 * that moment the JDK falls back to its {@code None} factory, which never lists a reader, until the
 * JVM restarts. {@code TerminalFactory.getInstance("PC/SC", null)} fails while pcscd is down (the
 * JDK cannot establish its PC/SC context) and works once it is up. The factory made here is of type
 * {@code PC/SC}; it asks the JDK's PC/SC provider for its readers at each listing, and when that
 * fails or lists nothing, the next listing makes fresh terminals from a new JDK factory (after a
 * failure also re-establishing the JDK's process-wide context, see {@link JdkPcscContext}). So a
 * reader plugged in, or a pcscd started or restarted, after the application started is found at the
 * next listing.
 */
public final class PcscReaders {

  private static final Logger log = LoggerFactory.getLogger(PcscReaders.class);
  private static final String TYPE = "PC/SC";

  private PcscReaders() {}

  /** A factory of this machine's PC/SC readers that keeps looking for the service. */
  public static TerminalFactory ofThisMachine() {
    try {
      return TerminalFactory.getInstance(TYPE, null, new Recovering());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("our own PC/SC provider refused its factory", e);
    }
  }

  /** The provider of the factory: one service, made here rather than by class name. */
  private static final class Recovering extends Provider {
    private static final long serialVersionUID = 1L;

    Recovering() {
      super("CetakPCSC", "1", "PC/SC readers, looked for again while the service is down");
      putService(
          new Service(this, "TerminalFactory", TYPE, Factory.class.getName(), List.of(), Map.of()) {
            @Override
            public Object newInstance(Object parameter) {
              return new Factory();
            }
          });
    }
  }

  private static final class Factory extends TerminalFactorySpi {
    private final Terminals terminals = new Terminals();

    @Override
    protected CardTerminals engineTerminals() {
      return terminals;
    }
  }

  /** The JDK's terminals, made again after a listing that failed or found none. */
  private static final class Terminals extends CardTerminals {
    private CardTerminals current;
    private boolean resetContext;

    @Override
    public List<CardTerminal> list(State state) throws CardException {
      CardTerminals terminals = current();
      try {
        List<CardTerminal> listed = terminals.list(state);
        if (listed.isEmpty() && state == State.ALL) {
          forget(false);
        }
        return listed;
      } catch (CardException | RuntimeException e) {
        forget(PcscFailures.classify(e) == ChipLinkException.Kind.SERVICE);
        throw e;
      }
    }

    @Override
    public CardTerminal getTerminal(String name) {
      try {
        return current().getTerminal(name);
      } catch (CardException e) {
        return null;
      }
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
      CardTerminals terminals = current();
      try {
        return terminals.waitForChange(timeout);
      } catch (CardException | RuntimeException e) {
        forget(PcscFailures.classify(e) == ChipLinkException.Kind.SERVICE);
        throw e;
      }
    }

    private synchronized CardTerminals current() throws CardException {
      if (current == null) {
        if (resetContext) {
          // pcscd went away after the JDK established its context: that context stays dead
          resetContext = !JdkPcscContext.reset();
        }
        try {
          current = TerminalFactory.getInstance(TYPE, null).terminals();
        } catch (NoSuchAlgorithmException e) {
          // the JDK wraps SCARD_E_NO_SERVICE and friends: keep the cause's text for the caller
          throw new CardException("PC/SC service unavailable: " + causes(e), e);
        }
        log.debug("PC/SC terminals made");
      }
      return current;
    }

    private synchronized void forget(boolean serviceGone) {
      current = null;
      resetContext |= serviceGone;
    }

    private static String causes(Throwable e) {
      StringBuilder text = new StringBuilder();
      for (Throwable t = e; t != null && text.length() < 500; t = t.getCause()) {
        text.append(t.getMessage()).append("; ");
        if (t.getCause() == t) {
          break;
        }
      }
      return text.toString();
    }
  }
}
