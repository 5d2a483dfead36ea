import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console under load, against a running application on loopback: the printing rate first with
 * no one at the console, then with {@code users} signed-in sessions each loading the dashboard and
 * the queue page and searching the queue by NIK, without pause, for the same time. The sessions
 * first do the same for half that time, not measured: the pages' first loads after the start
 * (templates parsed, classes loaded, code compiled, 50 sessions at once) are a server starting, not
 * a console under load. Prints p50, p95 and p99 of each page, the first loads' p95 apart, and the
 * printing rate of both windows. Run by ops/bench/console-load.sh:
 *
 * <pre>java ops/bench/ConsoleLoad.java port office users seconds user password</pre>
 */
public final class ConsoleLoad {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern PRINTED = Pattern.compile("\"printedToday\"\\s*:\\s*(\\d+)");

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:" + args[0];
    String office = args[1];
    int users = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    String user = args[4];
    String password = args[5];
    HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    URI printers = URI.create(base + "/api/offices/" + office + "/printers");

    long quietStart = printed(api, printers, basic);
    Thread.sleep(seconds * 1000L);
    long quietCards = printed(api, printers, basic) - quietStart;

    Map<String, List<Long>> times = new ConcurrentHashMap<>();
    Map<String, List<Long>> warmUp = new ConcurrentHashMap<>();
    AtomicLong failures = new AtomicLong();
    CountDownLatch signedIn = new CountDownLatch(users);
    // warm-up start, measured window start, measured window end
    long[] window = new long[3];
    long warmNanos = Math.max(5, seconds / 2) * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    Object go = new Object();
    for (int i = 0; i < users; i++) {
      int seed = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  user(base, user, password, seed, signedIn, go, window, times, warmUp, failures);
                } catch (Exception e) {
                  failures.incrementAndGet();
                  System.err.println("user " + seed + ": " + e);
                  signedIn.countDown();
                }
              });
      t.start();
      threads.add(t);
    }
    signedIn.await();
    synchronized (go) {
      window[0] = System.nanoTime();
      window[1] = window[0] + warmNanos;
      window[2] = window[1] + seconds * 1_000_000_000L;
      go.notifyAll();
    }
    Thread.sleep(warmNanos / 1_000_000);
    long loadStart = printed(api, printers, basic);
    for (Thread t : threads) {
      t.join();
    }
    long loadCards = printed(api, printers, basic) - loadStart;

    System.out.printf(
        "%-32s %9s %9s %9s %9s%n", "console, " + users + " users", "requests", "p50 ms", "p95 ms",
        "p99 ms");
    List<Long> all = new ArrayList<>();
    for (String page : List.of("dashboard GET /", "queue page GET /queue", "queue search POST")) {
      List<Long> t = times.getOrDefault(page, List.of());
      all.addAll(t);
      row(page, t);
    }
    row("all", all);
    List<Long> first = new ArrayList<>();
    warmUp.values().forEach(first::addAll);
    row("warm-up (not in the rows above)", first);
    double quietRate = quietCards / (double) seconds;
    double loadRate = loadCards / (double) seconds;
    System.out.printf("failed requests: %d%n", failures.get());
    System.out.printf(
        "printing: %.2f cards/s with no one at the console, %.2f cards/s under load (%+.1f %%),"
            + " %d s each%n",
        quietRate,
        loadRate,
        quietRate == 0 ? 0.0 : (loadRate - quietRate) / quietRate * 100,
        seconds);
  }

  private static void user(
      String base,
      String user,
      String password,
      int seed,
      CountDownLatch signedIn,
      Object go,
      long[] window,
      Map<String, List<Long>> times,
      Map<String, List<Long>> warmUp,
      AtomicLong failures)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String login = get(client, base + "/login").body();
    HttpResponse<String> signed =
        post(
            client,
            base + "/login",
            Map.of("username", user, "password", password, "_csrf", csrf(login)));
    String to = signed.headers().firstValue("location").orElse("");
    if (signed.statusCode() != 302 || to.contains("error") || to.contains("locked")) {
      throw new IllegalStateException("sign-in refused: " + signed.statusCode() + " " + to);
    }
    signedIn.countDown();
    synchronized (go) {
      while (window[2] == 0) {
        go.wait();
      }
    }
    Random random = new Random(seed);
    while (System.nanoTime() < window[2]) {
      // a cycle begun in the warm-up counts there, a cycle begun in the window counts in it
      Map<String, List<Long>> into = System.nanoTime() < window[1] ? warmUp : times;
      timed(into, failures, "dashboard GET /", () -> get(client, base + "/"));
      HttpResponse<String> page = timed(into, failures, "queue page GET /queue", () -> get(client, base + "/queue"));
      if (page == null) {
        continue;
      }
      String nik = String.format("3271%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
      timed(
          into,
          failures,
          "queue search POST",
          () -> post(client, base + "/queue", Map.of("nik", nik, "_csrf", csrf(page.body()))));
    }
  }

  private interface Call {
    HttpResponse<String> call() throws Exception;
  }

  private static HttpResponse<String> timed(
      Map<String, List<Long>> times, AtomicLong failures, String page, Call call) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = call.call();
      long micros = (System.nanoTime() - start) / 1000;
      if (r.statusCode() != 200) {
        failures.incrementAndGet();
        return null;
      }
      times.computeIfAbsent(page, p -> Collections.synchronizedList(new ArrayList<>())).add(micros);
      return r;
    } catch (Exception e) {
      failures.incrementAndGet();
      return null;
    }
  }

  private static void row(String page, List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.printf("%-32s %9d%n", page, 0);
      return;
    }
    System.out.printf(
        "%-32s %9d %9.1f %9.1f %9.1f%n",
        page,
        sorted.size(),
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99));
  }

  private static double at(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size()))) / 1000.0;
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1);
  }

  private static long printed(HttpClient api, URI printers, String basic) throws Exception {
    HttpResponse<String> r =
        api.send(
            HttpRequest.newBuilder(printers).header("Authorization", basic).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(printers + " answered " + r.statusCode());
    }
    long sum = 0;
    Matcher m = PRINTED.matcher(r.body());
    while (m.find()) {
      sum += Long.parseLong(m.group(1));
    }
    return sum;
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> e : form.entrySet()) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
