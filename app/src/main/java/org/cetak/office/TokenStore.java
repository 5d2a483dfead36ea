package org.cetak.office;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens by the hash of their secret. */
public interface TokenStore {

  ApiToken add(String name, String secretHash, long officeId, Role role, String by, Instant at);

  Optional<ApiToken> bySecretHash(String secretHash);

  Optional<ApiToken> byId(long id);

  List<ApiToken> all();

  void revoke(long id, String by, Instant at);
}
