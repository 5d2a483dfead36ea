package org.cetak.office;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.cetak.common.Transactions;

/**
 * The directory keeping the users and offices it read for at most {@code maxAge}: every console
 * request asks for the signed-in user and the office it acts for, and reading them from the
 * database each time was a tenth of a page's processor time.
 *
 * <p>What stays correct: a change made through this directory (a user disabled, roles or offices
 * assigned, a password set, a lock, an office added) drops everything kept, once when it is made
 * and again when its transaction ends, and nothing read while such a transaction is open is kept;
 * so this process's next read after the commit reads the database. A change made by another process
 * on the same database (a second node, a command of {@code ./cetak}) is seen here after at most
 * {@code maxAge}. Unknown users and offices are not kept (a stranger's guesses cannot fill the
 * memory), nor are the lists of users an administrator reads.
 */
public final class CachedDirectory implements OfficeDirectory {

  private final OfficeDirectory directory;
  private final Transactions transactions;
  private final long maxAgeNanos;
  private final LongSupplier nanoTime;

  private final Map<Object, Kept> kept = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger changing = new AtomicInteger();

  /** The whole list of offices, kept under this key beside the offices by id and by code. */
  private static final Object ALL_OFFICES = new Object();

  private record Kept(Object value, long readAt) {}

  private record UserKey(String username) {}

  private record OfficeId(long id) {}

  private record OfficeCode(String code) {}

  /**
   * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime} but in tests)
   */
  public CachedDirectory(
      OfficeDirectory directory,
      Transactions transactions,
      Duration maxAge,
      LongSupplier nanoTime) {
    this.directory = directory;
    this.transactions = transactions;
    this.maxAgeNanos = Math.max(0, maxAge.toNanos());
    this.nanoTime = nanoTime;
  }

  @Override
  public List<Office> offices() {
    return this.<List<Office>>read(ALL_OFFICES, directory::offices).orElseThrow();
  }

  @Override
  public Optional<Office> office(long id) {
    return read(new OfficeId(id), () -> directory.office(id).orElse(null));
  }

  @Override
  public Optional<Office> officeByCode(String code) {
    return read(new OfficeCode(code), () -> directory.officeByCode(code).orElse(null));
  }

  @Override
  public Optional<User> user(String username) {
    return read(new UserKey(username), () -> directory.user(username).orElse(null));
  }

  @Override
  public List<User> users(long officeId) {
    return directory.users(officeId);
  }

  @Override
  public List<User> users() {
    return directory.users();
  }

  @Override
  public Office addOffice(
      String code, String name, OfficeKind kind, Optional<Long> parentId, String address) {
    return change(() -> directory.addOffice(code, name, kind, parentId, address));
  }

  @Override
  public User addUser(
      long officeId, String username, String displayName, String passwordHash, Set<Role> roles) {
    return change(() -> directory.addUser(officeId, username, displayName, passwordHash, roles));
  }

  @Override
  public Optional<RoleHolder> holder(long officeId, Role role, Instant at) {
    return directory.holder(officeId, role, at);
  }

  @Override
  public void assign(long userId, long officeId, Set<Long> alsoOffices, Set<Role> roles) {
    change(() -> directory.assign(userId, officeId, alsoOffices, roles));
  }

  @Override
  public void setOfficialDetails(long userId, String displayName, String nip, String position) {
    change(() -> directory.setOfficialDetails(userId, displayName, nip, position));
  }

  @Override
  public void setEnabled(long userId, boolean enabled) {
    change(() -> directory.setEnabled(userId, enabled));
  }

  @Override
  public void setPasswordHash(long userId, String passwordHash) {
    change(() -> directory.setPasswordHash(userId, passwordHash));
  }

  @Override
  public int recordFailedLogin(long userId, int lockAt, Instant at) {
    return change(() -> directory.recordFailedLogin(userId, lockAt, at));
  }

  @Override
  public void recordSuccessfulLogin(long userId) {
    change(() -> directory.recordSuccessfulLogin(userId));
  }

  @Override
  public void unlock(long userId) {
    change(() -> directory.unlock(userId));
  }

  /**
   * The value kept under the key if it is young enough, else read (null: none, and not kept). A
   * read is kept only if no change began or ended while it was read and none is under way: the
   * check after storing takes back what a change dropped in between.
   */
  @SuppressWarnings("unchecked") // each key type is stored with one value type only
  private <T> Optional<T> read(Object key, Supplier<T> read) {
    long now = nanoTime.getAsLong();
    Kept found = kept.get(key);
    if (found != null && now - found.readAt() < maxAgeNanos) {
      return Optional.of((T) found.value());
    }
    long before = generation.get();
    T value = read.get();
    if (value != null && maxAgeNanos > 0 && changing.get() == 0) {
      Kept fresh = new Kept(value, now);
      kept.put(key, fresh);
      if (changing.get() != 0 || generation.get() != before) {
        kept.remove(key, fresh);
      }
    }
    return Optional.ofNullable(value);
  }

  private <T> T change(Supplier<T> write) {
    changing.incrementAndGet();
    forget();
    try {
      return write.get();
    } finally {
      transactions.whenEnded(this::changed);
    }
  }

  private void change(Runnable write) {
    change(
        () -> {
          write.run();
          return null;
        });
  }

  private void changed() {
    forget();
    changing.decrementAndGet();
  }

  private void forget() {
    generation.incrementAndGet();
    kept.clear();
  }
}
