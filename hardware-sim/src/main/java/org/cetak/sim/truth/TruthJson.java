package org.cetak.sim.truth;

import java.util.List;
import java.util.Map;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.ChipContents;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.PrintedPanel;
import org.cetak.sim.fault.FaultEvent;

/** A small JSON writer for the ground truth (no library needed for this shape). */
final class TruthJson {

  private TruthJson() {}

  static String write(List<CardSnapshot> cards, List<FaultEvent> faults, boolean summariseFeeder) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("{\"cards\":[");
    boolean first = true;
    long unpicked = 0;
    for (CardSnapshot c : cards) {
      if (summariseFeeder && !c.picked()) {
        unpicked++;
        continue;
      }
      sb.append(first ? "\n" : ",\n");
      first = false;
      card(sb, c);
    }
    sb.append("\n],\"unpicked\":").append(unpicked).append(",\"faults\":[");
    first = true;
    for (FaultEvent f : faults) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      sb.append("{\"at\":");
      str(sb, f.at().toString());
      sb.append(",\"printer\":");
      str(sb, f.printer());
      sb.append(",\"card\":").append(f.card()).append(",\"type\":");
      str(sb, f.type().name());
      sb.append(",\"command\":");
      str(sb, f.command());
      sb.append(",\"scripted\":").append(f.scripted()).append('}');
    }
    sb.append("\n]}\n");
    return sb.toString();
  }

  private static void card(StringBuilder sb, CardSnapshot c) {
    sb.append("{\"printer\":");
    str(sb, c.printer());
    sb.append(",\"number\":").append(c.number()).append(",\"uid\":");
    str(sb, c.uid());
    sb.append(",\"place\":");
    str(sb, c.place().name());
    sb.append(",\"condition\":");
    str(sb, c.condition().name());
    sb.append(",\"path\":[");
    for (int i = 0; i < c.path().size(); i++) {
      PhysicalCard.Visit v = c.path().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"place\":");
      str(sb, v.place().name());
      sb.append(",\"at\":");
      str(sb, v.at().toString());
      sb.append('}');
    }
    sb.append("],\"panels\":[");
    for (int i = 0; i < c.panels().size(); i++) {
      PrintedPanel p = c.panels().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"side\":");
      str(sb, p.side());
      sb.append(",\"panel\":");
      str(sb, p.panel());
      sb.append(",\"levels\":").append(p.levels()).append(",\"sha256\":");
      str(sb, p.sha256());
      sb.append('}');
    }
    ChipContents chip = c.chip();
    sb.append("],\"chip\":{\"mute\":")
        .append(chip.mute())
        .append(",\"locked\":")
        .append(chip.locked())
        .append(",\"files\":{");
    boolean first = true;
    for (Map.Entry<String, ChipContents.FileContent> e : chip.files().entrySet()) {
      sb.append(first ? "" : ",");
      first = false;
      str(sb, e.getKey());
      sb.append(":{\"length\":").append(e.getValue().length()).append(",\"sha256\":");
      str(sb, e.getValue().sha256());
      sb.append('}');
    }
    sb.append("}},\"events\":[");
    for (int i = 0; i < c.events().size(); i++) {
      sb.append(i == 0 ? "" : ",");
      str(sb, c.events().get(i));
    }
    sb.append("]}");
  }

  static void str(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }
}
