package org.cetak.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cetak.common.DomainException;
import org.cetak.common.Masking;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.intake.ResidentRecord;
import org.cetak.office.Audit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives scarce blanks to the queue by priority. A run reserves blanks for the top requests, never
 * more than the usable stock minus the urgent reserve and never beyond the day's cap, one run per
 * office at a time across nodes.
 */
public final class AllocationService {

  private static final Logger log = LoggerFactory.getLogger(AllocationService.class);

  private final AllocationStore store;
  private final PolicyService policies;
  private final BlankSupply supply;
  private final DropHistory drops;
  private final PrinterCapacity capacity;
  private final ForecastSettings forecast;
  private final Transactions transactions;
  private final Audit audit;
  private final OfficeZones zones;
  private final Clock clock;

  public AllocationService(
      AllocationStore store,
      PolicyService policies,
      BlankSupply supply,
      DropHistory drops,
      PrinterCapacity capacity,
      ForecastSettings forecast,
      Transactions transactions,
      Audit audit,
      OfficeZones zones,
      Clock clock) {
    this.store = store;
    this.policies = policies;
    this.supply = supply;
    this.drops = drops;
    this.capacity = capacity;
    this.forecast = forecast;
    this.transactions = transactions;
    this.audit = audit;
    this.zones = zones;
    this.clock = clock;
  }

  /** Runs allocation for one office and returns what it did. */
  public RunResult run(long officeId, RunTrigger trigger, String actor) {
    long started = System.nanoTime();
    RunResult result =
        transactions.inTransaction(
            () -> {
              store.lock(officeId);
              OffsetDateTime now = OffsetDateTime.now(clock);
              ZoneId zone = zones.of(officeId);
              LocalDate today = LocalDate.now(clock.withZone(zone));
              PriorityPolicy policy = policies.current(officeId);
              int released = store.releaseWithdrawn(officeId, now);
              AllocationStore.QueueCounts counts = store.counts(officeId, startOfDay(zone, today));
              long available = supply.available(officeId);
              long usable = available - counts.held();
              long grantable = usable - policy.urgentReserve();
              OptionalInt capLeft = OptionalInt.empty();
              if (policy.dailyCap().isPresent()) {
                long left =
                    policy.dailyCap().getAsInt() - counts.printedToday() - counts.outstanding();
                capLeft = OptionalInt.of((int) Math.max(0, left));
                grantable = Math.min(grantable, left);
              }
              int limit = (int) Math.max(0, Math.min(grantable, counts.queued()));
              long runId = store.startRun(officeId, trigger, actor, policy.version(), now);
              int granted =
                  limit == 0 ? 0 : store.reserveTop(officeId, runId, policy, today, limit, now);
              RunResult done =
                  new RunResult(
                      runId,
                      officeId,
                      policy.version(),
                      available,
                      counts.held(),
                      usable,
                      policy.urgentReserve(),
                      capLeft,
                      granted,
                      released,
                      counts.queued() - granted,
                      (System.nanoTime() - started) / 1_000_000);
              store.finishRun(runId, done, OffsetDateTime.now(clock));
              return done;
            });
    log.info(
        "Allocation run {} for office {} ({}): {} reserved, {} released, usable {}, reserve {},"
            + " cap left {}, {} still queued, {} ms",
        result.runId(),
        officeId,
        trigger,
        result.granted(),
        result.released(),
        result.usable(),
        result.urgentReserve(),
        result.capLeft().isPresent() ? result.capLeft().getAsInt() : "none",
        result.queued(),
        result.millis());
    return result;
  }

