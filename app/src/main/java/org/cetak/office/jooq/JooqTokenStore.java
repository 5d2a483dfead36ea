package org.cetak.office.jooq;

import static org.cetak.db.jooq.Tables.API_TOKEN;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.ApiTokenRecord;
import org.cetak.office.ApiToken;
import org.cetak.office.Role;
import org.cetak.office.TokenStore;
import org.jooq.DSLContext;

/** API tokens in PostgreSQL, by the hash of their secret. */
public final class JooqTokenStore implements TokenStore {

  private final DSLContext db;

  public JooqTokenStore(DSLContext db) {
    this.db = db;
  }

  @Override
  public ApiToken add(
      String name, String secretHash, long officeId, Role role, String by, Instant at) {
    return toToken(
        db.insertInto(API_TOKEN)
            .set(API_TOKEN.NAME, name)
            .set(API_TOKEN.TOKEN_HASH, secretHash)
            .set(API_TOKEN.OFFICE_ID, officeId)
            .set(API_TOKEN.ROLE, role.name())
            .set(API_TOKEN.CREATED_BY, by)
            .set(API_TOKEN.CREATED_AT, at.atOffset(ZoneOffset.UTC))
            .returning()
            .fetchSingle());
  }

  @Override
  public Optional<ApiToken> bySecretHash(String secretHash) {
    return db.selectFrom(API_TOKEN)
        .where(API_TOKEN.TOKEN_HASH.eq(secretHash))
        .fetchOptional(JooqTokenStore::toToken);
  }

  @Override
  public Optional<ApiToken> byId(long id) {
    return db.selectFrom(API_TOKEN)
        .where(API_TOKEN.ID.eq(id))
        .fetchOptional(JooqTokenStore::toToken);
  }

  @Override
  public List<ApiToken> all() {
    return db.selectFrom(API_TOKEN).orderBy(API_TOKEN.ID).fetch(JooqTokenStore::toToken);
  }

  @Override
  public void revoke(long id, String by, Instant at) {
    db.update(API_TOKEN)
        .set(API_TOKEN.REVOKED_BY, by)
        .set(API_TOKEN.REVOKED_AT, at.atOffset(ZoneOffset.UTC))
        .where(API_TOKEN.ID.eq(id).and(API_TOKEN.REVOKED_AT.isNull()))
        .execute();
  }

  private static ApiToken toToken(ApiTokenRecord r) {
    return new ApiToken(
        r.getId(),
        r.getName(),
        r.getOfficeId(),
        Role.valueOf(r.getRole()),
        r.getCreatedBy(),
        r.getCreatedAt().toInstant(),
        Optional.ofNullable(r.getRevokedAt()).map(t -> t.toInstant()));
  }
}
