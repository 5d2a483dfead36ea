package org.cetak.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.cetak.platform.Problems;
import org.springframework.context.support.ResourceBundleMessageSource;
import picocli.CommandLine;

/**
 * One run of a command of {@code ./cetak} in this JVM, as {@link CliRunner} runs it (the same
 * failure handling), with what it printed.
 */
public record CommandRun(int exit, String out, String err) {

  /** The message bundles as the application reads them. */
  public static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/messages", "i18n/counter", "i18n/labels", "i18n/queue");
    messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  /** The command line's words from the application's bundles. */
  public static CliText text() {
    ResourceBundleMessageSource messages = bundles();
    return new CliText(messages, new Problems(messages));
  }

  /** Runs {@code command} with {@code args}. */
  public static CommandRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(new Failures(text()));
    int exit = cli.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