  /**
   * Reserves a blank from the urgent reserve for a walk-in a supervisor approved, ahead of the
   * queue. Refused when no usable blank is left at all.
   */
  public RunResult approveWalkIn(String nik, String supervisor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new DomainException(
          AllocationError.REASON_REQUIRED, "An urgent walk-in needs a reason");
    }
    long officeId = office(nik);
    ZoneId zone = zones.of(officeId);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    AllocationStore.QueuePosition position =
        position(nik, officeId, policies.current(officeId), today);
    return transactions.inTransaction(
        () -> {
          store.lock(officeId);
          OffsetDateTime now = OffsetDateTime.now(clock);
          PriorityPolicy policy = policies.current(officeId);
          AllocationStore.QueueCounts counts = store.counts(officeId, startOfDay(zone, today));
          long available = supply.available(officeId);
          long usable = available - counts.held();
          if (usable <= 0) {
            throw new DomainException(
                AllocationError.NO_USABLE_BLANK,
                "No usable blank left at office " + officeId + " for a walk-in");
          }
          long runId =
              store.startRun(officeId, RunTrigger.WALK_IN, supervisor, policy.version(), now);
          if (!store.reserveOne(
              position.requestId(), runId, "URGENT_WALK_IN", supervisor, policy.version(), now)) {
            throw new DomainException(
                AllocationError.NOT_QUEUED,
                "Request "
                    + position.requestId()
                    + " is "
                    + position.status()
                    + " and not eligible (print-ready with a photo) for a walk-in reservation",
                position.requestId());
          }
          RunResult done =
              new RunResult(
                  runId,
                  officeId,
                  policy.version(),
                  available,
                  counts.held(),
                  usable,
                  policy.urgentReserve(),
                  OptionalInt.empty(),
                  1,
                  0,
                  counts.queued() - 1,
                  0);
          store.finishRun(runId, done, now);
          audit.record(
              officeId,
              supervisor,
              "URGENT_WALK_IN_APPROVED",
              "request " + position.requestId() + " (NIK " + Masking.nik(nik) + ")",
              reason);
          return done;
        });
  }

  /**
   * How the queue of an office would change under {@code draft} before it is saved: eligible
   * requests per tier under the policy in force and under the draft, how many the next run would
   * reserve under each, and the first {@code shown} requests that the draft takes into that run or
   * leaves out of it. Nothing is written.
   */
  public PolicyPreview preview(long officeId, PriorityPolicy draft, int shown) {
    ZoneId zone = zones.of(officeId);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    PriorityPolicy current = policies.current(officeId);
    AllocationStore.QueueCounts counts = store.counts(officeId, startOfDay(zone, today));
    long usable = supply.available(officeId) - counts.held();
    int nowTaken = nextRun(current, counts, usable);
    int draftTaken = nextRun(draft, counts, usable);
    List<AllocationStore.Ranked> before = store.ranked(officeId, current, today, nowTaken);
    List<AllocationStore.Ranked> after = store.ranked(officeId, draft, today, draftTaken);
    java.util.Set<Long> beforeIds =
        before.stream()
            .map(AllocationStore.Ranked::requestId)
            .collect(java.util.stream.Collectors.toSet());
    java.util.Set<Long> afterIds =
        after.stream()
            .map(AllocationStore.Ranked::requestId)
            .collect(java.util.stream.Collectors.toSet());
    java.util.Map<Long, Integer> tierBefore = new java.util.HashMap<>();
    before.forEach(r -> tierBefore.put(r.requestId(), r.tier()));
    java.util.Map<Long, Integer> tierAfter = new java.util.HashMap<>();
    after.forEach(r -> tierAfter.put(r.requestId(), r.tier()));
    List<PolicyPreview.Moved> movedIn =
        after.stream()
            .filter(r -> !beforeIds.contains(r.requestId()))
            .limit(shown)
            .map(r -> new PolicyPreview.Moved(r.requestId(), Masking.nik(r.nik()), r.tier()))
            .toList();
    List<PolicyPreview.Moved> movedOut =
        before.stream()
            .filter(r -> !afterIds.contains(r.requestId()))
            .limit(shown)
            .map(r -> new PolicyPreview.Moved(r.requestId(), Masking.nik(r.nik()), r.tier()))
            .toList();
    java.util.Map<Integer, Long> tiersNow =
        new java.util.HashMap<>(store.tierCounts(officeId, current, today));
    java.util.Map<Integer, Long> tiersDraft =
        new java.util.HashMap<>(store.tierCounts(officeId, draft, today));
    // every tier of either policy is shown, an empty one as 0
    for (PriorityPolicy policy : List.of(current, draft)) {
      for (var tier : policy.tiers()) {
        tiersNow.putIfAbsent(tier.number(), 0L);
        tiersDraft.putIfAbsent(tier.number(), 0L);
      }
    }
    return new PolicyPreview(
        current.version(),
        tiersNow,
        tiersDraft,
        nowTaken,
        draftTaken,
        before.stream().filter(r -> !afterIds.contains(r.requestId())).count(),
        after.stream().filter(r -> !beforeIds.contains(r.requestId())).count(),
        movedIn,
        movedOut);
  }

  /** How many requests a run would reserve now under {@code policy}. */
  private static int nextRun(
      PriorityPolicy policy, AllocationStore.QueueCounts counts, long usable) {
    long grantable = usable - policy.urgentReserve();
    if (policy.dailyCap().isPresent()) {
      grantable =
          Math.min(
              grantable,
              policy.dailyCap().getAsInt() - counts.printedToday() - counts.outstanding());
    }
    return (int) Math.max(0, Math.min(grantable, counts.queued()));
  }

  /** Blanks reserved and not yet printed: the stock ledger subtracts them from usable stock. */
  public long reserved(long officeId) {
    return store.held(officeId);
  }

  /** The office whose queue holds the NIK's request, or {@code NO_REQUEST}. */
  public long officeOf(String nik) {
    return office(nik);
  }

  /** Why a NIK's card is not printed yet, and when it is expected. */
  public QueueExplanation explain(String nik) {
    long officeId = office(nik);
    ZoneId zone = zones.of(officeId);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    PriorityPolicy policy = policies.current(officeId);
    AllocationStore.QueuePosition position = position(nik, officeId, policy, today);
    // a request holding no blank has every held blank ahead of it: the position counted them
    long held = position.reservation().isEmpty() ? position.heldAhead() : store.held(officeId);
    long printedToday = store.printedSince(officeId, startOfDay(zone, today));
    long available = supply.available(officeId);
    long usable = available - held;
    int perPrinterDay = Math.max(1, capacity.cardsPerDay(officeId));
    int perDay =
        policy.dailyCap().isPresent()
            ? Math.max(1, Math.min(perPrinterDay, policy.dailyCap().getAsInt()))
            : perPrinterDay;
    QueueExplanation.ExpectedDrop drop = expectedDrop(officeId, zone);

    List<QueueExplanation.Blocker> blockers = new ArrayList<>();
    if (!ResidentRecord.PRINT_READY.equals(position.siakStatus())) {
      blockers.add(
          new QueueExplanation.Blocker(
              QueueExplanation.Blocker.Kind.UPSTREAM_NOT_READY, position.siakStatus()));
    }
    if (!position.hasPhoto()) {
      blockers.add(QueueExplanation.Blocker.of(QueueExplanation.Blocker.Kind.NO_PHOTO));
    }
    if (position.tier().isEmpty() && position.reservation().isEmpty()) {
      blockers.add(QueueExplanation.Blocker.of(QueueExplanation.Blocker.Kind.NO_TIER));
    }
    String status = position.status();
    if (!status.equals("QUEUED")
        && !status.equals("RESERVED")
        && !status.equals("FAILED_REQUEUED")) {
      blockers.add(new QueueExplanation.Blocker(QueueExplanation.Blocker.Kind.NOT_WAITING, status));
    }

    long blanksAhead = position.heldAhead() + position.queuedAhead();
    // one scale for every request: its place in the order the blanks go (held ones print first)
    long rank = blanksAhead + 1;
    Optional<QueueExplanation.DateRange> estimate = Optional.empty();
    if (blockers.isEmpty()) {
      // blanks this request still needs beyond what is on hand for the queue
      long missing =
          position.reservation().isPresent()
              ? 0
              : position.queuedAhead() + 1 - Math.max(0, usable - policy.urgentReserve());
      long printsBefore = blanksAhead;
      long startDay = printedToday >= perDay ? 1 : 0;
      LocalDate earliest = today.plusDays(startDay + printsBefore / perDay);
      LocalDate latest = today.plusDays(startDay + (printsBefore + perDay) / perDay);
      if (missing > 0) {
        long dropsNeeded = (missing + drop.quantity() - 1) / drop.quantity();
        LocalDate nextDrop = drop.next().orElse(today.plusDays(drop.everyDays()));
        LocalDate firstPossible = nextDrop.plusDays((dropsNeeded - 1) * drop.everyDays());
        if (firstPossible.isAfter(earliest)) {
          earliest = firstPossible;
        }
        // a late drop and printing the new stock push the latest day out
        LocalDate lateDrop = firstPossible.plusDays(drop.everyDays() / 2);
        LocalDate afterDrop = lateDrop.plusDays((missing + perDay - 1) / perDay);
        if (afterDrop.isAfter(latest)) {
          latest = afterDrop;
        }
      }
      estimate = Optional.of(new QueueExplanation.DateRange(earliest, latest));
    }
    return new QueueExplanation(
        Masking.nik(nik),
        position.requestId(),
        status,
        position.reservation().map(r -> r.tier()).or(() -> position.tier().map(p -> p.tier())),
        position.tier().map(PriorityPolicy.Placement::tierName),
        position.reservation().map(r -> r.rule()).or(() -> position.tier().map(p -> p.rule())),
        rank,
        blanksAhead,
        usable,
        policy.urgentReserve(),
        policy.dailyCap(),
        printedToday,
        perPrinterDay,
        drop,
        estimate,
        blockers,
        position.previousRequestId());
  }

  /** One tier of an office's queue today, with its name in the current policy. */
  public record TierLine(int tier, String name, long waiting, long holding) {}

  /** The office's queue by tier today: waiting for a blank, and holding one. */
  public List<TierLine> queueByTier(long officeId) {
    return queueByTier(officeId, zones.of(officeId));
  }

  /** The office's queue by tier on its day in {@code zone}, the office's own zone. */
  public List<TierLine> queueByTier(long officeId, ZoneId zone) {
    PriorityPolicy policy = policies.current(officeId);
    return store.byTier(officeId, policy, LocalDate.now(clock.withZone(zone))).stream()
        .map(
            t ->
                new TierLine(
                    t.tier(),
                    policy.tier(t.tier()).map(PriorityTier::name).orElse(""),
                    t.waiting(),
                    t.holding()))
        .toList();
  }

  /**
   * The next drops: learned from the cadence of the office's deliveries; see {@link DropForecast}.
   */
  public QueueExplanation.ExpectedDrop expectedDrop(long officeId, ZoneId zone) {
    return DropForecast.expect(
        drops.drops(officeId, zone), forecast, LocalDate.now(clock.withZone(zone)));
  }

  /** The office of the NIK's newest request. */
  private long office(String nik) {
    if (nik == null || !nik.matches("[0-9]{16}")) {
      throw new DomainException(AllocationError.INVALID_NIK, "A NIK is 16 digits");
    }
    return store
        .officeOf(nik)
        .orElseThrow(
            () ->
                new DomainException(
                    AllocationError.NO_REQUEST,
                    "No print request for NIK " + Masking.nik(nik),
                    Masking.nik(nik)));
  }

  private AllocationStore.QueuePosition position(
      String nik, long officeId, PriorityPolicy policy, LocalDate today) {
    if (!store.queueCounted(officeId, policy, today)) {
      // the first answer of the day, or under a new policy, counts the office's queue afresh
      transactions.run(() -> store.countQueue(officeId));
      transactions.run(() -> store.recount(officeId, policy, today));
    }
    return store.position(nik, policy, today).orElseThrow();
  }

  private static OffsetDateTime startOfDay(ZoneId zone, LocalDate today) {
    return today.atStartOfDay(zone).toOffsetDateTime();
  }
}
