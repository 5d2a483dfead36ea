package org.cetak.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Synthetic rows for import tests: real Kota Bogor kecamatan codes, invented people. */
public final class Residents {

  /** The smallest valid JPEG header a check looks at. */
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};

  private Residents() {}

  /** A valid row for a man born on {@code birth} with sequence {@code seq} in Bogor Tengah. */
  public static Map<String, String> row(int seq, LocalDate birth, String reason) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("nik", nik("327104", birth, false, seq));
    r.put("kk", "3271040101100" + String.format("%03d", seq % 1000));
    r.put("name", "BUDI SANTOSO " + seq);
    r.put("sex", "L");
    r.put("birth_place", "BOGOR");
    r.put("birth_date", birth.toString());
    r.put("blood_type", "O");
    r.put("address", "JL. MAWAR NO. " + seq);
    r.put("rt", "001");
    r.put("rw", "002");
    r.put("village", "PALEDANG");
    r.put("district", "BOGOR TENGAH");
    r.put("regency", "KOTA BOGOR");
    r.put("province", "JAWA BARAT");
    r.put("religion", "ISLAM");
    r.put("marital_status", "BELUM KAWIN");
    r.put("occupation", "PELAJAR/MAHASISWA");
    r.put("citizenship", "WNI");
    r.put("siak_status", "PRINT_READY_RECORD");
    r.put("siak_status_at", "2025-12-01T09:00:00+07:00");
    r.put("reason", reason);
    r.put("urgent_reason", "");
    r.put("vulnerable", "0");
    r.put("disabled", "0");
    r.put("suket_number", "");
    r.put("suket_date", "");
    r.put("phone", "0812-3456-7890");
    r.put("photo", "photos/" + seq + ".jpg");
    r.put("signature", "");
    r.put("fingerprints", "");
    return r;
  }

  public static String nik(String district, LocalDate birth, boolean female, int seq) {
    return district
        + String.format(
            "%02d%02d%02d",
            birth.getDayOfMonth() + (female ? 40 : 0), birth.getMonthValue(), birth.getYear() % 100)
        + String.format("%04d", seq);
  }

  /**
   * Writes a bundle directory: records.csv with these rows, and a photo for each row naming one.
   */
  public static Path bundle(Path dir, List<Map<String, String>> rows) {
    try {
      Files.createDirectories(dir.resolve("photos"));
      List<String> columns = new ArrayList<>(rows.get(0).keySet());
      StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
      for (Map<String, String> row : rows) {
        List<String> values = new ArrayList<>();
        for (String c : columns) {
          values.add(quote(row.get(c)));
        }
        csv.append(String.join(",", values)).append('\n');
        String photo = row.get("photo");
        if (photo != null && !photo.isEmpty()) {
          Files.write(dir.resolve(photo), JPEG);
        }
      }
      Files.writeString(dir.resolve("records.csv"), csv, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quote(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
