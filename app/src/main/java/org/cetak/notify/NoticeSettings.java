package org.cetak.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.cetak.common.TimeZones;

/**
 * An office's settings for residents' notices.
 *
 * @param zone the office's time zone: WIB ({@code Asia/Jakarta}), WITA ({@code Asia/Makassar}) or
 *     WIT ({@code Asia/Jayapura})
 * @param openingHours as residents read them in a notice, e.g. {@code Senin-Jumat 08.00-15.00}
 * @param windowStart notices leave from this local time...
 * @param windowEnd ...until this local time (exclusive); a window may not cross midnight
 * @param collectableWhen when a card's notice is written, and so whether the print room checks each
 *     card before release ({@link CollectableWhen#QUALITY_CHECKED}, the default)
 * @param reminderAfterDays an uncollected card's resident is reminded once after this many days
 */
public record NoticeSettings(
    ZoneId zone,
    String openingHours,
    LocalTime windowStart,
    LocalTime windowEnd,
    CollectableWhen collectableWhen,
    int reminderAfterDays) {

  /** The zones of Indonesia and the names residents know them by. */
  public static final Map<String, String> ZONES = TimeZones.NAMES;

  /** What an office that never changed its settings gets. */
  public static final NoticeSettings DEFAULT =
      new NoticeSettings(
          ZoneId.of("Asia/Jakarta"),
          "Senin-Jumat 08.00-15.00",
          LocalTime.of(8, 0),
          LocalTime.of(20, 0),
          CollectableWhen.QUALITY_CHECKED,
          14);

  public NoticeSettings {
    if (!ZONES.containsKey(zone.getId())) {
      throw new IllegalArgumentException("Not an Indonesian time zone: " + zone);
    }
    if (!windowStart.isBefore(windowEnd)) {
      throw new IllegalArgumentException("The sending window must start before it ends");
    }
    if (reminderAfterDays < 1) {
      throw new IllegalArgumentException("Remind after at least one day");
    }
  }

  /** WIB, WITA or WIT. */
  public String zoneName() {
    return TimeZones.name(zone);
  }

  /** Whether a notice may leave at this instant, in the office's local time. */
  public boolean windowOpen(Instant at) {
    LocalTime local = at.atZone(zone).toLocalTime();
    return !local.isBefore(windowStart) && local.isBefore(windowEnd);
  }

  /** The first instant at or after {@code at} when the window is open. */
  public Instant nextOpening(Instant at) {
    if (windowOpen(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime today = local.with(windowStart);
    return (local.toLocalTime().isBefore(windowStart) ? today : today.plusDays(1)).toInstant();
  }
}
