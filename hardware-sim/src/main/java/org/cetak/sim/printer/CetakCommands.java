package org.cetak.sim.printer;

import java.util.List;
import java.util.Set;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;

/** The command language of PROTOCOL.md part A, with Cetak's one-line status {@code Rst}. */
final class CetakCommands implements CommandSet {

  private static final Set<String> QUERIES =
      Set.of("Rtp", "Rsn", "Rfv", "Rco", "Rcr", "Rlr", "Rst");

  private final PrinterConfig config;
  private final Mechanism mechanism;
  private final ThermalHead head;

  CetakCommands(PrinterConfig config, Mechanism mechanism, ThermalHead head) {
    this.config = config;
    this.mechanism = mechanism;
    this.head = head;
  }

  @Override
  public boolean isQuery(String name) {
    return QUERIES.contains(name);
  }

  @Override
  public String execute(String name, List<String> params, Request request)
      throws InterruptedException {
    if (request instanceof Request.Panel p) {
      return mechanism.loadPanel(p);
    }
    boolean noParams = params.isEmpty();
    String param = params.size() == 1 ? params.get(0) : null;
    return switch (name) {
      case "Rtp" -> noParams ? config.model() : badParameter();
      case "Rsn" -> noParams ? config.serialNumber() : badParameter();
      case "Rfv" -> noParams ? config.firmware() : badParameter();
      case "Rco" -> {
        if ("c".equals(param)) {
          yield Long.toString(mechanism.picked());
        }
        yield "p".equals(param) ? Long.toString(mechanism.panels()) : badParameter();
      }
      case "Rcr" -> {
        if (!noParams) {
          yield badParameter();
        }
        yield mechanism.ribbonLeft() > 0 ? "OK" : PrinterError.RIBBON.reply();
      }
      case "Rlr" -> {
        if (!"p".equals(param)) {
          yield badParameter();
        }
        yield mechanism.inside() == null ? "NO CARD" : "ERR CARD";
      }
      case "Pr" -> mechanism.setRibbonType(param) ? "OK" : badParameter();
      case "Pmi" -> mechanism.setInsertion(param) ? "OK" : badParameter();
      case "Rst" -> noParams ? statusLine() : badParameter();
      case "Scs" -> {
        if (!noParams) {
          yield badParameter();
        }
        mechanism.clearError();
        yield "OK";
      }
      case "Srs" -> {
        if (!noParams) {
          yield badParameter();
        }
        mechanism.reboot();
        yield "OK";
      }
      case "Sic" -> noParams ? mechanism.move(Place.CONTACTLESS, false) : badParameter();
      case "Si" -> noParams ? mechanism.move(Place.PRINT, false) : badParameter();
      case "Ss" -> noParams ? mechanism.move(Place.PRINT, true) : badParameter();
      case "Sr", "Sv" -> {
        if (!noParams) {
          yield badParameter();
        }
        yield mechanism.side(name.equals("Sr") ? "front" : "back");
      }
      case "Se" -> noParams ? mechanism.printAndEject() : badParameter();
      case "Ser" -> noParams ? mechanism.reject() : badParameter();
      default -> PrinterError.COMMAND.reply();
    };
  }

  private static String badParameter() {
    return PrinterError.PARAMETER.reply();
  }

  private String statusLine() {
    PhysicalCard c = mechanism.inside();
    PrinterError error = mechanism.error();
    String pos = c == null ? "NONE" : c.place().name();
    String state = head.cooling() ? "COOLING" : error != null ? "ERROR" : "READY";
    return "OK;POS="
        + pos
        + ";STATE="
        + state
        + ";ERR="
        + (error == null ? "NONE" : error.word())
        + ";FEED="
        + mechanism.feederCount()
        + ";RIB="
        + mechanism.ribbonLeft()
        + ";REJ="
        + mechanism.rejectCount()
        + "/"
        + config.rejectBoxCapacity()
        + ";HOP="
        + mechanism.hopperCount()
        + "/"
        + config.hopperCapacity()
        + ";COVER="
        + (mechanism.coverOpen() ? "OPEN" : "CLOSED")
        + ";TEMP="
        + Math.round(head.temperature())
        + ";PICKED="
        + mechanism.picked();
  }
}
