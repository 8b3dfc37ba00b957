package io.realworld.api.reliability;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop load generator for the fault suites: requests go out at a steady rate whatever the
 * server does (a slow server does not slow the driver down, as a closed loop would), and every
 * request's outcome is recorded, so a suite can say exactly which requests failed, how, and when.
 *
 * <p>Usage: {@code LoadDriver key=value...} with {@code url} (base URL), {@code rate} (requests
 * per second), {@code seconds}, {@code out} (a directory: requests.csv, acks.tsv), {@code mix}
 * ({@code mixed}: reads, article and comment writes; {@code reads}: reads only), {@code probeMs}
 * (poll readiness and liveness every so many ms; 0: not at all), {@code keepAlive} (reuse
 * connections; false: one connection per request, so "refused" is unambiguous), {@code stopFile}
 * (end early once this file exists), {@code stopWhenNotReady} (act as a load balancer does: once
 * a readiness probe has answered 503, open no new request; those already sent run to their end,
 * and the probes go on).
 *
 * <p>requests.csv: {@code start_ms,end_ms,op,outcome}, where outcome is the HTTP status, the
 * status followed by {@code !format} when an error response is not in the spec's error format,
 * or the transport failure: {@code refused}, {@code closed}, {@code reset}, {@code timeout}.
 * acks.tsv: every acknowledged write ({@code article<TAB>slug<TAB>tags} and
 * {@code comment<TAB>slug<TAB>id}), for WriteCheck.
 */
public final class LoadDriver {

  /** A request that gets no byte back for this long counts as hung. */
  private static final long REQUEST_IDLE_TIMEOUT_MS = 15_000;
  private static final int USERS = 3;
  private static final int TICK_MS = 10;

  private final Vertx vertx = Vertx.vertx();
  private final Settings settings;
  private final HttpClientAgent client;
  private final HttpClientAgent probeClient;
  private final Random random = new Random(42);
  private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final List<String> slugs = new CopyOnWriteArrayList<>();
  private final Queue<String> acks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private final AtomicInteger withheld = new AtomicInteger();
  private volatile long notReadySinceMs;

  private record Settings(String host, int port, double rate, int seconds, Path out, boolean reads,
      long probeMs, boolean keepAlive, int maxOutstanding, Path stopFile,
      boolean stopWhenNotReady) {

    static Settings parse(String[] args) {
      Map<String, String> values = new java.util.HashMap<>();
      for (String arg : args) {
        int eq = arg.indexOf('=');
        values.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
      java.net.URI url = java.net.URI.create(values.get("url"));
      return new Settings(url.getHost(), url.getPort(),
          Double.parseDouble(values.getOrDefault("rate", "50")),
          Integer.parseInt(values.getOrDefault("seconds", "20")),
          Path.of(values.getOrDefault("out", ".")),
          "reads".equals(values.getOrDefault("mix", "mixed")),
          Long.parseLong(values.getOrDefault("probeMs", "0")),
          Boolean.parseBoolean(values.getOrDefault("keepAlive", "true")),
          Integer.parseInt(values.getOrDefault("maxOutstanding", "2000")),
          values.containsKey("stopFile") ? Path.of(values.get("stopFile")) : null,
          Boolean.parseBoolean(values.getOrDefault("stopWhenNotReady", "false")));
    }
  }

  /** What happened to one request. */
  record Sample(long startMs, long endMs, String op, String outcome) {

    String csv() {
      return startMs + "," + endMs + "," + op + "," + outcome;
    }
  }

  /** A response: its status and, when it is JSON, its body. */
  record Reply(int status, JsonObject json) {
  }

  private LoadDriver(Settings settings) {
    this.settings = settings;
    HttpClientOptions options = new HttpClientOptions()
        .setDefaultHost(settings.host())
        .setDefaultPort(settings.port())
        .setKeepAlive(settings.keepAlive())
        .setConnectTimeout(5_000);
    this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(256));
    this.probeClient = vertx.createHttpClient(new HttpClientOptions(options).setKeepAlive(false),
        new PoolOptions().setHttp1MaxSize(32));
  }

  public static void main(String[] args) throws Exception {
    LoadDriver driver = new LoadDriver(Settings.parse(args));
    int exit = driver.run();
    driver.vertx.close().await();
    System.exit(exit);
  }

