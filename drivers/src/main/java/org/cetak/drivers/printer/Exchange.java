package org.cetak.drivers.printer;

/** One request sent and what came back: a parsed reply, or why none usable came. */
sealed interface Exchange {

  record Answered(Reply reply) implements Exchange {}

  record Failed(String why) implements Exchange {}
}
