package org.cetak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's residents live where the demo office is: Kota Bogor (32.71). */
@CetakSpringTest
class DemoBacklogTest {

  @Autowired DSLContext db;

  @Test
  void the_demo_backlog_imports_residents_of_the_demo_offices_regency() {
    var residents =
        db.fetch(
            "select r.nik, r.regency, r.province from print_request r"
                + " join office o on o.id = r.office_id"
                + " where o.code = '32.71' and r.source = 'demo backlog (synthetic residents)'");
    assertThat(residents).isNotEmpty();
    assertThat(residents)
        .allSatisfy(
            r -> {
              assertThat(r.get("nik", String.class)).startsWith("3271");
              assertThat(r.get("regency", String.class)).isEqualTo("KOTA BOGOR");
              assertThat(r.get("province", String.class)).isEqualTo("JAWA BARAT");
            });
  }
}