  private int run() throws Exception {
    if (!settings.reads()) {
      setUp();
    }
    System.out.printf("load: %.0f requests/s for %d s, %s, %s%n", settings.rate(),
        settings.seconds(), settings.reads() ? "reads only" : "reads and writes mixed",
        settings.keepAlive() ? "keep-alive connections" : "one connection per request");
    CountDownLatch done = new CountDownLatch(1);
    long start = System.currentTimeMillis();
    long end = start + settings.seconds() * 1000L;
    double perTick = settings.rate() * TICK_MS / 1000.0;
    double[] due = {0};
    long load = vertx.setPeriodic(TICK_MS, id -> {
      long now = System.currentTimeMillis();
      if (now >= end || stopRequested()) {
        vertx.cancelTimer(id);
        done.countDown();
        return;
      }
      due[0] += perTick;
      while (due[0] >= 1) {
        due[0]--;
        sendOne();
      }
    });
    if (settings.probeMs() > 0) {
      vertx.setPeriodic(settings.probeMs(), id -> {
        if (done.getCount() == 0) {
          vertx.cancelTimer(id);
          return;
        }
        probe("ready", "/api/v1/health/ready");
        probe("live", "/api/v1/health/live");
      });
    }
    done.await();
    vertx.cancelTimer(load);
    // let the last requests finish (or time out) so each has an outcome
    long deadline = System.currentTimeMillis() + REQUEST_IDLE_TIMEOUT_MS + 2_000;
    while (outstanding.get() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    writeFiles();
    Summary.of(samples).print(System.out);
    System.out.printf("client-side: %d requests not sent (over %d outstanding), %d unfinished%n",
        skipped.get(), settings.maxOutstanding(), outstanding.get());
    if (settings.stopWhenNotReady()) {
      System.out.printf("readiness: first 503 seen at %d; %d requests withheld after it%n",
          notReadySinceMs, withheld.get());
    }
    return 0;
  }

  /** Users to write as, and a first article so that reads have something to read. */
  private void setUp() throws InterruptedException, java.util.concurrent.TimeoutException {
    for (int i = 0; i < USERS; i++) {
      String name = "load" + UUID.randomUUID().toString().substring(0, 8);
      JsonObject user = new JsonObject().put("user", new JsonObject().put("username", name)
          .put("email", name + "@example.com").put("password", "load-password-" + name));
      Reply reply = call(HttpMethod.POST, "/api/users", null, user).await(30, TimeUnit.SECONDS);
      if (reply.status() != 201) {
        throw new IllegalStateException("registration answered " + reply.status() + " "
            + reply.json());
      }
      tokens.add(reply.json().getJsonObject("user").getString("token"));
    }
  }

  private void sendOne() {
    if (notReadySinceMs > 0) {
      withheld.incrementAndGet();
      return;
    }
    if (outstanding.get() >= settings.maxOutstanding()) {
      skipped.incrementAndGet();
      return;
    }
    int dice = random.nextInt(100);
    if (settings.reads() || tokens.isEmpty()) {
      read(dice);
    } else if (dice < 65) {
      read(dice);
    } else if (dice < 90 || slugs.isEmpty()) {
      createArticle();
    } else {
      comment();
    }
  }

  private void read(int dice) {
    if (dice < 35 || slugs.isEmpty()) {
      record("list", call(HttpMethod.GET, "/api/articles?limit=20", null, null));
    } else if (dice < 50) {
      record("article", call(HttpMethod.GET, "/api/articles/" + anySlug(), null, null));
    } else {
      record("tags", call(HttpMethod.GET, "/api/tags", null, null));
    }
  }

  private void createArticle() {
    String title = "Load " + UUID.randomUUID();
    JsonArray tags = new JsonArray().add("load").add("t" + random.nextInt(50))
        .add("u" + random.nextInt(1000));
    JsonObject body = new JsonObject().put("article", new JsonObject().put("title", title)
        .put("description", "written under load").put("body", "body of " + title)
        .put("tagList", tags));
    record("create", call(HttpMethod.POST, "/api/articles", anyToken(), body).onSuccess(reply -> {
      if (reply.status() == 201) {
        String slug = reply.json().getJsonObject("article").getString("slug");
        slugs.add(slug);
        acks.add("article\t" + slug + "\t" + String.join(",", tags.getList()));
      }
    }));
  }

  private void comment() {
    String slug = anySlug();
    JsonObject body = new JsonObject().put("comment", new JsonObject().put("body", "noted"));
    record("comment", call(HttpMethod.POST, "/api/articles/" + slug + "/comments", anyToken(),
        body).onSuccess(reply -> {
          if (reply.status() == 201) {
            acks.add("comment\t" + slug + "\t"
                + reply.json().getJsonObject("comment").getLong("id"));
          }
        }));
  }

  private void probe(String op, String path) {
    long start = System.currentTimeMillis();
    request(probeClient, HttpMethod.GET, path, null, null).onComplete(result -> {
      long end = System.currentTimeMillis();
      String outcome = Outcomes.ofProbe(result);
      samples.add(new Sample(start, end, op, outcome));
      if (settings.stopWhenNotReady() && "ready".equals(op) && "503".equals(outcome)
          && notReadySinceMs == 0) {
        notReadySinceMs = end;
      }
    });
  }

  private void record(String op, Future<Reply> reply) {
    // the start is the moment the request was due: queueing in the client counts as latency
    long start = System.currentTimeMillis();
    outstanding.incrementAndGet();
    reply.onComplete(result -> {
      outstanding.decrementAndGet();
      samples.add(new Sample(start, System.currentTimeMillis(), op, Outcomes.of(result)));
    });
  }

  private Future<Reply> call(HttpMethod method, String path, String token, JsonObject body) {
    return request(client, method, path, token, body);
  }

  private static Future<Reply> request(HttpClientAgent http, HttpMethod method, String path,
      String token, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path)
        .setIdleTimeout(REQUEST_IDLE_TIMEOUT_MS);
    if (token != null) {
      options.putHeader("Authorization", "Token " + token);
    }
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return http.request(options)
        .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
        .compose(response -> response.body().map(buffer -> new Reply(response.statusCode(),
            Outcomes.jsonOrNull(buffer))));
  }

  private boolean stopRequested() {
    return settings.stopFile() != null && Files.exists(settings.stopFile());
  }

  private String anySlug() {
    return slugs.get(random.nextInt(slugs.size()));
  }

  private String anyToken() {
    return tokens.get(random.nextInt(tokens.size()));
  }

  private void writeFiles() throws IOException {
    Files.createDirectories(settings.out());
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(java.util.Comparator.comparingLong(Sample::startMs));
    try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(
        settings.out().resolve("requests.csv")))) {
      csv.println("start_ms,end_ms,op,outcome");
      sorted.forEach(sample -> csv.println(sample.csv()));
    }
    Files.write(settings.out().resolve("acks.tsv"), acks);
  }
}
