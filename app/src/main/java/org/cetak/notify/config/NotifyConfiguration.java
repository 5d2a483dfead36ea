package org.cetak.notify.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.cetak.common.Backoff;
import org.cetak.common.Transactions;
import org.cetak.notify.DeliveryReports;
import org.cetak.notify.Dispatcher;
import org.cetak.notify.NoticeStore;
import org.cetak.notify.Notices;
import org.cetak.notify.SendRate;
import org.cetak.notify.SmsGateway;
import org.cetak.notify.gateway.FileGateway;
import org.cetak.notify.gateway.GammuGateway;
import org.cetak.notify.gateway.KannelGateway;
import org.cetak.notify.gateway.SmppGateway;
import org.cetak.notify.job.SmsDispatchJob;
import org.cetak.notify.jooq.JooqNoticeStore;
import org.cetak.notify.jooq.JooqSendRate;
import org.cetak.office.Audit;
import org.cetak.platform.RecurringJobs;
import org.jooq.DSLContext;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires residents' notices: the store, the gateway chosen by {@code cetak.sms.gateway} ({@code
 * file}, {@code kannel}, {@code gammu} or {@code smpp}), the dispatcher and its Quartz job.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotifyConfiguration.class);

  @Bean
  NoticeStore noticeStore(DSLContext db, Clock clock) {
    return new JooqNoticeStore(db, clock);
  }

  @Bean
  Notices notices(NoticeStore store, Transactions transactions, Audit audit, Clock clock) {
    return new Notices(store, transactions, audit, clock);
  }

  @Bean
  DeliveryReports deliveryReports(NoticeStore store, Transactions transactions, Clock clock) {
    return new DeliveryReports(store, transactions, clock);
  }

  /**
   * Kannel's {@code sendsms} and our account there. {@code report-url} is where Kannel sends its
   * delivery reports: by default this node; with several nodes, an address in front of them all
   * (any node settles any report: they share the database).
   */
  @Bean
  KannelGateway.Settings kannelSettings(
      @Value("${cetak.sms.kannel.url:http://127.0.0.1:13013/cgi-bin/sendsms}") URI url,
      @Value("${cetak.sms.kannel.username:cetak}") String username,
      @Value("${cetak.sms.kannel.password:}") String password,
      @Value("${cetak.sms.kannel.from:DUKCAPIL}") String from,
      @Value("${cetak.sms.kannel.report-url:}") String reportUrl,
      @Value("${cetak.sms.kannel.report-token:}") String reportToken,
      @Value("${cetak.sms.timeout:PT10S}") Duration timeout,
      @Value("${server.port:8080}") int serverPort) {
    return new KannelGateway.Settings(
        url,
        username,
        password,
        from,
        URI.create(
            reportUrl.isBlank()
                ? "http://127.0.0.1:" + serverPort + "/sms/reports/kannel"
                : reportUrl),
        reportToken,
        timeout);
  }

  /**
   * The SMPP centre and our account there; a centre that cannot be reached is tried again after
   * {@code bind-backoff}, doubled up to {@code max-bind-backoff}, each try waiting at most {@code
   * connect-timeout}.
   */
  @Bean
  SmppGateway.Settings smppSettings(
      @Value("${cetak.sms.smpp.host:127.0.0.1}") String host,
      @Value("${cetak.sms.smpp.port:2775}") int port,
      @Value("${cetak.sms.smpp.system-id:cetak}") String systemId,
      @Value("${cetak.sms.smpp.password:}") String password,
      @Value("${cetak.sms.smpp.system-type:}") String systemType,
      @Value("${cetak.sms.smpp.source:DUKCAPIL}") String source,
      @Value("${cetak.sms.timeout:PT10S}") Duration timeout,
      @Value("${cetak.sms.smpp.enquire-link:PT30S}") Duration enquireLink,
      @Value("${cetak.sms.smpp.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${cetak.sms.smpp.bind-backoff:PT30S}") Duration bindBackoff,
      @Value("${cetak.sms.smpp.max-bind-backoff:PT10M}") Duration maxBindBackoff) {
    return new SmppGateway.Settings(
        host,
        port,
        systemId,
        password,
        systemType,
        source,
        timeout,
        enquireLink,
        connectTimeout,
        bindBackoff,
        maxBindBackoff);
  }

  /** The demo's own gateway ({@code demo}) is wired by the demo. */
  @Bean(destroyMethod = "")
  @ConditionalOnExpression("'${cetak.sms.gateway:file}' != 'demo'")
  SmsGateway smsGateway(
      Environment env,
      @Value("${cetak.sms.gateway:file}") String kind,
      KannelGateway.Settings kannel,
      SmppGateway.Settings smpp,
      ObjectProvider<DeliveryReports> reports,
      Clock clock) {
    SmsGateway gateway =
        switch (kind) {
          case "kannel" -> new KannelGateway(kannel);
          case "gammu" ->
              new GammuGateway(
                  new GammuGateway.Settings(
                      env.getRequiredProperty("cetak.sms.gammu.url"),
                      env.getProperty("cetak.sms.gammu.user", "smsd"),
                      env.getProperty("cetak.sms.gammu.password", "")));
          case "smpp" ->
              new SmppGateway(smpp, report -> reports.getObject().received(report), clock);
          case "file" ->
              new FileGateway(Path.of(env.getProperty("cetak.sms.file", ".cetak/sms.log")), clock);
          default ->
              throw new IllegalStateException(
                  "cetak.sms.gateway is file, kannel, gammu or smpp, not " + kind);
        };
    log.info("SMS notices leave through the {} gateway", gateway.name());
    return gateway;
  }

  /** The installation's sending rate, shared by every node through the database. */
  @Bean
  SendRate sendRate(DSLContext db, @Value("${cetak.sms.per-minute:60}") int perMinute) {
    return new JooqSendRate(db, perMinute);
  }

  @Bean
  Dispatcher dispatcher(
      NoticeStore store,
      Notices notices,
      SmsGateway gateway,
      SendRate rate,
      DeliveryReports reports,
      Transactions transactions,
      Clock clock,
      @Value("${cetak.sms.max-attempts:5}") int maxAttempts,
      @Value("${cetak.sms.first-backoff:PT1M}") Duration firstBackoff,
      @Value("${cetak.sms.max-backoff:PT1H}") Duration maxBackoff,
      @Value("${cetak.sms.report-wait:PT30M}") Duration reportWait,
      @Value("${cetak.sms.batch:50}") int batch,
      @Value("${cetak.station.node:${HOSTNAME:cetak}}") String node,
      @Value("${cetak.sms.report-deadline:PT2H}") Duration reportDeadline) {
    return new Dispatcher(
        store,
        notices,
        gateway,
        rate,
        reports,
        transactions,
        clock,
        new Dispatcher.Settings(
            maxAttempts,
            new Backoff(firstBackoff, maxBackoff),
            reportWait,
            batch,
            node,
            reportDeadline));
  }

  @Bean
  JobDetail smsDispatchJob() {
    return RecurringJobs.job(
        SmsDispatchJob.class,
        "sms-dispatch",
        "Send residents' SMS notices inside each office's window");
  }

  @Bean
  Trigger smsDispatchTrigger(
      JobDetail smsDispatchJob, @Value("${cetak.sms.every:PT30S}") Duration every) {
    return RecurringJobs.every(smsDispatchJob, every);
  }
}
