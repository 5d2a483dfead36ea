package org.cetak.notify.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.notify.Sms;
import org.cetak.notify.SmsGateway;

/**
 * A gateway that sends nothing: it appends each message to a file, the phone masked, for a demo
 * without Kannel and for an office trying Cetak out. The console shows the file's last lines.
 */
public final class FileGateway implements SmsGateway {

  private final Path file;
  private final Clock clock;

  public FileGateway(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "file";
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized Outcome send(Sms sms) {
    String line =
        clock.instant()
            + "\t"
            + sms.reference()
            + "\t"
            + Masking.phone(sms.phone())
            + "\t"
            + sms.text()
            + "\n";
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new Outcome.Accepted(Optional.of(sms.reference()));
    } catch (IOException e) {
      return new Outcome.Refused("Berkas SMS tidak dapat ditulis: " + e.getMessage(), true);
    }
  }

  /** The file's last lines, newest last. */
  public synchronized List<String> lastLines(int count) {
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.subList(Math.max(0, lines.size() - count), lines.size());
    } catch (IOException e) {
      return List.of("(" + e.getMessage() + ")");
    }
  }
}
