package org.cetak.office.jooq;

import static org.cetak.db.jooq.Tables.APP_USER;
import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.USER_ROLE;

import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.cetak.office.User;
import org.jooq.DSLContext;

/** Offices and users in PostgreSQL. */
public final class JooqOfficeDirectory implements OfficeDirectory {

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
          OfficeError.OFFICE_EXISTS, "Office code " + code + " is already taken");
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
    return db.selectFrom(APP_USER)
        .where(APP_USER.USERNAME.eq(username))
        .fetchOptional()
        .map(this::toUser);
  }

  @Override
  public List<User> users(long officeId) {
    return db.selectFrom(APP_USER)
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
          OfficeError.USER_EXISTS, "Username " + username + " is already taken");
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
    return toUser(row);
  }

  private User toUser(AppUserRecord row) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    db.select(USER_ROLE.ROLE)
        .from(USER_ROLE)
        .where(USER_ROLE.USER_ID.eq(row.getId()))
        .fetch(USER_ROLE.ROLE)
        .forEach(r -> roles.add(Role.valueOf(r)));
    return new User(
        row.getId(),
        row.getOfficeId(),
        row.getUsername(),
        row.getDisplayName(),
        row.getPasswordHash(),
        row.getEnabled(),
        Set.copyOf(roles));
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
