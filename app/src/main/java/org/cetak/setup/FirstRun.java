package org.cetak.setup;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.common.TimeZones;
import org.cetak.common.Transactions;
import org.cetak.office.Accounts;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockError;

/**
 * A fresh installation sets itself up once: the office (region code, name, address, opening hours,
 * time zone), its printers and its first administrator, in one transaction. Nothing else creates an
 * office or a user outside the demo; once an office exists, setup refuses to run again.
 */
public final class FirstRun {

  /** Time zones of Indonesia: WIB, WITA, WIT. */
  public static final Set<String> ZONES = TimeZones.NAMES.keySet();

  private static final Pattern REGION = Pattern.compile("\\d{2}\\.\\d{2}");
  private static final Pattern HOURS =
      Pattern.compile("([01]\\d|2[0-3])\\.[0-5]\\d-([01]\\d|2[0-3])\\.[0-5]\\d");
  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
  private static final Pattern PRINTER = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,15}");
  static final int MIN_PASSWORD = 10;

  /** Where an office's opening hours and time zone are kept. */
  public interface OfficeSchedule {
    void set(long officeId, String openingHours, String timeZone);
  }

  /** What the office enters at its first run. */
  public record Request(
      String regionCode,
      String name,
      String address,
      String openingHours,
      String timeZone,
      List<PrinterSpec> printers,
      String adminUsername,
      String adminName,
      String adminPassword) {

    @Override
    public String toString() {
      return "FirstRun.Request[" + regionCode + " " + name + ", admin " + adminUsername + "]";
    }
  }

  /** A printer cabled to the office's server. */
  public record PrinterSpec(String code, String model) {}

  private final OfficeDirectory offices;
  private final OfficeSchedule schedule;
  private final PrinterRegistry printerRegistry;
  private final Transactions transactions;
  private final UnaryOperator<String> hashPassword;

  public FirstRun(
      OfficeDirectory offices,
      OfficeSchedule schedule,
      PrinterRegistry printerRegistry,
      Transactions transactions,
      UnaryOperator<String> hashPassword) {
    this.offices = offices;
    this.schedule = schedule;
    this.printerRegistry = printerRegistry;
    this.transactions = transactions;
    this.hashPassword = hashPassword;
  }

  /** True until an office exists. */
  public boolean needed() {
    return offices.offices().isEmpty();
  }

  /** Creates the office, its administrator and its printers; refused once an office exists. */
  public Office run(Request request) {
    validate(request);
    return transactions.inTransaction(
        () -> {
          if (!needed()) {
            throw new DomainException(
                OfficeError.ALREADY_SET_UP,
                "Instalasi ini sudah punya kantor; setup hanya sekali. / This installation already"
                    + " has an office; setup runs once.");
          }
          Office office =
              offices.addOffice(
                  request.regionCode(),
                  request.name().strip(),
                  OfficeKind.KABUPATEN_KOTA,
                  Optional.empty(),
                  request.address().strip());
          schedule.set(office.id(), request.openingHours(), request.timeZone());
          User admin =
              offices.addUser(
                  office.id(),
                  request.adminUsername(),
                  request.adminName().isBlank() ? "Administrator" : request.adminName().strip(),
                  hashPassword.apply(request.adminPassword()),
                  EnumSet.allOf(Role.class));
          for (PrinterSpec printer : request.printers()) {
            printerRegistry.register(
                office.id(),
                printer.code(),
                "Printer " + printer.code(),
                printer.model().isBlank() ? "card printer" : printer.model(),
                admin);
          }
          return office;
        });
  }

  private static void validate(Request r) {
    if (r.regionCode() == null || !REGION.matcher(r.regionCode()).matches()) {
      throw invalid(
          OfficeError.INVALID_REGION_CODE,
          "Kode wilayah kabupaten/kota seperti 32.71 / A kabupaten/kota region code such as 32.71");
    }
    if (r.name() == null || r.name().isBlank()) {
      throw invalid(
          OfficeError.INVALID_OFFICE_NAME, "Nama kantor wajib diisi / The office needs a name");
    }
    if (r.address() == null || r.address().isBlank()) {
      throw invalid(
          OfficeError.INVALID_ADDRESS, "Alamat kantor wajib diisi / The office needs an address");
    }
    if (r.openingHours() == null || !HOURS.matcher(r.openingHours()).matches()) {
      throw invalid(
          OfficeError.INVALID_OPENING_HOURS,
          "Jam buka seperti 08.00-15.00 / Opening hours such as 08.00-15.00");
    }
    if (!ZONES.contains(r.timeZone())) {
      throw invalid(
          OfficeError.INVALID_TIME_ZONE,
          "Zona waktu: Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT) / Time"
              + " zone: Asia/Jakarta, Asia/Makassar or Asia/Jayapura");
    }
    if (r.adminUsername() == null || !USERNAME.matcher(r.adminUsername()).matches()) {
      throw invalid(
          OfficeError.INVALID_USERNAME,
          "Nama pengguna: 3-32 huruf kecil, angka, titik, garis / Username: 3-32 lower-case"
              + " letters, digits, dots, dashes");
    }
    if (r.adminPassword() == null || r.adminPassword().length() < MIN_PASSWORD) {
      throw invalid(
          OfficeError.PASSWORD_TOO_SHORT,
          "Kata sandi minimal "
              + MIN_PASSWORD
              + " karakter / The password needs at least "
              + MIN_PASSWORD
              + " characters");
    }
    Accounts.requireHashable(r.adminPassword());
    for (PrinterSpec p : r.printers()) {
      if (!PRINTER.matcher(p.code()).matches()) {
        throw invalid(
            StockError.INVALID_PRINTER_CODE,
            "Kode printer seperti PRN-1 / A printer code such as PRN-1: " + p.code());
      }
    }
  }

  private static DomainException invalid(ErrorCode code, String message) {
    return new DomainException(code, message);
  }
}
