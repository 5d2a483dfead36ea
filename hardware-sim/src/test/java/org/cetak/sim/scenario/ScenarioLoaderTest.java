package org.cetak.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.cetak.sim.fault.FaultType;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

  @Test
  void bundled_scenario_scripts_every_fault_type() throws Exception {
    Scenario s = ScenarioLoader.loadBundled("every-fault.yaml");
    assertThat(s.timeScale()).isZero();
    assertThat(s.printers()).hasSize(2);
    assertThat(s.printers().get(0).faults().pending())
        .extracting(f -> f.type())
        .containsExactlyInAnyOrder(FaultType.values());
    assertThat(s.registry().behaviour().outages())
        .singleElement()
        .satisfies(o -> assertThat(o.length()).isEqualTo(Duration.ofDays(3)));
    assertThat(s.session().lateReply()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void a_misspelt_key_is_an_error_naming_its_path() {
    assertThatThrownBy(() -> ScenarioLoader.parse("printers:\n  - name: PRN-1\n    blank: 10\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("printers[0]/blank")
        .hasMessageContaining("unknown key");
  }

  @Test
  void an_unknown_fault_is_an_error() {
    assertThatThrownBy(
            () ->
                ScenarioLoader.parse(
                    """
                    printers:
                      - name: P
                        faults:
                          script:
                            - {card: 1, fault: GREMLINS}
                    """))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("unknown fault GREMLINS");
  }

  @Test
  void durations_take_units() {
    assertThat(ScenarioLoader.duration("3.5s")).isEqualTo(Duration.ofMillis(3500));
    assertThat(ScenarioLoader.duration("3d")).isEqualTo(Duration.ofDays(3));
    assertThat(ScenarioLoader.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> ScenarioLoader.duration("5"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
