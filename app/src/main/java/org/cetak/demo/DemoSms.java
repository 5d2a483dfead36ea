package org.cetak.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.cetak.notify.SmsGateway;
import org.cetak.notify.gateway.FileGateway;
import org.cetak.platform.DatabaseProperties;
import org.cetak.platform.SchedulerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The demo's SMS gateway ({@code cetak.sms.gateway=demo}, the demo's default): Kannel with a fake
 * SMS centre started by the demo when Debian's {@code kannel} and {@code kannel-extras} are
 * installed, its configuration and logs in {@code kannel/} beside the embedded database's data
 * directory; otherwise the file gateway, and the log says so.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnProperty(name = "cetak.sms.gateway", havingValue = "demo")
public class DemoSms {

  private static final Logger log = LoggerFactory.getLogger(DemoSms.class);

  @Bean(initMethod = "start", destroyMethod = "close")
  @Conditional(KannelInstalled.class)
  DemoKannel demoKannel(
      DatabaseProperties database,
      Environment environment,
      @Value("${cetak.sms.kannel.report-token}") String reportToken,
      @Value("${cetak.sms.timeout:PT10S}") Duration timeout,
      @Value("${cetak.demo.kannel-prefix:/usr}") String kannelPrefix) {
    Path dir = database.embeddedDataDir().toAbsolutePath().normalize().resolveSibling("kannel");
    return new DemoKannel(
        new DemoKannel.Binaries(Path.of(kannelPrefix)), dir, environment, reportToken, timeout);
  }

  @Bean
  @Conditional(KannelMissing.class)
  SmsGateway demoSmsFile(
      @Value("${cetak.sms.file:.cetak/sms.log}") String file,
      @Value("${cetak.demo.kannel-prefix:/usr}") String kannelPrefix,
      Clock clock) {
    log.info(
        "Kannel tidak terpasang di {} (apt-get install kannel kannel-extras): SMS demo ditulis ke"
            + " {} / Kannel is not installed: the demo writes its SMS to that file",
        kannelPrefix,
        file);
    return new FileGateway(Path.of(file), clock);
  }

  /**
   * The scheduler waits for its running jobs when it shuts down: the demo's Kannel stops after it,
   * so that a dispatch in progress is answered.
   */
  @Bean
  static BeanFactoryPostProcessor schedulerBeforeDemoKannel() {
    return factory -> SchedulerConfiguration.destroySchedulerBefore(factory, "demoKannel");
  }

  private static boolean kannelInstalled(ConditionContext context) {
    return new DemoKannel.Binaries(
            Path.of(context.getEnvironment().getProperty("cetak.demo.kannel-prefix", "/usr")))
        .installed();
  }

  static final class KannelInstalled implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return kannelInstalled(context);
    }
  }

  static final class KannelMissing implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !kannelInstalled(context);
    }
  }
}
