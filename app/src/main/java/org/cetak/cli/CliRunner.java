package org.cetak.cli;

import java.util.concurrent.Callable;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs one command-line task: every bean annotated with picocli's {@link Command} is a sub-command
 * of {@code cetak}.
 */
@Component
@ConditionalOnProperty(name = "cetak.cli.enabled", havingValue = "true")
public class CliRunner implements CommandLineRunner, ExitCodeGenerator {

  private final ApplicationContext context;
  private int exitCode;

  public CliRunner(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void run(String... args) {
    CommandLine cli = new CommandLine(new Cetak());
    context
        .getBeansWithAnnotation(Command.class)
        .values()
        .forEach(
            bean -> {
              if (bean instanceof Callable<?> && !(bean instanceof Cetak)) {
                cli.addSubcommand(bean);
              }
            });
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    exitCode = cli.execute(args);
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }

  /** The top-level command. */
  @Command(
      name = "cetak",
      mixinStandardHelpOptions = true,
      description = {
        "Cetak: ruang cetak KTP-el. Tanpa perintah, 'cetak serve' menjalankan konsol;"
            + " 'cetak demo' menjalankannya dengan printer simulasi.",
        "Cetak: the e-KTP print room. Without a command, 'cetak serve' runs the console."
      },
      usageHelpAutoWidth = true)
  static final class Cetak implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(System.out);
    }
  }
}
