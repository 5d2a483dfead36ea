package org.cetak.printing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipPayload;
import org.cetak.printing.device.ChipStation;

/**
 * A chip encoder that answers with the outcomes a test queues, and writes the next UID otherwise.
 */
final class ScriptedChip implements ChipStation {

  /** Outcomes to give, in order, before the encoder goes back to writing. */
  final Deque<ChipOutcome> results = new ArrayDeque<>();

  private int uids;

  @Override
  public ChipOutcome personalise(ChipPayload payload) {
    ChipOutcome scripted = results.poll();
    return scripted != null
        ? scripted
        : new ChipOutcome.Written(String.format("04A1B2C3D4E5%02X", ++uids));
  }

  @Override
  public void close() {}
}
