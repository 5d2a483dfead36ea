package org.cetak.printing.room;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cetak.CetakApplication;
import org.cetak.support.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application with one print station, for printer PRN-1 of the demo office on the simulator's
 * printer and reader, at a fiftieth of the field's timing, without the web server and the
 * scheduler; {@link RoomScene} at hand. Each test class names its simulated room ({@code
 * cetak.demo.scenario}) and its node ({@code cetak.station.node}) with {@code @TestPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.station.enabled=true",
      "cetak.station.time-scale=0.02",
      "cetak.station.chip-wait=1s",
      "cetak.station.idle-wait=20ms",
      "cetak.station.halted-wait=20ms",
      "cetak.station.lease=3s",
      "cetak.station.printers[0].office=32.71",
      "cetak.station.printers[0].code=PRN-1",
      "cetak.station.printers[0].link=sim:PRN-1",
      "cetak.station.printers[0].reader=Cetak Sim Reader PRN-1"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("simulated-print-room")
@Import(RoomScene.class)
@interface OnePrinterStationTest {}
