package org.cetak.drivers.printer;

import java.util.List;

/**
 * The part of the driver that differs between dialects: how the status is read, how a job is set
 * up, panelled and ended, and how the status after a lost reply judges each command that may move a
 * card. The driver's recovery rule is the same for both: nothing that may have moved a card is sent
 * again unless the status proves it did nothing.
 */
interface DialectRules {

  PrinterDialect dialect();

  /** Reads the printer's status; harmless to repeat. */
  Outcome<PrinterStatus> status(Link link);

  /** Requests sent before every job's {@code Ss}; none moves a card. */
  List<byte[]> jobSetUp();

  /** One panel's request, from its encoding made beforehand: framing only. */
  byte[] panel(EncodedPanel panel);

  /** The request that prints what is loaded and ejects the card. */
  byte[] endOfJob();

  /** Judges {@code Sic}: picked (or moved) to the contactless station. */
  Verdict.Check parked();

  /** Judges {@code Ss}: a card at the print position, a sequence open. */
  Verdict.Check started();

  /** Judges {@code Se}: printed ({@code panels} loaded, 0 for a blank eject) and ejected. */
  Verdict.Check ejected(int panels);

  /** Judges {@code Ser}: in the reject box. */
  Verdict.Check rejected();

  /** A command that may move a card is known done (its OK came, or the status proved it). */
  void done(String command);
}
