package org.cetak.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The production profile refuses to start an installation that is not ready: without a configured
 * database and its password, with a secret (any {@code cetak.*} password, secret, token or key)
 * left at a well-known default, together with the demo profile, or with the demo's accounts and
 * their published password.
 */
@Component
@Profile("production")
public class ProductionChecks implements SmartInitializingSingleton {

  /** Values no secret of a production installation may have. */
  static final Set<String> DEFAULT_SECRETS =
      Set.of("", "changeme", "change-me", "secret", "password", "cetak", "cetak-demo", "admin");

  /** The demo's accounts, whose password is printed in the README. */
  static final Set<String> DEMO_USERS =
      Set.of("loket", "operator", "blanko", "kabid", "inspektorat", "admin");

  static final String DEMO_PASSWORD = "cetak-demo";

  private final OfficeDirectory offices;
  private final PasswordEncoder passwords;

  public ProductionChecks(
      ConfigurableEnvironment environment, OfficeDirectory offices, PasswordEncoder passwords) {
    this.offices = offices;
    this.passwords = passwords;
    List<String> problems = configurationProblems(environment);
    if (!problems.isEmpty()) {
      throw new ProductionCheckFailure(problems);
    }
  }

  /** What keeps this configuration from running in production; empty when nothing does. */
  public static List<String> configurationProblems(ConfigurableEnvironment environment) {
    List<String> problems = new ArrayList<>();
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      problems.add("the demo profile is active together with production");
    }
    String url = environment.getProperty("cetak.database.url", "");
    if (url.isBlank()) {
      problems.add("no database configured: set CETAK_DATABASE_URL (cetak.database.url)");
    }
    String password = environment.getProperty("cetak.database.password", "");
    if (password.isBlank()) {
      problems.add(
          "no database password configured: set CETAK_DATABASE_PASSWORD"
              + " (cetak.database.password)");
    }
    for (String name : secretNames(environment)) {
      String value = environment.getProperty(name, "").strip().toLowerCase(Locale.ROOT);
      boolean reported = name.equals("cetak.database.password") && value.isEmpty();
      if (!reported && DEFAULT_SECRETS.contains(value)) {
        problems.add(name + " is empty or a well-known default");
      }
    }
    return problems;
  }

  private static Set<String> secretNames(ConfigurableEnvironment environment) {
    Set<String> names = new TreeSet<>();
    for (var source : environment.getPropertySources()) {
      if (source instanceof EnumerablePropertySource<?> enumerable) {
        for (String name : enumerable.getPropertyNames()) {
          String lower = name.toLowerCase(Locale.ROOT);
          if (lower.startsWith("cetak.")
              && (lower.endsWith("password")
                  || lower.endsWith("secret")
                  || lower.endsWith("token")
                  || lower.endsWith("key"))) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** The demo's accounts with the demo's password must not exist in production. */
  @Override
  public void afterSingletonsInstantiated() {
    List<String> problems = new ArrayList<>();
    for (Office office : offices.offices()) {
      for (User user : offices.users(office.id())) {
        if (DEMO_USERS.contains(user.username())
            && user.passwordHash() != null
            && passwords.matches(DEMO_PASSWORD, user.passwordHash())) {
          problems.add(
              "user " + user.username() + " still has the demo's published password: change it");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ProductionCheckFailure(problems);
    }
  }

  /** Why the production profile refused to start. */
  public static final class ProductionCheckFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ProductionCheckFailure(List<String> problems) {
      super(String.join("\n", problems));
    }
  }
}
