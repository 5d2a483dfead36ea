package org.cetak.cli;

import org.cetak.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a command prints when it fails, on one line without a stack trace: a refusal of the domain
 * in the catalogue's words of its code, as the API's problem document says it ({@link
 * CliText#refusal}); anything else by its messages. Exit code 1.
 */
public final class Failures implements CommandLine.IExecutionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(Failures.class);

  private final CliText text;

  public Failures(CliText text) {
    this.text = text;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
    log.debug("Command failed", e);
    commandLine
        .getErr()
        .println(
            e instanceof DomainException refused
                ? text.refusal(refused)
                : text.both("cli.failed") + ": " + describe(e));
    commandLine.getErr().flush();
    return 1;
  }

  /** The exception's message and its causes' on one line, without a stack trace. */
  private static String describe(Throwable e) {
    StringBuilder line = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (line.length() > 0) {
        line.append(": ");
      }
      line.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
    return line.toString();
  }
}
