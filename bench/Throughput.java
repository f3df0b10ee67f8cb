import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator and the raw baselines of bench/throughput.sh, one measurement a call, printed as
 * one "name value" line (rates per second, latencies in ms):
 * <pre>
 *   commands API open|transition CLIENTS SECONDS   commands/s over HTTP: open accounts, or take accounts
 *                                                  opened first through suspend/reactivate again and again
 *   long API IDS_FILE CLIENTS SECONDS [NAME]       the same transitions on the accounts listed (long streams),
 *                                                  printed as NAME-CLIENTS (default long)
 *   latency API RATE SECONDS                       opens at a fixed rate; ms from sending to visible in GET
 *   drain API JDBC_URL USER COUNT                  writes a backlog of COUNT events to the log (PostgreSQL),
 *                                                  then events/s the relay publishes and the projection applies
 *   rebuild API PROJECTION                         rebuilds the projection from the log (POST
 *                                                  log/projections/{name}/rebuild): log events/s, start to cut-over
 *   raw-append JDBC_URL USER CLIENTS SECONDS       the database alone: read the stream's version, insert the
 *                                                  next event, commit (a table of its own, raw_events)
 *   raw-head-append JDBC_URL USER CLIENTS SECONDS  the same, and the position taken from a one-row head
 *                                                  locked to commit, as Zipper's log does (gap-free positions)
 *   raw-upsert JDBC_URL USER SECONDS               the database alone: 1,000 single-row upserts a transaction
 * Commands and raw appends also print the CPU they cost the machine, less the load generator's own, in ms
 * per operation ("-cpu-ms"), and the server's share of it ("-server-cpu-ms", the process ZIPPER_SERVER_PID).
 *   table RESULTS_FILE                             medians (min-max) and ratios of every measurement
 * </pre>
 */
public class Throughput {

