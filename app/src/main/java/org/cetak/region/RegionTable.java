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

  /** kecamatan code without dots ({@code 327104}) to its name. */
  private final Map<String, String> districts;

  private RegionTable(Map<String, String> districts) {
    this.districts = Map.copyOf(districts);
  }

  /** The table shipped with Cetak. */
  public static RegionTable shipped() {
    try (InputStream in = RegionTable.class.getResourceAsStream(DISTRICTS)) {
      if (in == null) {
        throw new IllegalStateException("Region table " + DISTRICTS + " is not on the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read region table " + DISTRICTS, e);
    }
  }

  /** Reads {@code code,regency_code,name} rows with dotted codes ({@code 32.71.04}). */
  static RegionTable read(InputStream csv) throws IOException {
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
      if (code.length() != 6) {
        throw new IOException("Kecamatan code is not PP.KK.CC: " + line);
      }
      districts.put(code, line.substring(second + 1).replace("\"", ""));
    }
    return new RegionTable(districts);
  }

  /** Whether {@code code} (six digits, no dots) is a known kecamatan. */
  public boolean isDistrict(String code) {
    return districts.containsKey(code);
  }

  public Optional<String> districtName(String code) {
    return Optional.ofNullable(districts.get(code));
  }

  public int size() {
    return districts.size();
  }
}
