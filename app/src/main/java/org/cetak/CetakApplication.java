package org.cetak;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Cetak print room: web console, REST API, scheduler and print stations in one process.
 *
 * <p>{@code cetak serve} (the default) runs the print room, {@code cetak demo} runs it with
 * simulated hardware and sample data, and any other first argument is a command-line task ({@code
 * cetak --help} lists them) run without the web server.
 */
@SpringBootApplication
public class CetakApplication {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
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
        defaults.put("cetak.cli.enabled", "true");
        defaults.put("spring.quartz.auto-startup", "false");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("logging.level.root", "WARN");
        application.setDefaultProperties(defaults);
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
