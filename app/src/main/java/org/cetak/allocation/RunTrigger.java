package org.cetak.allocation;

/** What started an allocation run. */
public enum RunTrigger {
  SCHEDULE,
  DROP_RECEIVED,
  IMPORT,
  ON_DEMAND,
  WALK_IN
}
