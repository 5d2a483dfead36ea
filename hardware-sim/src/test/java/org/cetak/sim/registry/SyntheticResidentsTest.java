package org.cetak.sim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticResidentsTest {

  @Test
  void residents_living_in_a_regency_all_have_its_region_prefix_and_name() {
    List<Map<String, String>> people =
        java.util.stream.IntStream.range(0, 200)
            .mapToObj(new SyntheticResidents(2026).livingIn("32.71")::fields)
            .toList();
    assertThat(people)
        .allSatisfy(
            f -> {
              assertThat(f.get("nik")).startsWith("3271");
              assertThat(f.get("kk")).startsWith("3271");
              assertThat(f.get("regency")).isEqualTo("KOTA BOGOR");
              assertThat(f.get("province")).isEqualTo("JAWA BARAT");
            });
  }

  @Test
  void a_regency_without_synthetic_kecamatan_is_refused() {
    assertThatThrownBy(() -> new SyntheticResidents(1).livingIn("99.99"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99.99");
  }
}
