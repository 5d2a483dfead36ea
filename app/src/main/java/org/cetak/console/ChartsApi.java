package org.cetak.console;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The charts of the home page as JSON ({@link Charts.Chart}: labels and named series), in the
 * reader's language and the office's days.
 */
@RestController
@RequestMapping("/api/offices/{office}/charts")
public class ChartsApi {

  private final Charts charts;
  private final Dashboard dashboard;

  public ChartsApi(Charts charts, Dashboard dashboard) {
    this.charts = charts;
    this.dashboard = dashboard;
  }

  /** Blanks available each day and the forecast {@code ahead} days on, with the threshold. */
  @GetMapping("/burn-down")
  @Operation(
      summary =
          "Blanks available each day (vault and feeders) and the forecast, with the reorder threshold")
  @Refuses({})
  @Allow(Permission.SEE_STOCK)
  public Charts.Chart burnDown(
      Office office,
      @RequestParam(name = "days", defaultValue = "30") int days,
      @RequestParam(name = "ahead", defaultValue = "30") int ahead,
      Locale locale) {
    return charts.burnDown(office, dashboard.zone(office), days, ahead, locale);
  }

  /** Cards printed each day by each printer. */
  @GetMapping("/prints-per-day")
  @Operation(summary = "Cards printed each day by each printer of the office")
  @Refuses({})
  @Allow(Permission.SEE_PRINTERS)
  public Charts.Chart printsPerDay(
      Office office, @RequestParam(name = "days", defaultValue = "14") int days, Locale locale) {
    return charts.printsPerDay(office, dashboard.zone(office), days, locale);
  }

  /** Blanks spoiled by reason. */
  @GetMapping("/spoilage")
  @Operation(summary = "Blanks spoiled by reason")
  @Refuses({})
  @Allow(Permission.SEE_STOCK)
  public Charts.Chart spoilage(
      Office office, @RequestParam(name = "days", defaultValue = "30") int days, Locale locale) {
    return charts.spoilage(office, dashboard.zone(office), days, locale);
  }

  /** The queue by tier over time, from the counts kept every hour. */
  @GetMapping("/queue-by-tier")
  @Operation(summary = "The queue by priority tier over time, from the counts kept every hour")
  @Refuses({})
  @Allow(Permission.EXPLAIN_QUEUE)
  public Charts.Chart queueByTier(
      Office office, @RequestParam(name = "days", defaultValue = "7") int days, Locale locale) {
    return charts.queueByTier(office, dashboard.zone(office), days, locale);
  }
}
