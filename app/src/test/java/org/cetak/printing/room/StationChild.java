package org.cetak.printing.room;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cetak.CetakApplication;
import org.cetak.sim.remote.ReaderBridge;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.support.ChildJava;

/**
 * The application in a child process of the test, driving the test's simulated printers over TCP
 * (their chip readers over a loopback bridge), so the printers and their ground truth outlive it.
 */
final class StationChild {

  private StationChild() {}

  /**
   * Starts {@code serve} against a database, one printer per TCP port of the room.
   *
   * @param quick a child that lives only seconds: the quick compiler starts it sooner
   */
  static Process start(
      SimulatedRoom room,
      ReaderBridge readers,
      Path log,
      Database database,
      String node,
      String dialect,
      boolean quick)
      throws IOException {
    return start(
        room,
        room.tcpPorts().keySet(),
        readers,
        log,
        database,
        node,
        dialect,
        quick,
        List.of("--server.port=0", "--spring.quartz.auto-startup=false"));
  }

  /**
   * Starts {@code serve} against a database driving the room's printers named, with more arguments:
   * a node of several, with its scheduler and its web server.
   */
  static Process start(
      SimulatedRoom room,
      Collection<String> printers,
      ReaderBridge readers,
      Path log,
      Database database,
      String node,
      String dialect,
      boolean quick,
      List<String> more)
      throws IOException {
    List<String> command = java(quick);
    command.add(CetakApplication.class.getName());
    command.add("serve");
    command.add("--spring.profiles.active=simulated-print-room");
    command.addAll(more);
    command.addAll(database.arguments());
    command.add("--cetak.demo.scenario=classpath:print-room/none.yaml");
    command.add("--cetak.demo.readers=remote:" + readers.port());
    command.add("--cetak.station.enabled=true");
    command.add("--cetak.station.node=" + node);
    command.add("--cetak.station.time-scale=0.02");
    command.add("--cetak.station.chip-wait=1s");
    command.add("--cetak.station.idle-wait=20ms");
    command.add("--cetak.station.halted-wait=20ms");
    command.add("--cetak.station.lease=3s");
    int i = 0;
    for (Map.Entry<String, Integer> entry : room.tcpPorts().entrySet()) {
      if (!printers.contains(entry.getKey())) {
        continue;
      }
      String prefix = "--cetak.station.printers[" + i++ + "].";
      command.add(prefix + "office=32.71");
      command.add(prefix + "code=" + entry.getKey());
      command.add(prefix + "link=tcp://127.0.0.1:" + entry.getValue());
      command.add(prefix + "reader=Cetak Sim Reader " + entry.getKey());
      command.add(prefix + "dialect=" + dialect);
    }
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** Runs a command-line task of the application against a database. */
  static Process command(Path log, Database database, String... task) throws IOException {
    List<String> command = java(true);
    command.add(CetakApplication.class.getName());
    command.addAll(List.of(task));
    command.addAll(database.arguments());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static List<String> java(boolean quick) {
    List<String> options = new ArrayList<>();
    options.add("--add-opens");
    options.add("java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
    options.add("-Duser.timezone=Asia/Jakarta");
    options.add("-Xmx512m");
    if (quick) {
      options.add("-XX:TieredStopAtLevel=1");
    }
    return ChildJava.command(options.toArray(String[]::new));
  }

  /** How the child reaches its database. */
  record Database(String url, String user, String password) {
    List<String> arguments() {
      List<String> arguments = new ArrayList<>();
      arguments.add("--cetak.database.url=" + url);
      arguments.add("--cetak.database.user=" + user);
      if (!password.isEmpty()) {
        arguments.add("--cetak.database.password=" + password);
      }
      return arguments;
    }

    @Override
    public String toString() {
      return "Database[" + url + ", user " + user + "]";
    }
  }
}
