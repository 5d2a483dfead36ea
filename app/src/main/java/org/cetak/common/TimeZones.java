package org.cetak.common;

import java.time.ZoneId;
import java.util.Map;

/** The time zones of Indonesia an office works in, and the names people know them by. */
public final class TimeZones {

  /** Zone id to name: WIB ({@code Asia/Jakarta}), WITA ({@code Asia/Makassar}), WIT. */
  public static final Map<String, String> NAMES =
      Map.of("Asia/Jakarta", "WIB", "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

  private TimeZones() {}

  /** WIB, WITA or WIT; the zone's id for a zone outside Indonesia. */
  public static String name(ZoneId zone) {
    return NAMES.getOrDefault(zone.getId(), zone.getId());
  }
}
