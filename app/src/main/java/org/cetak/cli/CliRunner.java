package org.cetak.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cetak.office.OfficeDirectory;
import org.springframework.beans.factory.ObjectProvider;
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

  /** Commands that run on an installation without an office. */
  private static final Set<String> WITHOUT_OFFICE = Set.of("setup", "status", "check", "help");

  private final ApplicationContext context;
  private final ObjectProvider<OfficeDirectory> offices;
  private final CliText text;
  private int exitCode;

  /**
   * The offices are looked up only for a command that needs one (the check may find no database).
   */
  public CliRunner(
      ApplicationContext context, ObjectProvider<OfficeDirectory> offices, CliText text) {
    this.context = context;
    this.offices = offices;
    this.text = text;
  }

  @Override
  public void run(String... args) {
    CommandLine cli = new CommandLine(new Cetak());
    String[] own = withoutSettings(args);
    Optional<String> command = Arrays.stream(own).filter(a -> !a.startsWith("-")).findFirst();
    // the command asked for is the only one created (others may need what is not there, such as
    // a database the check is to find unreachable); help and a wrong name list them all
    List<String> beans =
        Arrays.stream(context.getBeanNamesForAnnotation(Command.class))
            .filter(
                name -> {
                  Command annotation = context.findAnnotationOnBean(name, Command.class);
                  return annotation != null && command.map(annotation.name()::equals).orElse(false);
                })
            .toList();
    if (beans.isEmpty()) {
      beans = Arrays.asList(context.getBeanNamesForAnnotation(Command.class));
    }
    for (String name : beans) {
      Object bean = context.getBean(name);
      if (bean instanceof Callable<?> && !(bean instanceof Cetak)) {
        cli.addSubcommand(bean);
      }
    }
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    if (command.isPresent()
        && cli.getSubcommands().containsKey(command.get())
        && !WITHOUT_OFFICE.contains(command.get())
        && offices.getObject().offices().isEmpty()) {
      cli.getErr().println(text.both("cli.noOffice"));
      cli.getErr().flush();
      exitCode = 2;
      return;
    }
    cli.setExecutionExceptionHandler(new Failures(text));
    exitCode = cli.execute(own);
  }

  /**
   * The arguments without the {@code --key=value} settings Spring has already read (a key with a
   * dot, such as {@code --cetak.database.url=...}); the command's own options stay.
   */
  static String[] withoutSettings(String... args) {
    return Arrays.stream(args)
        .filter(
            arg -> {
              if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                return true;
              }
              return arg.substring(2, arg.indexOf('=')).indexOf('.') < 0;
            })
        .toArray(String[]::new);
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
