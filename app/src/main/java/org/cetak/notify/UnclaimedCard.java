package org.cetak.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * A printed card nobody has collected yet (belum diambil), for the counter: its age, whether the
 * resident could be told, and the last notice's status.
 */
public record UnclaimedCard(
    long requestId,
    Instant printedAt,
    long daysWaiting,
    boolean hasPhone,
    Optional<NoticeStatus> lastNotice,
    int reminders) {}
