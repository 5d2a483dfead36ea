package org.cetak.drivers.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The drivers know nothing of the application, the database or the simulator; only the adapters
 * touch device APIs; the codecs (printer commands and replies, chip APDUs) are pure.
 */
@AnalyzeClasses(
    packages = "org.cetak.drivers",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DriverArchitectureTest {

  @ArchTest
  static final ArchRule knows_nothing_of_app_db_or_simulator =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.cetak.sim..",
              "org.cetak.db..",
              "org.cetak.app..",
              "org.springframework..",
              "org.jooq..");

  @ArchTest
  static final ArchRule only_the_serial_adapter_touches_jserialcomm =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.cetak.drivers.transport.serial..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.fazecast..");

  @ArchTest
  static final ArchRule only_the_pcsc_adapter_touches_smartcardio =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.cetak.drivers.chip.pcsc..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javax.smartcardio..");

  @ArchTest
  static final ArchRule only_the_tcp_adapter_touches_the_network =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.cetak.drivers.transport.tcp..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.net..");

  @ArchTest
  static final ArchRule codecs_do_not_reach_into_adapters =
      noClasses()
          .that()
          .resideInAnyPackage("org.cetak.drivers.printer..", "org.cetak.drivers.chip")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.cetak.drivers.transport.serial..",
              "org.cetak.drivers.transport.tcp..",
              "org.cetak.drivers.chip.pcsc..",
              "java.io.File",
              "java.lang.reflect..");
}
