package org.cetak.printing.room;

import org.cetak.CetakApplication;
import org.cetak.support.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The crash test on three printers of Cetak's dialect: 180 cards, eight kills. */
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.demo.scenario=classpath:print-room/none.yaml",
      "cetak.station.enabled=false"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("simulated-print-room")
class PrintRoomCrashTest extends PrintRoomCrash {

  @Override
  String scenario() {
    return "/print-room/crash.yaml";
  }

  @Override
  int residents() {
    return 180;
  }

  @Override
  int kills() {
    return 8;
  }

  @Override
  String dialect() {
    return "cetak";
  }
}
