package org.cetak.sim.chip;

import java.util.List;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/** The {@code TerminalFactory} engine of {@link CetakSimProvider}. */
final class SimTerminalFactorySpi extends TerminalFactorySpi {

  private final SimTerminals terminals;

  SimTerminalFactorySpi(List<SimReader> readers) {
    this.terminals = new SimTerminals(readers);
  }

  @Override
  protected CardTerminals engineTerminals() {
    return terminals;
  }
}
