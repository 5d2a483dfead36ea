package org.cetak;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/**
 * The Cetak print room: web console, REST API, scheduler and print stations in one process.
 *
 * <p>{@code cetak serve} (the default) runs the print room, {@code cetak demo} runs it with
 * simulated hardware and sample data, and any other first argument is a command-line task ({@code
 * cetak --help} lists them) run without the web server.
 */
@SpringBootApplication
public class CetakApplication {

  /** Settings a command-line task runs with, above every configuration source. */
  static final Map<String, Object> COMMAND_LINE_TASK =
      Map.of(
          "cetak.cli.enabled",
          "true",
          "cetak.station.enabled",
          "false",
          "cetak.database.pool-size",
          "2",
          "spring.quartz.auto-startup",
          "false",
          "spring.autoconfigure.exclude",
          "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration,"
              + "org.springframework.boot.quartz.autoconfigure.QuartzEndpointAutoConfiguration");

  /** Settings of {@code cetak check} on top of those of every command. */
  static final Map<String, Object> CHECK =
      Map.of(
          "spring.flyway.enabled",
          "false",
          "logging.level.com.zaxxer.hikari",
          "OFF",
          "logging.level.org.cetak.platform.DatabaseConfiguration",
          "OFF");

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs Cetak in this JVM and returns its exit code (for a command; the server blocks). */
  public static int run(String[] args) {
    if (args.length > 0 && args[0].equals("--check")) {
      args = Arrays.copyOf(args, args.length);
      args[0] = "check";
    }
    String mode =
        args.length == 0 || (args[0].startsWith("--") && !isHelp(args[0])) ? "serve" : args[0];
    SpringApplication application = new SpringApplication(CetakApplication.class);
    Map<String, Object> defaults = new HashMap<>();
    switch (mode) {
      case "serve" -> {
        application.run(args.length > 0 && !args[0].startsWith("--") ? rest(args) : args);
        return waitForever();
      }
      case "demo" -> {
        application.setAdditionalProfiles("demo");
        application.run(rest(args));
        return waitForever();
      }
      default -> {
        application.setWebApplicationType(WebApplicationType.NONE);
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("logging.level.root", "WARN");
        application.setDefaultProperties(defaults);
        Map<String, Object> task = new HashMap<>(COMMAND_LINE_TASK);
        if (mode.equals("check")) {
          // the check looks at the installation as it is: it migrates nothing, and reports an
          // unreachable database in its own words rather than the pool's stack trace
          task.putAll(CHECK);
        }
        // whatever the configuration says, a command neither schedules nor prints: no Quartz
        // (its start-up would rewrite the server's triggers), no print stations; and it creates
        // only the beans it uses (the schema is still migrated first)
        application.setLazyInitialization(true);
        application.addListeners(
            (ApplicationListener<ApplicationEnvironmentPreparedEvent>)
                event ->
                    event
                        .getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("cetak-cli", task)));
        return SpringApplication.exit(application.run(args));
      }
    }
  }

  /**
   * {@code --help}, {@code -h} and {@code help} print the commands; they never start the server.
   */
  static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  private static String[] rest(String[] args) {
    return Arrays.copyOfRange(args, 1, args.length);
  }

  private static int waitForever() {
    // the web server's non-daemon threads keep the JVM up; main returns only on shutdown
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
