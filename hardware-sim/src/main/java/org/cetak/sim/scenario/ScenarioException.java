package org.cetak.sim.scenario;

/** A scenario file that cannot be used; the message names the key's path and the problem. */
public final class ScenarioException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }
}
