package org.cetak.printing.room;

import org.cetak.CetakApplication;
import org.cetak.support.TestDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The ground-truth test on four printers of the vendor's dialect (they refuse {@code Rst}; two
 * answer in the ACK/NACK protocol): two configured as {@code evolis}, two detected.
 */
@SpringBootTest(
    classes = CetakApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.quartz.auto-startup=false",
      "cetak.demo.scenario=classpath:print-room/faulty-evolis.yaml",
      "cetak.station.enabled=true",
      "cetak.station.node=ground-truth-evolis",
      "cetak.station.time-scale=0.02",
      "cetak.station.chip-wait=1s",
      "cetak.station.idle-wait=20ms",
      "cetak.station.halted-wait=20ms",
      "cetak.station.lease=3s",
      "cetak.station.printers[0].office=32.71",
      "cetak.station.printers[0].code=PRN-1",
      "cetak.station.printers[0].link=sim:PRN-1",
      "cetak.station.printers[0].reader=Cetak Sim Reader PRN-1",
      "cetak.station.printers[0].dialect=evolis",
      "cetak.station.printers[1].office=32.71",
      "cetak.station.printers[1].code=PRN-2",
      "cetak.station.printers[1].link=sim:PRN-2",
      "cetak.station.printers[1].reader=Cetak Sim Reader PRN-2",
      "cetak.station.printers[2].office=32.71",
      "cetak.station.printers[2].code=PRN-3",
      "cetak.station.printers[2].link=sim:PRN-3",
      "cetak.station.printers[2].reader=Cetak Sim Reader PRN-3",
      "cetak.station.printers[2].dialect=evolis",
      "cetak.station.printers[3].office=32.71",
      "cetak.station.printers[3].code=PRN-4",
      "cetak.station.printers[3].link=sim:PRN-4",
      "cetak.station.printers[3].reader=Cetak Sim Reader PRN-4"
    })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("simulated-print-room")
class VendorPrintRoomGroundTruthTest extends PrintRoomGroundTruth {}
