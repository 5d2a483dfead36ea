package org.cetak.printing.face;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The printer panels of one card: front (y, m, c at 32 levels, k and o at 2 levels) and back (k).
 *
 * <p>Each panel is the landscape card turned a quarter clockwise to portrait (PROTOCOL.md
 * "Panels"): {@value #LINES} lines along the card's long edge, each of {@value #DOTS_PER_LINE} dots
 * across the short edge. Line {@code l} is card column {@code x = l} (counted from the card's left
 * edge in landscape); dot {@code d} of that line is card row {@code y = DOTS_PER_LINE - 1 - d}
 * (counted from the top edge). One byte per dot, value {@code 0..levels-1}, 0 = no ink; the driver
 * packs the bits.
 */
public record PanelSet(List<Panel> front, List<Panel> back) {

  /** Dots across the card's short edge. */
  public static final int DOTS_PER_LINE = 648;

  /** Lines along the card's long edge. */
  public static final int LINES = 1016;

  private static final Set<String> NAMES = Set.of("y", "m", "c", "k", "o");
  private static final Set<Integer> LEVELS = Set.of(2, 32, 64, 128);

  public PanelSet {
    front = List.copyOf(Objects.requireNonNull(front, "front"));
    back = List.copyOf(Objects.requireNonNull(back, "back"));
  }

  /**
   * One panel. The dot array is not copied (it is large and the renderer hands it over); treat it
   * as read-only.
   *
   * @param drawnOver the panel this one was drawn over and where it differs from it, when it is
   *     known; empty when the panel was drawn afresh
   */
  // Megabyte dot arrays handed over without copying (see above); never compared or printed.
  @SuppressWarnings("ArrayRecordComponent")
  public record Panel(String name, int levels, byte[] dots, Optional<DrawnOver> drawnOver) {
    public Panel {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown panel name '" + name + "'");
      }
      if (!LEVELS.contains(levels)) {
        throw new IllegalArgumentException("panel " + name + ": unsupported levels " + levels);
      }
      if (dots.length != DOTS_PER_LINE * LINES) {
        throw new IllegalArgumentException(
            "panel " + name + ": " + dots.length + " dots, expected " + DOTS_PER_LINE * LINES);
      }
      Objects.requireNonNull(drawnOver, "drawnOver");
      if (drawnOver.isPresent()
          && !(drawnOver.get().blank().name().equals(name)
              && drawnOver.get().blank().levels() == levels)) {
        throw new IllegalArgumentException(
            "panel " + name + " drawn over another panel, " + drawnOver.get().blank().name());
      }
    }

    /** A panel drawn afresh. */
    public Panel(String name, int levels, byte[] dots) {
      this(name, levels, dots, Optional.empty());
    }

    /** The dot value at card position (x, y) in landscape orientation, top-left origin. */
    public int valueAt(int x, int y) {
      return dots[x * DOTS_PER_LINE + (DOTS_PER_LINE - 1 - y)] & 0xFF;
    }

    /** Hex SHA-256 of the dots. */
    public String sha256() {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dots));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing from the JRE", e);
      }
    }
  }

  /**
   * Where a panel was drawn over another, one that is the same on every card (the blank card's): it
   * has that panel's dots outside lines {@code [fromLine, toLine)}, and its name and levels. The
   * encoder packs that panel once and then only these lines of each card.
   */
  public record DrawnOver(Panel blank, int fromLine, int toLine) {
    public DrawnOver {
      if (fromLine < 0 || toLine > LINES || fromLine > toLine) {
        throw new IllegalArgumentException("no lines " + fromLine + " to " + toLine);
      }
      if (blank.drawnOver().isPresent()) {
        throw new IllegalArgumentException("a blank panel is drawn afresh");
      }
    }
  }

  /** Hex SHA-256 of every panel, front panels first, in printing order. */
  public List<String> sha256PerPanel() {
    List<String> hashes = new ArrayList<>(front.size() + back.size());
    for (Panel p : front) {
      hashes.add(p.sha256());
    }
    for (Panel p : back) {
      hashes.add(p.sha256());
    }
    return List.copyOf(hashes);
  }
}
