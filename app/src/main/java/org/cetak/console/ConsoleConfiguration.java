package org.cetak.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.QueueHistory;
import org.cetak.approval.Approvals;
import org.cetak.console.jooq.JooqDashboardReads;
import org.cetak.consolidation.ConsolidationQueue;
import org.cetak.notify.NoticeStore;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.PrinterControl;
import org.cetak.stock.DailyReports;
import org.cetak.stock.Ledger;
import org.cetak.stock.Printers;
import org.cetak.stock.StockLevels;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.ITemplateEngine;

/**
 * The console speaks Bahasa Indonesia; {@code ?lang=en} switches to English and is remembered. Its
 * home page, live updates and charts are wired here.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("cetak-lang");
    resolver.setDefaultLocale(Locale.forLanguageTag("id"));
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName("lang");
    registry.addInterceptor(interceptor);
  }

  @Bean
  Dashboard dashboard(
      PrinterControl printers,
      StockLevels levels,
      DailyReports reports,
      AllocationService allocation,
      Approvals approvals,
      NoticeStore notices,
      ConsolidationQueue consolidation,
      OfficeDirectory directory,
      DSLContext db,
      Clock clock,
      @Value("${cetak.console.low-ribbon:50}") int lowRibbon) {
    return new Dashboard(
        printers,
        levels,
        reports,
        allocation,
        approvals,
        notices,
        consolidation,
        directory,
        new JooqDashboardReads(db),
        clock,
        lowRibbon);
  }

  @Bean
  SharedSnapshots sharedSnapshots(
      Dashboard dashboard,
      @Value("${cetak.console.shared-snapshot-age:PT2S}") Duration sharedSnapshotAge) {
    return new SharedSnapshots(dashboard::snapshot, sharedSnapshotAge, System::nanoTime);
  }

  @Bean
  LiveView.Builder liveViews(MessageSource messages, Labels labels) {
    return new LiveView.Builder(messages, labels);
  }

  @Bean
  SharedDrawings sharedDrawings(LiveView.Builder views, ITemplateEngine templates) {
    return new SharedDrawings(views, templates);
  }

  @Bean
  LiveUpdates liveUpdates(
      Dashboard dashboard,
      SharedSnapshots shared,
      LiveView.Builder views,
      @Value("${cetak.console.live-every:PT3S}") Duration every,
      @Value("${cetak.console.live-stream:PT5M}") Duration stream) {
    return new LiveUpdates(dashboard, shared, views, every, stream);
  }

  @Bean
  Charts charts(
      Ledger ledger,
      Printers printers,
      StockLevels levels,
      AllocationService allocation,
      QueueHistory queue,
      MessageSource messages,
      Clock clock) {
    return new Charts(ledger, printers, levels, allocation, queue, messages, clock);
  }
}