    /** The caller the scripts make (every role, of the development issuer): ZIPPER_TOKEN. */
    private static final String BEARER = "Bearer " + System.getenv("ZIPPER_TOKEN");
    private static final Pattern HEAD = Pattern.compile("\"head\":(\\d+)");
    private static final Pattern PUBLISHED = Pattern.compile("\"published\":(\\d+)");
    private static final Pattern APPLIED = Pattern.compile("\"account-view\":\\{[^}]*\"appliedPosition\":(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String PAYLOAD = "{\"name\":\"Bench\",\"email\":\"bench@example.org\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "commands" -> commands(URI.create(args[1] + "/"), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "long" -> transitions(URI.create(args[1] + "/"), Files.readAllLines(Path.of(args[2])),
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]), args.length > 5 ? args[5] : "long");
            case "latency" -> latency(URI.create(args[1] + "/"), Double.parseDouble(args[2]), Integer.parseInt(args[3]));
            case "rebuild" -> rebuild(URI.create(args[1] + "/"), args[2]);
            case "drain" -> drain(URI.create(args[1] + "/"), args[2], args[3], Integer.parseInt(args[4]));
            case "raw-append", "raw-head-append" -> rawAppend(args[0], args[1], args[2], Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "raw-upsert" -> rawUpsert(args[1], args[2], Integer.parseInt(args[3]));
            case "table" -> table(Path.of(args[1]));
            default -> throw new IllegalArgumentException("unknown measurement " + args[0]);
        }
    }

    private static void commands(URI api, String kind, int clients, int seconds) throws Exception {
        if (kind.equals("open")) {
            Cpu before = Cpu.now();
            long done = during(clients, seconds, client -> post(api.resolve("accounts"), PAYLOAD) != null ? 1 : 0);
            System.out.printf("open-%d %.1f%n", clients, done / (double) seconds);
            Cpu.now().minus(before).print("open-" + clients, done);
            return;
        }
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String id = id(post(api.resolve("accounts"), PAYLOAD));
            post(api.resolve("accounts/" + id + "/confirm"), null);
            post(api.resolve("accounts/" + id + "/activate"), null);
            ids.add(id);
        }
        transitions(api, ids, clients, seconds, "transition");
    }

    /** Each client suspends and reactivates its own account; a refusal (it was left the other way) flips it. */
    private static void transitions(URI api, List<String> ids, int clients, int seconds, String name) throws Exception {
        String[][] next = new String[clients][1];
        for (String[] action : next) {
            action[0] = "suspend";
        }
        long done = during(clients, seconds, client -> {
            String id = ids.get(client % ids.size());
            String action = next[client][0];
            next[client][0] = action.equals("suspend") ? "reactivate" : "suspend";
            return post(api.resolve("accounts/" + id + "/" + action), null) != null ? 1 : 0;
        });
        System.out.printf("%s-%d %.1f%n", name, clients, done / (double) seconds);
    }

    /** Opens at a fixed rate, each on its own thread, and times each until GET shows the account. */
    private static void latency(URI api, double rate, int seconds) throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newCachedThreadPool();
        long start = System.nanoTime();
        long count = (long) (rate * seconds);
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / rate);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            pool.submit(() -> {
                long sent = System.nanoTime();
                String id = id(post(api.resolve("accounts"), PAYLOAD));
                while (id != null && System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(30)) {
                    if (get(api.resolve("accounts/" + id)).statusCode() == 200) {
                        millis.add((System.nanoTime() - sent) / 1e6);
                        return null;
                    }
                    // every millisecond at first, then less often: pollers must not become the load
                    Thread.sleep(Math.min(10, 1 + (System.nanoTime() - sent) / 10_000_000));
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("visible-p50-ms %.1f%nvisible-p99-ms %.1f%n", percentile(sorted, 50), percentile(sorted, 99));
    }

    /**
     * Writes a backlog of {@code count} events (one new account each) straight to the log, as commands
     * would have, then times the relay publishing it and the projection applying it.
     */
    private static void rebuild(URI api, String projection) throws Exception {
        Pattern finished = Pattern.compile("\"" + projection + "\":\\{\"version\":\\d+,\"state\":\"live\",\"position\":(\\d+)"
                + "[^}]*\"finishedAt\":\"([^\"]+)\"");
        long start = System.nanoTime();
        java.time.Instant asked = java.time.Instant.now();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(api.resolve("log/projections/" + projection + "/rebuild"))
                .header("Authorization", BEARER).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + accepted.statusCode() + " " + accepted.body());
        }
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(30)) {
            Thread.sleep(100);
            Matcher done = finished.matcher(get(api.resolve("log")).body());
            if (done.find() && java.time.Instant.parse(done.group(2)).isAfter(asked)) {
                System.out.printf("rebuild-events %.0f%n", Long.parseLong(done.group(1)) / ((System.nanoTime() - start) / 1e9));
                return;
            }
        }
        throw new IllegalStateException("the rebuild of " + projection + " did not end within 30 minutes");
    }

    private static void drain(URI api, String url, String user, int count) throws Exception {
        long published0 = number(PUBLISHED, get(api.resolve("log")).body(), 1);
        long head;
        long start;
        try (Connection connection = DriverManager.getConnection(url, user, user); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.executeUpdate("UPDATE log_head SET position = position + " + count + " WHERE id = 1");
            sql.executeUpdate("INSERT INTO events (position, stream_type, stream_id, stream_version, event_type, schema_version, "
                    + "payload, event_id, correlation_id, causation_id, recorded_at) "
                    + "SELECT h.position - " + count + " + g, 'account', gen_random_uuid()::text, 1, 'account.opened', 1, "
                    + "'" + PAYLOAD + "', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() "
                    + "FROM log_head h, generate_series(1, " + count + ") g");
            try (ResultSet row = sql.executeQuery("SELECT position FROM log_head")) {
                row.next();
                head = row.getLong(1);
            }
            start = System.nanoTime();
            connection.commit();
        }
        double publishedAt = 0;
        double appliedAt = 0;
        while ((publishedAt == 0 || appliedAt == 0) && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(20);
            String log = get(api.resolve("log")).body();
            double now = (System.nanoTime() - start) / 1e9;
            if (publishedAt == 0 && number(PUBLISHED, log, 1) >= head) {
                publishedAt = now;
            }
            if (appliedAt == 0 && number(APPLIED, log, 1) >= head) {
                appliedAt = now;
            }
        }
        System.out.printf("relay-events %.0f%ndrain-events %.0f%n", (head - published0) / publishedAt, count / appliedAt);
    }

    private static void rawAppend(String name, String url, String user, int clients, int seconds) throws Exception {
        boolean head = name.equals("raw-head-append");
        try (Connection connection = DriverManager.getConnection(url, user, user)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS raw_events");
                ddl.execute("CREATE TABLE raw_events (position BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                        + "stream_id VARCHAR(64) NOT NULL, stream_version INTEGER NOT NULL, payload VARCHAR NOT NULL, "
                        + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, UNIQUE (stream_id, stream_version))");
                ddl.execute("DROP TABLE IF EXISTS raw_head");
                ddl.execute("CREATE TABLE raw_head (id INTEGER PRIMARY KEY, position BIGINT NOT NULL)");
                ddl.execute("INSERT INTO raw_head VALUES (1, 0)");
            }
        }
        Cpu before = Cpu.now();
        long done = during(clients, seconds, new ThreadLocal<Connection>() {
            @Override
            protected Connection initialValue() {
                try {
                    Connection connection = DriverManager.getConnection(url, user, user);
                    connection.setAutoCommit(false);
                    return connection;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, (connection, client) -> {
            String stream = UUID.randomUUID().toString();
            try (PreparedStatement version = connection.prepareStatement(
                    "SELECT COALESCE(MAX(stream_version), 0) FROM raw_events WHERE stream_id = ?");
                 PreparedStatement advance = connection.prepareStatement(
                         "UPDATE raw_head SET position = position + 1 WHERE id = 1", new String[] {"position"});
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO raw_events (stream_id, stream_version, payload, recorded_at, position) "
                                 + "VALUES (?, ?, ?, CURRENT_TIMESTAMP, " + (head ? "?" : "DEFAULT") + ")")) {
                version.setString(1, stream);
                int current;
                try (ResultSet row = version.executeQuery()) {
                    row.next();
                    current = row.getInt(1);
                }
                insert.setString(1, stream);
                insert.setInt(2, current + 1);
                insert.setString(3, PAYLOAD);
                if (head) {
                    advance.executeUpdate();
                    try (ResultSet position = advance.getGeneratedKeys()) {
                        position.next();
                        insert.setLong(4, position.getLong(1));
                    }
                }
                insert.executeUpdate();
                connection.commit();
                return 1;
            }
        });
        String measured = name + "-" + clients;
        System.out.printf("%s %.1f%n", measured, done / (double) seconds);
        Cpu.now().minus(before).print(measured, done);
    }

    private static void rawUpsert(String url, String user, int seconds) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, user)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS raw_view");
                ddl.execute("CREATE TABLE raw_view (id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL, version INTEGER NOT NULL)");
            }
            connection.setAutoCommit(false);
            boolean h2 = url.startsWith("jdbc:h2:");
            String sql = h2 ? "MERGE INTO raw_view (id, name, version) KEY (id) VALUES (?, ?, ?)"
                    : "INSERT INTO raw_view (id, name, version) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version";
            long rows = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 1000; i++) {
                        upsert.setString(1, "row-" + ThreadLocalRandom.current().nextInt(100_000));
                        upsert.setString(2, "Bench");
                        upsert.setInt(3, i);
                        upsert.executeUpdate();
                    }
                    connection.commit();
                    rows += 1000;
                }
            }
            System.out.printf("raw-upsert %.0f%n", rows / (double) seconds);
        }
    }

    /** Medians (min-max) over the rounds, and Zipper's figures as ratios of the raw ones. */
    private static void table(Path results) throws Exception {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (String line : Files.readAllLines(results)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[1].matches("[0-9.]+")) {
                byName.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
            }
        }
        Map<String, String> baseline = Map.of("open-16", "raw-append-16", "open-1", "raw-append-1",
                "transition-16", "raw-append-16", "long-16", "raw-append-16", "drain-events", "raw-upsert",
                "raw-head-append-16", "raw-append-16", "open-16-cpu-ms", "raw-append-16-cpu-ms",
                "stream-100000-1", "stream-10-1", "rebuild-events", "drain-events");
        System.out.println("| Measurement | Median (min-max) | Rounds | Ratio to |");
        System.out.println("| --- | ---: | ---: | --- |");
        byName.forEach((name, values) -> {
            String base = baseline.get(name);
            String ratio = base == null || !byName.containsKey(base) ? ""
                    : String.format("%.3f of %s", median(values) / median(byName.get(base)), base);
            System.out.printf("| %s | %s (%s-%s) | %d | %s |%n", name, format(median(values)),
                    format(Collections.min(values)), format(Collections.max(values)), values.size(), ratio);
        });
    }

    /**
     * CPU time in ms: the machine's busy time less this load generator's own, and the server's by what
     * its threads do (read from /proc, so Linux only; nothing where it is not there).
     */
    record Cpu(double machineMs, Map<String, Double> serverMs) {

        /** Thread-name prefixes of the server (WildFly with its broker) and what those threads do. */
        private static final Map<String, String> WORK = Map.of("default task", "http-commands",
                "EE-ManagedExecutor", "relay", "Thread-", "broker-deliveries", "activemq", "broker",
                "C1 Compiler", "jit", "C2 Compiler", "jit", "GC Thread", "gc", "G1", "gc");

        static Cpu now() {
            double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
            return new Cpu(ticks(firstLine("/proc/stat"), 1, 2, 3, 6, 7, 8) * 10 - own, server());
        }

        private static Map<String, Double> server() {
            Map<String, Double> byWork = new java.util.TreeMap<>();
            String pid = System.getenv("ZIPPER_SERVER_PID");
            File[] threads = pid == null ? null : new File("/proc/" + pid + "/task").listFiles();
            for (File thread : threads == null ? new File[0] : threads) {
                String name = firstLine(thread + "/comm");
                String work = WORK.entrySet().stream().filter(w -> name.startsWith(w.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElse("other");
                byWork.merge(work, ticks(afterName(firstLine(thread + "/stat")), 11, 12) * 10.0, Double::sum);
            }
            return byWork;
        }

        /** The fields of /proc/PID/stat after the process's name (utime is the 12th of them, stime the 13th). */
        private static String afterName(String stat) {
            return stat.substring(stat.lastIndexOf(')') + 1).trim();
        }

        private static String firstLine(String file) {
            try {
                return Files.readAllLines(Path.of(file)).get(0);
            } catch (Exception e) {
                return "";
            }
        }

        /** The sum of the given whitespace-separated fields, in clock ticks (10 ms); 0 if they are not there. */
        private static long ticks(String line, int... fields) {
            String[] parts = line.split("\\s+");
            long sum = 0;
            for (int field : fields) {
                sum += field < parts.length ? Long.parseLong(parts[field]) : 0;
            }
            return sum;
        }

        Cpu minus(Cpu earlier) {
            Map<String, Double> server = new java.util.TreeMap<>(serverMs);
            earlier.serverMs.forEach((work, ms) -> server.merge(work, -ms, Double::sum));
            return new Cpu(machineMs - earlier.machineMs, server);
        }

        void print(String name, long operations) {
            double per = Math.max(1, operations);
            System.out.printf("%s-cpu-ms %.2f%n", name, machineMs / per);
            if (!serverMs.isEmpty() && !name.startsWith("raw")) { // the server idles during the raw ones
                System.out.printf("%s-server-cpu-ms %.2f%n", name, serverMs.values().stream().mapToDouble(d -> d).sum() / per);
                // threads that ended during the run (their time is lost) can make a share come out negative
                serverMs.forEach((work, ms) -> System.out.printf("%s-server-cpu-ms-%s %.2f%n", name, work, Math.max(0, ms) / per));
            }
        }
    }

    interface Work {
        long run(int client) throws Exception;
    }

    interface WorkWith<R> {
        long run(R resource, int client) throws Exception;
    }

    private static long during(int clients, int seconds, Work work) throws Exception {
        return during(clients, seconds, ThreadLocal.withInitial(() -> null), (ignored, client) -> work.run(client));
    }

    /** Runs the work on every client, again and again, for the given time; returns what they did in total. */
    private static <R> long during(int clients, int seconds, ThreadLocal<R> resource, WorkWith<R> work) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                R r = resource.get();
                while (System.nanoTime() < end) {
                    done.addAndGet(work.run(r, client));
                }
                if (r instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the clients did not stop");
        }
        return done.get();
    }

    private static String post(URI uri, String json) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", BEARER)
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? response.body() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", BEARER).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String id(String body) {
        Matcher id = body == null ? null : ID.matcher(body);
        return id != null && id.find() ? id.group(1) : null;
    }

    private static long number(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(group)) : 0;
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%.0f", value) : value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }
}
