package org.cetak.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cetak.printing.PrinterOwnership;
import org.cetak.printing.jooq.JooqPrinterRegister;
import org.cetak.stock.Printers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of DESIGN.md, checked on the compiled classes of every module: drivers and the
 * simulator know nothing of the application or the database, the simulator shares no code with the
 * driver, only the demo uses the simulator, the domain core imports no framework, no generated jOOQ
 * class, no servlet API and no adapter of its own, and each lifecycle's tables have one writer.
 */
class ModuleBoundariesTest {

  /** Packages of adapters: persistence, web, scheduler jobs, wiring, command line. */
  static final String[] ADAPTERS = {
    "..jooq..",
    "..web..",
    "..job..",
    "..config..",
    "..cli..",
    "org.cetak.platform..",
    "org.cetak.security..",
    "org.cetak.console..",
    "org.cetak.demo.."
  };

  static final String[] NOT_APPLICATION = {
    "org.cetak.drivers..", "org.cetak.sim..", "org.cetak.db.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the other modules' shared test support (test-jars: the test database, the PC/SC
            // stack)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.cetak");
  }

  @Test
  void drivers_use_nothing_of_the_application_the_database_or_the_simulator() {
    noClasses()
        .that()
        .resideInAPackage("org.cetak.drivers..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            "org.cetak.drivers..", "java..", "javax..", "com.fazecast..", "org.slf4j..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void simulator_uses_nothing_of_the_application_the_database_or_the_driver() {
    noClasses()
        .that()
        .resideInAPackage("org.cetak.sim..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("org.cetak..")
                .and(JavaClass.Predicates.resideOutsideOfPackage("org.cetak.sim..")))
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void only_the_demo_uses_the_simulator() {
    noClasses()
        .that()
        .resideInAPackage("org.cetak..")
        .and()
        .resideOutsideOfPackages("org.cetak.sim..", "org.cetak.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cetak.sim..")
        .because("hardware-sim stands in for devices only in the demo (org.cetak.demo)")
        .check(classes);
  }

  @Test
  void domain_core_imports_no_framework_generated_records_or_servlets() {
    noClasses()
        .that()
        .resideInAPackage("org.cetak..")
        .and()
        .resideOutsideOfPackages(ADAPTERS)
        .and()
        .resideOutsideOfPackages(NOT_APPLICATION)
        .and()
        .doNotHaveFullyQualifiedName("org.cetak.CetakApplication")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.jooq..",
            "org.cetak.db.jooq..",
            "jakarta.servlet..",
            "org.quartz..",
            "com.zaxxer..")
        .check(classes);
  }

  @Test
  void domain_core_depends_on_no_adapter() {
    noClasses()
        .that()
        .resideInAPackage("org.cetak..")
        .and()
        .resideOutsideOfPackages(ADAPTERS)
        .and()
        .resideOutsideOfPackages(NOT_APPLICATION)
        .and()
        .doNotHaveFullyQualifiedName("org.cetak.CetakApplication")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS)
        .check(classes);
  }

  /**
   * Who alone writes each table: a lifecycle has one writer, so "where is a request moved" or "how
   * does a blank leave a feeder" has one answer. Checked on the sources (a write is a jOOQ {@code
   * insertInto}, {@code update}, {@code deleteFrom} or {@code mergeInto} of the table).
   */
  static final Map<String, String> WRITERS =
      Map.of(
          "PRINT_REQUEST", "org/cetak/request/jooq/",
          "PRINT_REQUEST_EVENT", "org/cetak/request/jooq/",
          "RESERVATION", "org/cetak/request/jooq/",
          "REQUEST_PAYLOAD", "org/cetak/request/jooq/",
          "PRINT_JOB", "org/cetak/printing/jooq/JooqPrintJobs.java",
          "REPRINT_GRANT", "org/cetak/printing/jooq/JooqReprintStore.java",
          "STOCK_MOVEMENT", "org/cetak/stock/jooq/JooqLedger.java",
          "STOCK_BALANCE", "org/cetak/stock/jooq/JooqLedger.java",
          "PRINTER", "org/cetak/printing/jooq/JooqPrinterRegister.java");

  @Test
  void each_lifecycle_table_is_written_by_its_owner_only() throws IOException {
    Path sources = Path.of("src/main/java");
    Pattern write =
        Pattern.compile(
            "\\.(insertInto|update|deleteFrom|mergeInto)\\(\\s*("
                + String.join("|", WRITERS.keySet())
                + ")\\b");
    List<String> strays = new ArrayList<>();
    int writes = 0;
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = sources.relativize(file).toString().replace('\\', '/');
        Matcher m = write.matcher(Files.readString(file));
        while (m.find()) {
          writes++;
          if (!name.startsWith(WRITERS.get(m.group(2)))) {
            strays.add(name + " writes " + m.group(2));
          }
        }
      }
    }
    assertThat(writes).as("writes found in %s", sources.toAbsolutePath()).isGreaterThan(10);
    assertThat(strays).isEmpty();
  }

  /**
   * A printer's row has one writer behind one port: {@code printing.PrinterRegister}, which the
   * ledger sees as {@code stock.Printers} and the station runtime as {@code PrinterOwnership}.
   */
  @Test
  void the_printer_register_alone_implements_the_ports_that_write_a_printer() {
    classes()
        .that()
        .areAssignableTo(Printers.class)
        .or()
        .areAssignableTo(PrinterOwnership.class)
        .should()
        .haveFullyQualifiedName(JooqPrinterRegister.class.getName())
        .orShould()
        .beInterfaces()
        .check(classes);
  }

  @Test
  void generated_jooq_classes_stay_in_the_persistence_layer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..jooq..", "org.cetak.db..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.cetak.db.jooq..")
        .check(classes);
  }
}
