package org.cetak.drivers.printer;

/** What a dialect may do on the wire: one request, one exchange, with the query timeout. */
@FunctionalInterface
interface Link {
  Exchange query(byte[] request);
}
