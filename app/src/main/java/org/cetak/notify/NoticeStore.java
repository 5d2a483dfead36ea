package org.cetak.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where notices, their attempts and their reports are kept. Methods that change a notice run in the
 * caller's transaction; {@link #claimDue} locks what it claims so that two dispatchers (two nodes,
 * or a late one after a restart) never claim the same notice.
 */
public interface NoticeStore {

  NoticeSettings settings(long officeId);

  void saveSettings(long officeId, NoticeSettings settings, String by);

  Optional<String> template(long officeId, NoticeKind kind);

  void saveTemplate(long officeId, NoticeKind kind, String body, String by);

  String officeName(long officeId);

  /** The offices that have notices; the dispatcher looks at each one's window. */
  List<Long> officesWithNotices();

  /** The request's notices, locked until the transaction ends, newest first. */
  List<Notice> lockNoticesOf(long requestId);

  /** Writes a new notice; an existing one for the same print job and kind is returned instead. */
  Notice add(NewNotice notice);

  void supersede(long noticeId, long byNoticeId);

  /**
   * Claims up to {@code limit} due notices of the office ({@code PENDING}, their backoff over):
   * each becomes {@code SENDING} with one more attempt, and the attempt is written, all before the
   * caller commits and calls the gateway. Rows another transaction holds are skipped.
   */
  List<Notice> claimDue(long officeId, Instant now, int limit, String gateway, String node);

  /** Records how the attempt ended; false when the notice is no longer at that attempt. */
  boolean settle(long noticeId, int attempt, Settlement settlement, Instant now);

  /** Notices {@code SENDING} since before {@code before}: their attempts' answers never came. */
  List<Notice> sendingSince(Instant before);

  /**
   * Notices {@code gateway} took before {@code sentBefore} and sent no delivery report of at all
   * become {@link NoticeStatus#NO_REPORT} with {@code why}; answers how many.
   */
  int markUnreported(String gateway, Instant sentBefore, String why);

  Optional<Notice> lock(long noticeId);

  /** A notice this gateway gave this id to, locked. */
  Optional<Notice> lockByGatewayId(String gateway, String gatewayId);

  /**
   * A notice of this gateway whose attempt never learnt the gateway's id (a lost answer), by the
   * low 16 bits of its id and its phone, locked.
   */
  Optional<Notice> lockUnsettled(String gateway, DeliveryReport.ShortReference reference);

  /** Records a report and, when it changes the notice, its new status. */
  void recordReport(
      Optional<Long> noticeId,
      DeliveryReport report,
      Optional<NoticeStatus> newStatus,
      Instant now);

  /** Puts a failed or undelivered notice back in line, due now. */
  void resend(long noticeId, Instant now);

  List<Notice> list(long officeId, Optional<NoticeStatus> status, int limit);

  /**
   * Cards printed before {@code printedBefore} and not handed over, oldest first: every one, with
   * or without a phone.
   */
  List<UnclaimedCard> unclaimed(long officeId, Instant printedBefore, Instant now);

  /**
   * How many notices of the office have this status, counting no further than {@code limit}: the
   * size of {@link #list} with that status and limit.
   */
  default int count(long officeId, NoticeStatus status, int limit) {
    return list(officeId, Optional.of(status), limit).size();
  }

  /** How many cards {@link #unclaimed} lists, and the most days one of them has waited. */
  default Unclaimed unclaimedCount(long officeId, Instant printedBefore, Instant now) {
    List<UnclaimedCard> cards = unclaimed(officeId, printedBefore, now);
    return new Unclaimed(
        cards.size(), cards.stream().mapToLong(UnclaimedCard::daysWaiting).max().orElse(0));
  }

  /**
   * Cards not collected yet.
   *
   * @param oldestDays whole days the longest-waiting card has waited, 0 when there is none
   */
  record Unclaimed(int cards, long oldestDays) {}

  /**
   * Cards of the office not handed over whose READY or READY_AGAIN notice was written before {@code
   * collectableBefore} (when the card became collectable: at print, or when it passed the print
   * room's check) and went out, and which have no reminder yet.
   */
  List<ReminderDue> remindersDue(long officeId, Instant collectableBefore);

  /** A notice to write. */
  record NewNotice(
      long officeId,
      long requestId,
      long printJobId,
      NoticeKind kind,
      NoticeStatus status,
      String phone,
      String body,
      Instant createdAt) {

    @Override
    public String toString() {
      return "NewNotice[" + kind + " request " + requestId + " job " + printJobId + "]";
    }
  }

  /** A card to remind its resident of. */
  record ReminderDue(long requestId, long printJobId, String residentName, String phone) {

    @Override
    public String toString() {
      return "ReminderDue[request " + requestId + " job " + printJobId + "]";
    }
  }

  /** How an attempt ended, as the outbox records it. */
  sealed interface Settlement {

    /** Taken by the gateway. */
    record Sent(String gateway, Optional<String> gatewayId, boolean queued, String detail)
        implements Settlement {}

    /** Certainly not taken; tried again at {@code at}. */
    record Retry(String reason, Instant at) implements Settlement {}

    /**
     * Given up: an officer decides. {@code refused}: the gateway refused it; otherwise no answer
     * ever came.
     */
    record Failed(String reason, boolean refused) implements Settlement {}

    /** The gateway may have taken it; a report, a trace or time will tell. */
    record InDoubt(String reason) implements Settlement {}

    /** The gateway's trace said it never came: the attempt is void and the notice due again. */
    record NeverArrived(String reason) implements Settlement {}

    /**
     * No answer and no report within the report wait, from a gateway that cannot be asked: sent
     * again at {@code at}. The first attempt may have reached the resident: at least once.
     */
    record Unanswered(String reason, Instant at) implements Settlement {}
  }
}
