package org.cetak.allocation;

import java.util.List;
import java.util.Optional;

/** Versions of each office's priority policy; the newest is in force. */
public interface PolicyStore {

  Optional<PriorityPolicy> current(long officeId);

  /** Serialises changes to the office's policy until the transaction ends. */
  void lock(long officeId);

  /** Saves the policy as the office's next version and returns it with its version. */
  PriorityPolicy saveNewVersion(PriorityPolicy policy, String actor);

  List<PriorityPolicy> history(long officeId);
}
