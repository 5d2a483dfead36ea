package org.cetak.sim.fault;

/**
 * "card 17: jam during print": a fault that strikes once, at the given card.
 *
 * @param card the card's number in the feeder's loading order (from 1)
 * @param type the fault
 * @param command for reply faults, the command whose reply it strikes (default {@code Se}); null
 *     otherwise
 */
public record ScriptedFault(int card, FaultType type, String command) {

  public ScriptedFault {
    if (card < 1) {
      throw new IllegalArgumentException("card numbers start at 1, was " + card);
    }
    if (type.step() == FaultType.Step.REPLY && command == null) {
      command = "Se";
    }
  }

  public static ScriptedFault of(int card, FaultType type) {
    return new ScriptedFault(card, type, null);
  }
}
