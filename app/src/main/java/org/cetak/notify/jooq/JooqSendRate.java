package org.cetak.notify.jooq;

import static org.cetak.db.jooq.Tables.SMS_RATE_TOKEN;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cetak.notify.SendRate;
import org.jooq.DSLContext;

/**
 * The rate's tokens in {@code sms_rate_token}, one row each, {@code perMinute} of them: a token is
 * free when it was never used or used a minute ago or more. Free tokens are locked with {@code SKIP
 * LOCKED}, so two nodes claiming at once take different ones.
 */
public final class JooqSendRate implements SendRate {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final DSLContext db;
  private final int perMinute;

  public JooqSendRate(DSLContext db, int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("cetak.sms.per-minute must be at least 1: " + perMinute);
    }
    this.db = db;
    this.perMinute = perMinute;
  }

  @Override
  public List<Integer> free(Instant now, int max) {
    // the tokens of a rate raised since the last run; once there, nothing is written here
    db.execute(
        "insert into sms_rate_token (slot) select s from generate_series(0, ?) s where not exists"
            + " (select 1 from sms_rate_token t where t.slot = s) on conflict do nothing",
        perMinute - 1);
    return db.select(SMS_RATE_TOKEN.SLOT)
        .from(SMS_RATE_TOKEN)
        .where(SMS_RATE_TOKEN.SLOT.lt(perMinute))
        .and(
            SMS_RATE_TOKEN
                .USED_AT
                .isNull()
                .or(SMS_RATE_TOKEN.USED_AT.le(now.minus(MINUTE).atOffset(ZoneOffset.UTC))))
        .orderBy(SMS_RATE_TOKEN.SLOT)
        .limit(max)
        .forUpdate()
        .skipLocked()
        .fetch(SMS_RATE_TOKEN.SLOT);
  }

  @Override
  public void spend(List<Integer> tokens, Instant now) {
    if (tokens.isEmpty()) {
      return;
    }
    db.update(SMS_RATE_TOKEN)
        .set(SMS_RATE_TOKEN.USED_AT, now.atOffset(ZoneOffset.UTC))
        .where(SMS_RATE_TOKEN.SLOT.in(tokens))
        .execute();
  }
}
