package org.cetak.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why production refused to start, without a stack trace. */
public class ProductionCheckFailureAnalyzer
    extends AbstractFailureAnalyzer<ProductionChecks.ProductionCheckFailure> {

  @Override
  protected FailureAnalysis analyze(
      Throwable rootFailure, ProductionChecks.ProductionCheckFailure cause) {
    return new FailureAnalysis(
        "Cetak refused to start with the production profile:\n" + cause.getMessage(),
        "Fix the settings above (docs/INSTALL.md, docs/CONFIGURATION.md) and start again.",
        cause);
  }
}
