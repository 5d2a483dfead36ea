package org.cetak.demo;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cetak.common.Transactions;
import org.cetak.notify.NoticeSettings;
import org.cetak.notify.NoticeStore;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo's print room: Disdukcapil Kota Bogor with one kecamatan print point and one user per
 * role, all with the password {@value #PASSWORD}. Its SMS window is open all day, so that a trial
 * in the evening sees notices leave too. Seeds once; later runs keep what is there.
 */
@Component
@Profile({"demo", "simulated-print-room"})
@Order(0)
public class DemoSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  /** The demo users' password; a real installation creates its users with its own. */
  public static final String PASSWORD = "cetak-demo";

  public static final String OFFICE_CODE = "32.71";

  private final OfficeDirectory offices;
  private final PasswordEncoder passwords;
  private final Transactions transactions;
  private final Environment environment;
  private final NoticeStore notices;

  public DemoSeeder(
      OfficeDirectory offices,
      NoticeStore notices,
      PasswordEncoder passwords,
      Transactions transactions,
      Environment environment) {
    this.environment = environment;
    this.offices = offices;
    this.notices = notices;
    this.passwords = passwords;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    transactions.run(this::seed);
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      log.info(
          "Demo users loket, operator, blanko, kabid, inspektorat, admin; password {} (this process"
              + " serves no console)",
          PASSWORD);
      return;
    }
    log.info(
        "Demo console on http://localhost:{} - users loket, operator, blanko, kabid, inspektorat,"
            + " admin; password {}",
        port,
        PASSWORD);
  }

  private void seed() {
    if (offices.officeByCode(OFFICE_CODE).isPresent()) {
      return;
    }
    Office city =
        offices.addOffice(
            OFFICE_CODE,
            "Disdukcapil Kota Bogor",
            OfficeKind.KABUPATEN_KOTA,
            Optional.empty(),
            "Jl. Ir. H. Juanda No. 10, Bogor");
    offices.addOffice(
        "32.71.03",
        "Titik cetak Kecamatan Bogor Tengah",
        OfficeKind.KECAMATAN,
        Optional.of(city.id()),
        "Kantor Kecamatan Bogor Tengah");
    NoticeSettings usual = NoticeSettings.DEFAULT;
    notices.saveSettings(
        city.id(),
        new NoticeSettings(
            usual.zone(),
            usual.openingHours(),
            LocalTime.MIDNIGHT,
            LocalTime.of(23, 59, 59),
            usual.collectableWhen(),
            usual.reminderAfterDays()),
        "demo");
    String hash = passwords.encode(PASSWORD);
    user(city, "loket", "Siti Rahmawati (loket)", hash, EnumSet.of(Role.COUNTER_OFFICER));
    user(city, "operator", "Agus Saputra (operator cetak)", hash, EnumSet.of(Role.OPERATOR));
    user(
        city,
        "blanko",
        "Dewi Lestari (pengelola blanko)",
        hash,
        EnumSet.of(Role.INVENTORY_MANAGER));
    user(city, "kabid", "Bambang Hartono (kepala bidang)", hash, EnumSet.of(Role.SUPERVISOR));
    user(city, "inspektorat", "Rina Wulandari (inspektorat)", hash, EnumSet.of(Role.AUDITOR));
    user(city, "admin", "Administrator", hash, EnumSet.of(Role.ADMIN));
    // the two who sign the stock's reports, with synthetic NIPs
    signs(
        "blanko",
        "Dewi Lestari, S.E.",
        "19850317 201001 2 004",
        "Pengelola Blanko KTP-el pada Disdukcapil Kota Bogor");
    signs(
        "kabid",
        "Drs. Bambang Hartono, M.Si.",
        "19720805 199803 1 002",
        "Kepala Bidang Pelayanan Pendaftaran Penduduk");
  }

  private void signs(String username, String fullName, String nip, String position) {
    offices.setOfficialDetails(offices.user(username).orElseThrow().id(), fullName, nip, position);
  }

  private void user(Office office, String username, String name, String hash, Set<Role> roles) {
    offices.addUser(office.id(), username, name, hash, roles);
  }
}
