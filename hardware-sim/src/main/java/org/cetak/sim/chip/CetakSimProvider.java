package org.cetak.sim.chip;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.smartcardio.TerminalFactory;
import org.cetak.sim.printer.SimulatedPrinter;

/**
 * A {@code java.security.Provider} whose {@code TerminalFactory} of type {@value #TYPE} lists one
 * simulated reader per simulated printer, so encoder code written against {@code javax.smartcardio}
 * runs unchanged:
 *
 * <pre>{@code
 * CetakSimProvider provider = new CetakSimProvider(List.of(printer));
 * TerminalFactory f = TerminalFactory.getInstance("CetakSim", null, provider);
 * CardTerminal reader = f.terminals().getTerminal("Cetak Sim Reader PRN-1");
 * }</pre>
 *
 * The provider need not be installed in {@code java.security.Security}. Readers of printers added
 * later with {@link #add} appear in factories made afterwards.
 */
public final class CetakSimProvider extends Provider {

  private static final long serialVersionUID = 1L;

  /** The {@code TerminalFactory} type. */
  public static final String TYPE = "CetakSim";

  private final transient List<SimReader> readers = new CopyOnWriteArrayList<>();

  public CetakSimProvider(List<SimulatedPrinter> printers) {
    super("CetakSim", "1.0", "Cetak simulated contactless readers (javax.smartcardio)");
    for (SimulatedPrinter p : printers) {
      add(p);
    }
    putService(new FactoryService(this));
  }

  /** Adds the reader of another printer. */
  public void add(SimulatedPrinter printer) {
    readers.add(new SimReader(printer));
  }

  /** The readers, in printer order. */
  public List<SimReader> readers() {
    return List.copyOf(readers);
  }

  /** Shortcut: a factory over these printers' readers. */
  public static TerminalFactory factory(List<SimulatedPrinter> printers) {
    try {
      return TerminalFactory.getInstance(TYPE, null, new CetakSimProvider(printers));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the CetakSim provider registers " + TYPE, e);
    }
  }

  private static final class FactoryService extends Provider.Service {
    private final CetakSimProvider provider;

    FactoryService(CetakSimProvider provider) {
      super(
          provider,
          "TerminalFactory",
          TYPE,
          SimTerminalFactorySpi.class.getName(),
          List.of(),
          null);
      this.provider = provider;
    }

    @Override
    public Object newInstance(Object constructorParameter) {
      return new SimTerminalFactorySpi(new ArrayList<>(provider.readers));
    }
  }
}
