package org.cetak.allocation.cli;

import picocli.CommandLine;

/**
 * Runs {@code bench} without the application context (it builds what it measures by hand on a
 * temporary embedded PostgreSQL): {@code java -cp app/target/cetak-app-*.jar
 * -Dloader.main=org.cetak.allocation.cli.BenchMain
 * org.springframework.boot.loader.launch.PropertiesLauncher allocation}.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }
}
