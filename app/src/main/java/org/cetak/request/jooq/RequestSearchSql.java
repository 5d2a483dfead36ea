package org.cetak.request.jooq;

import static org.cetak.db.jooq.Tables.PRINT_REQUEST;

import org.cetak.request.RequestSearch;
import org.jooq.Condition;

/** The print requests a {@link RequestSearch} matches, as a condition on {@code print_request}. */
public final class RequestSearchSql {

  private RequestSearchSql() {}

  /** The office's requests the search matches. */
  public static Condition matching(long officeId, RequestSearch search) {
    return PRINT_REQUEST.OFFICE_ID.eq(officeId).and(match(search));
  }

  private static Condition match(RequestSearch search) {
    if (search instanceof RequestSearch.ByNik byNik) {
      return PRINT_REQUEST.NIK.eq(byNik.nik());
    }
    if (search instanceof RequestSearch.ByName byName) {
      Condition name = PRINT_REQUEST.NAME.containsIgnoreCase(byName.name());
      return byName.birthDate().map(d -> name.and(PRINT_REQUEST.BIRTH_DATE.eq(d))).orElse(name);
    }
    return PRINT_REQUEST.SUKET_NUMBER.eq(((RequestSearch.BySuket) search).number());
  }
}
