package org.cetak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.cetak.printing.FeederHands;
import org.cetak.sim.scenario.ScenarioLoader;
import org.cetak.sim.scenario.SimulatedRoom;
import org.junit.jupiter.api.Test;

/** The demo operator's hands load, unload and move blanks in the simulated printers' feeders. */
class DemoFeederHandsTest {

  @Test
  void loads_unloads_and_moves_between_the_simulated_feeders_as_the_ledger_records_them()
      throws Exception {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/print-room/demo-quick.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (SimulatedRoom room = SimulatedRoom.build(ScenarioLoader.parse(yaml))) {
      FeederHands hands = new DemoPrintRoom().feederHands(room);

      hands.load("PRN-1", 30);
      hands.unload("PRN-1", 5);
      hands.move("PRN-1", "PRN-2", 10);

      assertThat(feeder(room, "PRN-1")).isEqualTo(15);
      assertThat(feeder(room, "PRN-2")).isEqualTo(10);
    }
  }

  private static int feeder(SimulatedRoom room, String name) {
    return DemoPrintRoom.printer(room, name).orElseThrow().status().feeder();
  }
}
