package org.cetak.common;

import java.time.ZoneId;

/** The time zone each office works in (WIB, WITA or WIT), as its settings keep it. */
@FunctionalInterface
public interface OfficeZones {

  /** The office's zone; {@code Asia/Jakarta} (WIB) for an office that keeps none. */
  ZoneId of(long officeId);
}
