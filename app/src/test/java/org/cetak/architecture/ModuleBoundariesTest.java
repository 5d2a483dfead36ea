package org.cetak.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of DESIGN.md, checked on the compiled classes of every module: drivers and the
 * simulator know nothing of the application or the database, the simulator shares no code with the
 * driver, only the demo uses the simulator, and the domain core imports no framework, no generated
 * jOOQ class and no servlet API.
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
