package org.cetak.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cetak.CetakApplication;
import org.cetak.db.testing.PostgresExtension;
import org.cetak.db.testing.TestDatabase;
import org.springframework.util.FileSystemUtils;

/**
 * The start of the command of a child JVM that runs the application: the test JVM's {@code java}
 * and class path, with a class-data archive (AppCDS) of the application that the first child of the
 * test JVM has recorded, so each child starts Spring in about half the CPU time (a test starts
 * dozens of them, and the tests share two cores).
 *
 * <p>The JVM archives classes from jars only, so the class path's directories (the application's
 * classes and the tests') go in as jars made of them once per test JVM, in the same place on the
 * path: the child sees the same classes and resources in the same order. The archive is recorded by
 * a training run, {@code serve} up to its refreshed context against a database of the test JVM's
 * PostgreSQL; when that fails the children start without an archive.
 */
public final class ChildJava {

  /** The places of the test JVMs' jars and archives. */
  private static final Path PLACES = Path.of("target", "child-java");

  /** This test JVM's place: test JVMs run side by side. */
  private static final Path HOME = PLACES.resolve(String.valueOf(ProcessHandle.current().pid()));

  private static List<String> start;

  private ChildJava() {}

  /**
   * {@code java}, the options given, the class-data archive and the class path: the command goes on
   * with the main class.
   */
  public static List<String> command(String... options) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(List.of(options));
    command.addAll(start());
    return command;
  }

  private static synchronized List<String> start() {
    if (start == null) {
      start = prepare();
    }
    return start;
  }

  private static List<String> prepare() {
    removeEnded();
    String classPath = jarredClassPath();
    Path archive = HOME.resolve("application.jsa").toAbsolutePath();
    List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    List<String> withArchive = new ArrayList<>();
    try {
      Files.deleteIfExists(archive);
      if (train(classPath, archive, quiet)) {
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        withArchive.addAll(quiet);
      }
    } catch (IOException e) {
      System.out.printf("Child JVMs start without a class-data archive: %s%n", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // a child's temporary files (its web server's directories among them) stay in this test JVM's
    // place, removed with it: a child killed by its test cannot delete them itself
    withArchive.add("-Djava.io.tmpdir=" + temporaryDirectory());
    withArchive.add("-cp");
    withArchive.add(classPath);
    return List.copyOf(withArchive);
  }

  private static boolean train(String classPath, Path archive, List<String> quiet)
      throws IOException, InterruptedException {
    TestDatabase database = PostgresExtension.createDatabase();
    try {
      List<String> command = new ArrayList<>();
      command.add(java());
      command.add("--add-opens");
      command.add("java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
      command.add("-Duser.timezone=Asia/Jakarta");
      command.add("-Xmx512m");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:ArchiveClassesAtExit=" + archive);
      command.addAll(quiet);
      command.add("-Dspring.context.exit=onRefresh");
      command.add("-cp");
      command.add(classPath);
      command.add(CetakApplication.class.getName());
      command.add("serve");
      command.add("--spring.profiles.active=simulated-print-room");
      command.add("--server.port=0");
      command.add("--spring.quartz.auto-startup=false");
      command.add("--cetak.demo.scenario=classpath:print-room/none.yaml");
      command.add("--cetak.database.url=" + database.jdbcUrl());
      command.add("--cetak.database.user=" + database.user());
      command.add("--cetak.database.password=" + database.password());
      Path log = HOME.resolve("training.log");
      Process training =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean ended = training.waitFor(5, TimeUnit.MINUTES);
      if (!ended) {
        training.destroyForcibly().waitFor();
      }
      boolean recorded = ended && training.exitValue() == 0 && Files.exists(archive);
      if (!recorded) {
        System.out.printf(
            "Child JVMs start without a class-data archive: the training run failed (%s)%n",
            log.toAbsolutePath());
      }
      return recorded;
    } finally {
      PostgresExtension.dropDatabase(database.name());
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createDirectories(HOME.resolve("tmp")).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the places of test JVMs that have ended. */
  private static void removeEnded() {
    if (!Files.isDirectory(PLACES)) {
      return;
    }
    try (Stream<Path> places = Files.list(PLACES)) {
      for (Path place : places.toList()) {
        String name = place.getFileName().toString();
        boolean running =
            name.chars().allMatch(Character::isDigit)
                && ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
        if (!running) {
          FileSystemUtils.deleteRecursively(place);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test JVM's class path with each directory replaced by a jar of it. */
  private static String jarredClassPath() {
    List<String> entries = new ArrayList<>();
    int directories = 0;
    for (String entry :
        Pattern.compile(Pattern.quote(File.pathSeparator))
            .splitAsStream(System.getProperty("java.class.path"))
            .toList()) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = HOME.resolve("classes-" + directories++ + ".jar").toAbsolutePath();
        jar(path, jar);
        entries.add(jar.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static void jar(Path directory, Path jar) {
    try {
      Files.createDirectories(jar.getParent());
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(file);
          Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted().toList()) {
          if (path.equals(directory)) {
            continue;
          }
          String name = directory.relativize(path).toString().replace('\\', '/');
          if (Files.isDirectory(path)) {
            out.putNextEntry(new JarEntry(name + "/"));
          } else {
            out.putNextEntry(new JarEntry(name));
            Files.copy(path, out);
          }
          out.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
