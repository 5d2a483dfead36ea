package org.cetak.intake;

/** Told after an import was applied (for example, to run an allocation). */
@FunctionalInterface
public interface ImportListener {

  void imported(long officeId, ImportCounts counts);
}
