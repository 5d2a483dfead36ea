package org.cetak.sim.scenario;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.TimingProfile;

/**
 * One printer of a scenario: its configuration (what it holds, its timing, its thermal head, how it
 * speaks) and the faults it strikes, by rate and by script. What a scenario leaves out is the field
 * printer's default.
 */
final class PrinterSection {

  private PrinterSection() {}

  static Scenario.PrinterSetup read(ScenarioNode p, long defaultSeed) {
    p.allow(
        "name",
        "model",
        "serialNumber",
        "firmware",
        "blanks",
        "deadChipRate",
        "ribbonPrints",
        "ribbonType",
        "rejectBoxCapacity",
        "hopperCapacity",
        "pickedSinceManufacture",
        "panelsSinceManufacture",
        "operatorResponse",
        "seed",
        "personality",
        "ackNack",
        "timing",
        "head",
        "tcp",
        "pty",
        "faults");
    String name = p.string("name", null);
    if (name == null || name.isBlank()) {
      throw p.error("name", "every printer needs a name");
    }
    long seed = p.longValue("seed", defaultSeed);
    PrinterConfig.Builder b = PrinterConfig.builder(name).seed(seed);
    if (p.has("model")) {
      b.model(p.string("model", null));
    }
    if (p.has("serialNumber")) {
      b.serialNumber(p.string("serialNumber", null));
    }
    if (p.has("firmware")) {
      b.firmware(p.string("firmware", null));
    }
    if (p.has("personality")) {
      String personality = p.string("personality", "cetak");
      try {
        b.personality(PrinterConfig.Personality.valueOf(personality.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw p.error("personality", "is cetak or evolis, not " + personality);
      }
    }
    if (p.has("ackNack")) {
      b.ackNack(Boolean.parseBoolean(p.string("ackNack", "false")));
    }
    PrinterConfig defaults = PrinterConfig.builder(name).build();
    b.blanks((int) p.longValue("blanks", defaults.blanks()))
        .deadChipRate(p.doubleValue("deadChipRate", defaults.deadChipRate()))
        .ribbonPrints((int) p.longValue("ribbonPrints", defaults.ribbonPrints()))
        .ribbonType(p.string("ribbonType", defaults.ribbonType()))
        .rejectBoxCapacity((int) p.longValue("rejectBoxCapacity", defaults.rejectBoxCapacity()))
        .hopperCapacity((int) p.longValue("hopperCapacity", defaults.hopperCapacity()))
        .counters(
            p.longValue("pickedSinceManufacture", defaults.pickedSinceManufacture()),
            p.longValue("panelsSinceManufacture", defaults.panelsSinceManufacture()))
        .operatorResponse(p.duration("operatorResponse", null));
    if (p.has("timing")) {
      ScenarioNode t = p.child("timing");
      TimingProfile f = TimingProfile.field();
      t.allow(
          "pickToContactless",
          "pickToPrint",
          "stationToPrint",
          "colourSide",
          "monoSide",
          "eject",
          "reject",
          "chipMin",
          "chipMax",
          "reboot",
          "command");
      b.timing(
          new TimingProfile(
              t.duration("pickToContactless", f.pickToContactless()),
              t.duration("pickToPrint", f.pickToPrint()),
              t.duration("stationToPrint", f.stationToPrint()),
              t.duration("colourSide", f.colourSide()),
              t.duration("monoSide", f.monoSide()),
              t.duration("eject", f.eject()),
              t.duration("reject", f.reject()),
              t.duration("chipMin", f.chipMin()),
              t.duration("chipMax", f.chipMax()),
              t.duration("reboot", f.reboot()),
              t.duration("command", f.command())));
    }
    if (p.has("head")) {
      ScenarioNode h = p.child("head");
      h.allow("ambient", "heatPerCard", "coolingPerSecond", "limit", "resume");
      PrinterConfig.HeadModel f = PrinterConfig.HeadModel.field();
      b.head(
          new PrinterConfig.HeadModel(
              h.doubleValue("ambient", f.ambient()),
              h.doubleValue("heatPerCard", f.heatPerCard()),
              h.doubleValue("coolingPerSecond", f.coolingPerSecond()),
              h.doubleValue("limit", f.limit()),
              h.doubleValue("resume", f.resume())));
    }
    PrinterConfig config;
    try {
      config = b.build();
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(p.source + ": " + e.getMessage());
    }
    FaultPlan faults = FaultPlan.none();
    if (p.has("faults")) {
      ScenarioNode f = p.child("faults");
      f.allow("rates", "script");
      Map<FaultType, Double> rates = new EnumMap<>(FaultType.class);
      if (f.has("rates")) {
        ScenarioNode r = f.child("rates");
        for (String key : r.map.keySet()) {
          rates.put(faultType(r.path(key), key), r.doubleValue(key, 0));
        }
      }
      List<ScriptedFault> script = new ArrayList<>();
      for (ScenarioNode s : f.children("script")) {
        s.allow("card", "fault", "command");
        FaultType type = faultType(s.path("fault"), String.valueOf(s.require("fault")));
        try {
          script.add(
              new ScriptedFault((int) s.longValue("card", 0), type, s.string("command", null)));
        } catch (IllegalArgumentException e) {
          throw new ScenarioException(s.source + ": " + e.getMessage());
        }
      }
      try {
        faults = new FaultPlan(rates, script, seed);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(f.source + ": " + e.getMessage());
      }
    } else {
      faults = new FaultPlan(Map.of(), List.of(), seed);
    }
    return new Scenario.PrinterSetup(config, faults, p.string("tcp", null), p.string("pty", null));
  }

  private static FaultType faultType(String path, String name) {
    try {
      return FaultType.valueOf(name.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(
          path + ": unknown fault " + name + "; known: " + List.of(FaultType.values()));
    }
  }
}
