package org.cetak.stock;

/**
 * Blanks promised to queued requests by allocation; they are on hand but not usable for others.
 * Allocation provides the real one; without it nothing is reserved.
 */
public interface ReservedBlanks {

  long reserved(long officeId);
}
