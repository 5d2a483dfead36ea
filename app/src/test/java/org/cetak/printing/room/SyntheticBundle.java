package org.cetak.printing.room;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cetak.sim.registry.Resident;
import org.cetak.sim.registry.SyntheticResidents;

/**
 * Writes an import bundle of synthetic residents: records.csv with photos, signatures, templates.
 */
final class SyntheticBundle {

  private SyntheticBundle() {}

  static Path write(Path dir, long seed, int count) {
    try {
      Files.createDirectories(dir.resolve("photos"));
      Files.createDirectories(dir.resolve("signatures"));
      Files.createDirectories(dir.resolve("fingerprints"));
      List<Resident> residents = new SyntheticResidents(seed).first(count);
      List<String> columns = null;
      StringBuilder csv = new StringBuilder();
      for (Resident resident : residents) {
        Map<String, String> row = new LinkedHashMap<>(resident.fields());
        String nik = resident.nik();
        row.put("photo", "photos/" + nik + ".jpg");
        row.put("signature", "signatures/" + nik + ".png");
        row.put("fingerprints", "fingerprints/" + nik + ".bin");
        Files.write(dir.resolve(row.get("photo")), resident.photoJpeg());
        Files.write(dir.resolve(row.get("signature")), resident.signaturePng());
        Files.write(dir.resolve(row.get("fingerprints")), resident.fingerprints());
        if (columns == null) {
          columns = new ArrayList<>(row.keySet());
          csv.append(String.join(",", columns)).append('\n');
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(quote(row.getOrDefault(column, "")));
        }
        csv.append(String.join(",", values)).append('\n');
      }
      Files.writeString(dir.resolve("records.csv"), csv, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
