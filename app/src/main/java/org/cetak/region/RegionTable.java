package org.cetak.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Kemendagri region codes of kecamatan (districts), from the {@code idn-area-data} tables shipped
 * in {@code region/} (ODbL; see {@code region/ATTRIBUTION.md}). A NIK and a KK start with the six
 * digits {@code PPKKCC} of the kecamatan where they were issued.
 */
public final class RegionTable {

  private static final String DISTRICTS = "/region/districts.csv";
  private static final String REGENCIES = "/region/regencies.csv";

  /** kecamatan code without dots ({@code 327104}) to its name. */
  private final Map<String, String> districts;

  /** kabupaten/kota code without dots ({@code 3271}) to its name ({@code KOTA BOGOR}). */
  private final Map<String, String> regencies;

  private RegionTable(Map<String, String> districts, Map<String, String> regencies) {
    this.districts = Map.copyOf(districts);
    this.regencies = Map.copyOf(regencies);
  }

  /** The table shipped with Cetak. */
  public static RegionTable shipped() {
    try (InputStream in = resource(DISTRICTS);
        InputStream regencyRows = resource(REGENCIES)) {
      return new RegionTable(read(in).districts, rows(regencyRows, 4));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read region tables " + DISTRICTS + ", " + REGENCIES, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = RegionTable.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("Region table " + name + " is not on the classpath");
    }
    return in;
  }

  /** Reads {@code code,regency_code,name} rows with dotted codes ({@code 32.71.04}). */
  static RegionTable read(InputStream csv) throws IOException {
    return new RegionTable(rows(csv, 6), Map.of());
  }

  /** Reads {@code code,parent_code,name} rows whose code has {@code digits} digits without dots. */
  private static Map<String, String> rows(InputStream csv, int digits) throws IOException {
    Map<String, String> districts = new HashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null || !header.startsWith("code,")) {
      throw new IOException("Region table has no header row 'code,...'");
    }
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      int first = line.indexOf(',');
      int second = line.indexOf(',', first + 1);
      if (first < 0 || second < 0) {
        throw new IOException("Malformed region row: " + line);
      }
      String code = line.substring(0, first).replace(".", "");
      if (code.length() != digits) {
        throw new IOException("Region code does not have " + digits + " digits: " + line);
      }
      districts.put(code, line.substring(second + 1).replace("\"", ""));
    }
    return districts;
  }

  /** Whether {@code code} (six digits, no dots) is a known kecamatan. */
  public boolean isDistrict(String code) {
    return districts.containsKey(code);
  }

  public Optional<String> districtName(String code) {
    return Optional.ofNullable(districts.get(code));
  }

  /**
   * The kabupaten/kota of an office or region code ({@code 32.71} or {@code 32.71.03}: {@code KOTA
   * BOGOR}); empty when the code names none.
   */
  public Optional<String> regencyName(String code) {
    String digits = code == null ? "" : code.replace(".", "");
    return digits.length() < 4
        ? Optional.empty()
        : Optional.ofNullable(regencies.get(digits.substring(0, 4)));
  }

  public int size() {
    return districts.size();
  }
}
