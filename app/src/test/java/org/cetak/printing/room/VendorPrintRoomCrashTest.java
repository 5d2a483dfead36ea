package org.cetak.printing.room;

import org.cetak.CetakApplication;
import org.cetak.support.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The crash test on three printers of the vendor's dialect (they refuse {@code Rst}): fewer cards
 * and kills than in Cetak's dialect, to keep the test's time reasonable; the rules under test are
 * the same.
 */
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.demo.scenario=classpath:print-room/none.yaml",
      "cetak.station.enabled=false",
      // a context of its own, so a database of its own beside the Cetak-dialect crash test's
      "cetak.station.node=crash-test-evolis"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("simulated-print-room")
class VendorPrintRoomCrashTest extends PrintRoomCrash {

  @Override
  String scenario() {
    return "/print-room/crash-evolis.yaml";
  }

  @Override
  int residents() {
    return 120;
  }

  @Override
  int kills() {
    return 5;
  }

  @Override
  String dialect() {
    return "evolis";
  }
}
