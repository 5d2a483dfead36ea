package org.cetak.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The simulator implements the protocol on its own: it uses nothing else of Cetak. */
class ModuleBoundaryTest {

  private final JavaClasses sim =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.cetak.sim");

  @Test
  void simulator_depends_on_no_driver_database_or_application_class() {
    noClasses()
        .that()
        .resideInAPackage("org.cetak.sim..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.cetak.drivers..", "org.cetak.db..", "org.cetak.app..")
        .check(sim);
  }

  @Test
  void simulator_depends_on_no_cetak_package_outside_itself() {
    noClasses()
        .that()
        .resideInAPackage("org.cetak.sim..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "in org.cetak but outside org.cetak.sim",
                c ->
                    c.getPackageName().startsWith("org.cetak")
                        && !c.getPackageName().equals("org.cetak.sim")
                        && !c.getPackageName().startsWith("org.cetak.sim.")))
        .check(sim);
  }
}
