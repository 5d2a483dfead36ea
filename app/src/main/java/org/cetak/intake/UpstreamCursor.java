package org.cetak.intake;

import java.util.Optional;

/** Where the pull from the upstream registry stopped, per office. */
public interface UpstreamCursor {

  Optional<String> position(long officeId);

  void save(long officeId, String position);
}
