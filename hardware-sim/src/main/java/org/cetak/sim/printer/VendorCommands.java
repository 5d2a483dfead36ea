package org.cetak.sim.printer;

import java.util.List;
import java.util.Set;
import org.cetak.sim.card.PhysicalCard;

/**
 * The vendor's command language (PROTOCOL.md "The vendor dialect"): everything of part A except
 * Cetak's {@code Rst}, which it refuses as an unknown command, plus the vendor's reads. Written
 * from the programming guide on its own; it shares no code with the driver.
 *
 * <ul>
 *   <li>{@code Rse;<s>} answers a voltage, {@code 5,00 Volts} when the sensor sees what it looks
 *       for and {@code 0,00 Volts} when not: {@code p} a card in the transport, {@code o} the cover
 *       open, {@code f} cards in the feeder, {@code n} the feeder near empty (at most {@value
 *       #NEAR_EMPTY} blanks), {@code c} a ribbon fitted, {@code m} a card at the feeder stop
 *       (never: a pick does not stop there), {@code r} the coded disk turning (never between
 *       requests).
 *   <li>{@code Rrt;count} answers the prints left on the ribbon (newer firmware).
 *   <li>{@code Rok} answers {@code OK} when the printer can work, else the reply of its error state
 *       ({@code ERR HEAD TEMP} while the head cools).
 *   <li>{@code Pcom;<port>;<baud>;<parity>;<data>;<stop>[;<protocol>[;<enable>]]} sets the port;
 *       protocol {@code ACK/NACK} switches the replies of the commands that act (not of the reads)
 *       to {@code ACK} for success and {@code NACK;<code>} for an error with a code in the guide
 *       ({@code 1} command, {@code 2} parameter, {@code T} mechanical, {@code C} cover, {@code F}
 *       feeder, {@code R} ribbon); an error the guide gives no code keeps its {@code ERR} reply.
 *   <li>{@code Dbc} takes the four-parameter form (panel, levels, first line, bytes): see {@link
 *       RequestReader}.
 * </ul>
 */
final class VendorCommands implements CommandSet {

  static final int NEAR_EMPTY = 10;
  private static final String HIGH = "5,00 Volts";
  private static final String LOW = "0,00 Volts";
  private static final Set<String> QUERIES =
      Set.of("Rtp", "Rsn", "Rfv", "Rco", "Rcr", "Rlr", "Rse", "Rrt", "Rok");

  private final Mechanism mechanism;
  private final ThermalHead head;
  private final CetakCommands common;
  private volatile boolean ackNack;

  VendorCommands(PrinterConfig config, Mechanism mechanism, ThermalHead head) {
    this.mechanism = mechanism;
    this.head = head;
    this.common = new CetakCommands(config, mechanism, head);
    this.ackNack = config.ackNack();
  }

  @Override
  public boolean isQuery(String name) {
    return QUERIES.contains(name);
  }

  @Override
  public String execute(String name, List<String> params, Request request)
      throws InterruptedException {
    String param = params.size() == 1 ? params.get(0) : null;
    String reply =
        switch (name) {
          case "Rst" -> PrinterError.COMMAND.reply();
          case "Rse" -> sensor(param);
          case "Rrt" ->
              "count".equals(param)
                  ? Integer.toString(mechanism.ribbonLeft())
                  : PrinterError.PARAMETER.reply();
          case "Rok" -> params.isEmpty() ? ready() : PrinterError.PARAMETER.reply();
          case "Pcom" -> port(params);
          default -> common.execute(name, params, request);
        };
    return isQuery(name) ? reply : acknowledged(reply);
  }

  @Override
  public String refused(PrinterError error) {
    return acknowledged(error.reply());
  }

  private String sensor(String which) {
    if (which == null) {
      return PrinterError.PARAMETER.reply();
    }
    PhysicalCard card = mechanism.inside();
    return switch (which) {
      case "p" -> volts(card != null);
      case "o" -> volts(mechanism.coverOpen());
      case "f" -> volts(mechanism.feederCount() > 0);
      case "n" -> volts(mechanism.feederCount() <= NEAR_EMPTY);
      case "c" -> volts(mechanism.ribbonLeft() > 0);
      case "m", "r" -> LOW;
      default -> PrinterError.PARAMETER.reply();
    };
  }

  private static String volts(boolean high) {
    return high ? HIGH : LOW;
  }

  private String ready() {
    PrinterError error = mechanism.error();
    if (error != null) {
      return error.reply();
    }
    return head.cooling() ? PrinterError.HEAD_TEMP.reply() : "OK";
  }

  private String port(List<String> params) {
    if (params.size() < 5 || params.size() > 7 || !params.get(0).matches("[12]")) {
      return PrinterError.PARAMETER.reply();
    }
    ackNack = params.size() >= 6 && params.get(5).equals("ACK/NACK");
    return "OK";
  }

  /** A reply of a command that acts, in the port's protocol. */
  private String acknowledged(String reply) {
    if (!ackNack) {
      return reply;
    }
    if (reply.equals("OK")) {
      return "ACK";
    }
    for (PrinterError e : PrinterError.values()) {
      if (e.reply().equals(reply)) {
        String code =
            switch (e) {
              case COMMAND -> "1";
              case PARAMETER -> "2";
              case MECHANICAL -> "T";
              case COVER_OPEN -> "C";
              case FEEDER_EMPTY, FEEDER -> "F";
              case RIBBON -> "R";
              case BUSY, REJECT_BOX_FULL, HOPPER_FULL, HEAD_TEMP, NO_CARD -> null;
            };
        return code == null ? reply : "NACK;" + code;
      }
    }
    return reply;
  }
}
