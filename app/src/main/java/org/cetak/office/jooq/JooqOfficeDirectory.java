package org.cetak.office.jooq;

import static org.cetak.db.jooq.Tables.APP_USER;
import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.ROLE_HOLDING;
import static org.cetak.db.jooq.Tables.USER_OFFICE;
import static org.cetak.db.jooq.Tables.USER_ROLE;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cetak.common.DomainException;
import org.cetak.db.jooq.tables.records.AppUserRecord;
import org.cetak.db.jooq.tables.records.OfficeRecord;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.office.RoleHolder;
import org.cetak.office.User;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** Offices and users in PostgreSQL. */
public final class JooqOfficeDirectory implements OfficeDirectory {

  private static final Field<String[]> ROLES =
      DSL.array(
          DSL.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(APP_USER.ID)));

  private static final Field<Long[]> OFFICES =
      DSL.array(
          DSL.select(USER_OFFICE.OFFICE_ID)
              .from(USER_OFFICE)
              .where(USER_OFFICE.USER_ID.eq(APP_USER.ID)));

  private final DSLContext db;
  private final Clock clock;

  public JooqOfficeDirectory(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public List<Office> offices() {
    return db.selectFrom(OFFICE).orderBy(OFFICE.ID).fetch(JooqOfficeDirectory::toOffice);
  }

  @Override
  public Optional<Office> office(long id) {
    return db.selectFrom(OFFICE)
        .where(OFFICE.ID.eq(id))
        .fetchOptional(JooqOfficeDirectory::toOffice);
  }

  @Override
  public Optional<Office> officeByCode(String code) {
    return db.selectFrom(OFFICE)
        .where(OFFICE.CODE.eq(code))
        .fetchOptional(JooqOfficeDirectory::toOffice);
  }

  @Override
  public Office addOffice(
      String code, String name, OfficeKind kind, Optional<Long> parentId, String address) {
    if (officeByCode(code).isPresent()) {
      throw new DomainException(
          OfficeError.OFFICE_EXISTS, "Office code " + code + " is already taken", code);
    }
    parentId.ifPresent(
        p -> {
          if (office(p).isEmpty()) {
            throw new DomainException(
                OfficeError.UNKNOWN_OFFICE, "Parent office " + p + " not found");
          }
        });
    OfficeRecord row =
        db.insertInto(OFFICE)
            .set(OFFICE.CODE, code)
            .set(OFFICE.NAME, name)
            .set(OFFICE.KIND, kind.name())
            .set(OFFICE.PARENT_ID, parentId.orElse(null))
            .set(OFFICE.ADDRESS, address)
            .set(OFFICE.CREATED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle();
    return toOffice(row);
  }

  @Override
  public Optional<User> user(String username) {
    return withGrants().where(APP_USER.USERNAME.eq(username)).fetchOptional().map(this::toUser);
  }

  @Override
  public List<User> users(long officeId) {
    return withGrants()
        .where(APP_USER.OFFICE_ID.eq(officeId))
        .orderBy(APP_USER.USERNAME)
        .fetch()
        .map(this::toUser);
  }

  @Override
  public User addUser(
      long officeId, String username, String displayName, String passwordHash, Set<Role> roles) {
    if (office(officeId).isEmpty()) {
      throw new DomainException(OfficeError.UNKNOWN_OFFICE, "Office " + officeId + " not found");
    }
    if (user(username).isPresent()) {
      throw new DomainException(
          OfficeError.USER_EXISTS, "Username " + username + " is already taken", username);
    }
    AppUserRecord row =
        db.insertInto(APP_USER)
            .set(APP_USER.OFFICE_ID, officeId)
            .set(APP_USER.USERNAME, username)
            .set(APP_USER.DISPLAY_NAME, displayName)
            .set(APP_USER.PASSWORD_HASH, passwordHash)
            .set(APP_USER.CREATED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle();
    for (Role role : roles) {
      db.insertInto(USER_ROLE)
          .set(USER_ROLE.USER_ID, row.getId())
          .set(USER_ROLE.ROLE, role.name())
          .execute();
    }
    recordHoldings(row.getId());
    return toUser(row);
  }

  @Override
  public List<User> users() {
    return withGrants().orderBy(APP_USER.USERNAME).fetch().map(this::toUser);
  }

  @Override
  public void assign(long userId, long officeId, Set<Long> alsoOffices, Set<Role> roles) {
    db.update(APP_USER).set(APP_USER.OFFICE_ID, officeId).where(APP_USER.ID.eq(userId)).execute();
    db.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).execute();
    for (Role role : roles) {
      db.insertInto(USER_ROLE)
          .set(USER_ROLE.USER_ID, userId)
          .set(USER_ROLE.ROLE, role.name())
          .execute();
    }
    db.deleteFrom(USER_OFFICE).where(USER_OFFICE.USER_ID.eq(userId)).execute();
    for (Long office : alsoOffices) {
      db.insertInto(USER_OFFICE)
          .set(USER_OFFICE.USER_ID, userId)
          .set(USER_OFFICE.OFFICE_ID, office)
          .execute();
    }
    recordHoldings(userId);
  }

  @Override
  public void setOfficialDetails(long userId, String displayName, String nip, String position) {
    db.update(APP_USER)
        .set(APP_USER.DISPLAY_NAME, displayName)
        .set(APP_USER.NIP, nip)
        .set(APP_USER.POSITION, position)
        .where(APP_USER.ID.eq(userId))
        .execute();
    recordHoldings(userId);
  }

  @Override
  public void setEnabled(long userId, boolean enabled) {
    db.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(userId)).execute();
    recordHoldings(userId);
  }

  @Override
  public Optional<RoleHolder> holder(long officeId, Role role, Instant at) {
    OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    return db.selectFrom(ROLE_HOLDING)
        .where(ROLE_HOLDING.OFFICE_ID.eq(officeId))
        .and(ROLE_HOLDING.ROLE.eq(role.name()))
        .and(ROLE_HOLDING.VALID_FROM.le(when))
        .and(ROLE_HOLDING.VALID_UNTIL.isNull().or(ROLE_HOLDING.VALID_UNTIL.gt(when)))
        .orderBy(ROLE_HOLDING.NIP.eq("").asc(), ROLE_HOLDING.USER_ID.asc())
        .limit(1)
        .fetchOptional(
            r -> new RoleHolder(r.getUserId(), r.getName(), r.getNip(), r.getPosition()));
  }

  /**
   * Brings the user's role holdings up to the account as it is now, in the caller's transaction: a
   * holding the account no longer has as it was (role, office, enabled, name, NIP, position) ends
   * now (or is dropped when it began at this same moment), and what the account holds now begins.
   */
  private void recordHoldings(long userId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    var current =
        DSL.selectOne()
            .from(APP_USER)
            .join(USER_ROLE)
            .on(USER_ROLE.USER_ID.eq(APP_USER.ID))
            .where(APP_USER.ID.eq(ROLE_HOLDING.USER_ID))
            .and(APP_USER.ENABLED)
            .and(APP_USER.OFFICE_ID.eq(ROLE_HOLDING.OFFICE_ID))
            .and(USER_ROLE.ROLE.eq(ROLE_HOLDING.ROLE))
            .and(APP_USER.DISPLAY_NAME.eq(ROLE_HOLDING.NAME))
            .and(APP_USER.NIP.eq(ROLE_HOLDING.NIP))
            .and(APP_USER.POSITION.eq(ROLE_HOLDING.POSITION));
    var ended =
        ROLE_HOLDING
            .USER_ID
            .eq(userId)
            .and(ROLE_HOLDING.VALID_UNTIL.isNull())
            .andNotExists(current);
    db.deleteFrom(ROLE_HOLDING).where(ended).and(ROLE_HOLDING.VALID_FROM.ge(now)).execute();
    db.update(ROLE_HOLDING).set(ROLE_HOLDING.VALID_UNTIL, now).where(ended).execute();
    db.insertInto(
            ROLE_HOLDING,
            ROLE_HOLDING.USER_ID,
            ROLE_HOLDING.OFFICE_ID,
            ROLE_HOLDING.ROLE,
            ROLE_HOLDING.NAME,
            ROLE_HOLDING.NIP,
            ROLE_HOLDING.POSITION,
            ROLE_HOLDING.VALID_FROM)
        .select(
            DSL.select(
                    APP_USER.ID,
                    APP_USER.OFFICE_ID,
                    USER_ROLE.ROLE,
                    APP_USER.DISPLAY_NAME,
                    APP_USER.NIP,
                    APP_USER.POSITION,
                    DSL.val(now))
                .from(APP_USER)
                .join(USER_ROLE)
                .on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ID.eq(userId))
                .and(APP_USER.ENABLED)
                .andNotExists(
                    DSL.selectOne()
                        .from(ROLE_HOLDING)
                        .where(ROLE_HOLDING.USER_ID.eq(APP_USER.ID))
                        .and(ROLE_HOLDING.OFFICE_ID.eq(APP_USER.OFFICE_ID))
                        .and(ROLE_HOLDING.ROLE.eq(USER_ROLE.ROLE))
                        .and(ROLE_HOLDING.VALID_UNTIL.isNull())))
        .execute();
  }

  @Override
  public void setPasswordHash(long userId, String passwordHash) {
    db.update(APP_USER)
        .set(APP_USER.PASSWORD_HASH, passwordHash)
        .where(APP_USER.ID.eq(userId))
        .execute();
  }

  @Override
  public int recordFailedLogin(long userId, int lockAt, Instant at) {
    // one statement, so that concurrent wrong passwords each count
    Integer count =
        db.update(APP_USER)
            .set(APP_USER.FAILED_LOGINS, APP_USER.FAILED_LOGINS.plus(1))
            .set(
                APP_USER.LOCKED_AT,
                DSL.when(
                        APP_USER.FAILED_LOGINS.plus(1).ge(lockAt).and(APP_USER.LOCKED_AT.isNull()),
                        DSL.val(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                    .otherwise(APP_USER.LOCKED_AT))
            .where(APP_USER.ID.eq(userId))
            .returning(APP_USER.FAILED_LOGINS)
            .fetchOne(APP_USER.FAILED_LOGINS);
    return count == null ? 0 : count;
  }

  @Override
  public void recordSuccessfulLogin(long userId) {
    db.update(APP_USER)
        .set(APP_USER.FAILED_LOGINS, 0)
        .where(APP_USER.ID.eq(userId).and(APP_USER.FAILED_LOGINS.ne(0)))
        .execute();
  }

  @Override
  public void unlock(long userId) {
    db.update(APP_USER)
        .set(APP_USER.FAILED_LOGINS, 0)
        .setNull(APP_USER.LOCKED_AT)
        .where(APP_USER.ID.eq(userId))
        .execute();
  }

  /**
   * Users with their roles and offices, in one statement: the console reads the signed-in user on
   * every request.
   */
  private SelectJoinStep<Record> withGrants() {
    return db.select(APP_USER.fields()).select(ROLES, OFFICES).from(APP_USER);
  }

  private User toUser(Record record) {
    return toUser(record.into(APP_USER), List.of(record.get(ROLES)), List.of(record.get(OFFICES)));
  }

  private User toUser(AppUserRecord row) {
    return toUser(
        row,
        db.select(USER_ROLE.ROLE)
            .from(USER_ROLE)
            .where(USER_ROLE.USER_ID.eq(row.getId()))
            .fetch(USER_ROLE.ROLE),
        db.select(USER_OFFICE.OFFICE_ID)
            .from(USER_OFFICE)
            .where(USER_OFFICE.USER_ID.eq(row.getId()))
            .fetch(USER_OFFICE.OFFICE_ID));
  }

  private static User toUser(AppUserRecord row, List<String> roleNames, List<Long> offices) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roleNames.forEach(r -> roles.add(Role.valueOf(r)));
    return new User(
        row.getId(),
        row.getOfficeId(),
        row.getUsername(),
        row.getDisplayName(),
        row.getPasswordHash(),
        row.getEnabled(),
        Set.copyOf(roles),
        Set.copyOf(offices),
        row.getFailedLogins(),
        row.getLockedAt() != null,
        row.getNip(),
        row.getPosition());
  }

  private static Office toOffice(OfficeRecord row) {
    return new Office(
        row.getId(),
        row.getCode(),
        row.getName(),
        OfficeKind.valueOf(row.getKind()),
        Optional.ofNullable(row.getParentId()),
        row.getAddress());
  }
}
