package org.cetak.intake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How far the imports running on this node have read their records file, for the import page's
 * progress bar. An import is followed under an opaque id its uploader chose (a random token, never
 * a record's data) and only that user may read it; it is forgotten when the import ends.
 */
public final class ImportsUnderWay {

  /** What an id may look like: a random token of the browser. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

  /** Imports followed at once at most; beyond, a new one is not followed (it still imports). */
  private static final int MAX = 64;

  private final Map<String, Progress> running = new ConcurrentHashMap<>();

  /**
   * How far an import has read.
   *
   * @param totalBytes the records file's size, 0 when unknown
   */
  public record Progress(String username, long bytesRead, long totalBytes, long rows) {

    /** Percent of the records file read, 0 to 100. */
    public int percent() {
      if (totalBytes <= 0) {
        return 0;
      }
      return (int) Math.min(100, Math.max(0, bytesRead * 100 / totalBytes));
    }
  }

  /** Whether an id can name an import. */
  public static boolean valid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Follows an import under {@code id} for {@code username}; {@link ImportProgress#none()} when the
   * id is not valid or too many are followed. Call {@link #ended} when it is over.
   */
  public ImportProgress follow(String id, String username) {
    if (!valid(id) || running.size() >= MAX) {
      return ImportProgress.none();
    }
    running.put(id, new Progress(username, 0, 0, 0));
    return (bytesRead, totalBytes, rows) ->
        running.computeIfPresent(
            id, (key, was) -> new Progress(username, bytesRead, totalBytes, rows));
  }

  /** The import under {@code id} is over: forgotten. */
  public void ended(String id) {
    if (id != null) {
      running.remove(id);
    }
  }

  /** How far the user's import under {@code id} has read; empty when none runs under it. */
  public Optional<Progress> progress(String id, String username) {
    if (!valid(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(running.get(id)).filter(p -> p.username().equals(username));
  }
}
