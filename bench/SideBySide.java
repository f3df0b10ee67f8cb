import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One burst of "open account" against a running server, Zipper or the peer, measured the same way:
 * run by bench/side-by-side.sh. java bench/SideBySide.java KIND URL SERVER_PID DATABASE SECONDS CLIENTS
 * <ul>
 *   <li>KIND zipper: POST URL/accounts with ZIPPER_TOKEN; its read side's lag from GET URL/log.
 *   <li>KIND axon: POST URL/accounts; its read side's lag from DATABASE (events less view rows, psql).
 *   <li>KIND raw: the database alone, pgbench appending to DATABASE's raw_events as an event store does
 *       (read the stream's version, insert the next event, commit); URL and SERVER_PID unused.
 * </ul>
 * Prints one line of name=value: commands/s, p50 and p99 in ms, failures, the read side's lag at the
 * end of the burst (events) and how long it took to catch up, and the server's CPU per command (the JVM
 * given, its broker included, plus every PostgreSQL process), for the burst alone and with the catch-up.
 */
public class SideBySide {

    private static final Pattern ZIPPER_LAG = Pattern.compile("\"account-view\":\\{[^}]*\"lag\":(\\d+)");
    private static final String BODY = "{\"name\":\"Bench\",\"email\":\"bench@example.org\"}";

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        URI api = URI.create(args[1].replaceAll("/?$", "/"));
        long serverPid = Long.parseLong(args[2]);
        String database = args[3];
        int seconds = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        if (kind.equals("raw")) {
            rawAppend(database, seconds, clients);
            return;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // as the peer speaks it
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder open = HttpRequest.newBuilder(api.resolve("accounts")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (kind.equals("zipper")) {
            open.header("Authorization", "Bearer " + System.getenv("ZIPPER_TOKEN"));
        }
        HttpRequest request = open.build();
        Lag lag = kind.equals("zipper") ? () -> zipperLag(http, api) : () -> axonLag(database);
        long lagBefore = lag.events();

        double cpuBefore = cpuMillis(serverPid);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 == 2 && n < mine.length - 1) {
                            mine[++n] = System.nanoTime() - sent;
                            mine[0] = n;
                            continue;
                        }
                    } catch (Exception e) {
                        // counted
                    }
                    failed.incrementAndGet();
                }
                return null;
            });
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double burst = (System.nanoTime() - began) / 1e9;
        double cpuBurst = cpuMillis(serverPid) - cpuBefore;
        long behind = lag.events() - lagBefore;
        long stopped = System.nanoTime();
        while (lag.events() - lagBefore > 0 && System.nanoTime() - stopped < TimeUnit.MINUTES.toNanos(5)) {
            Thread.sleep(20);
        }
        double catchUp = (System.nanoTime() - stopped) / 1e9;
        double cpuAll = cpuMillis(serverPid) - cpuBefore;

        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 1, (int) l[0] + 1)).sorted().toArray();
        long commands = all.length;
        System.out.printf("commands-per-s=%.1f p50-ms=%.1f p99-ms=%.1f failed=%d behind-events=%d catch-up-s=%.1f "
                        + "cpu-ms-burst=%.2f cpu-ms-with-catch-up=%.2f%n",
                commands / burst, percentile(all, 0.50), percentile(all, 0.99), failed.get(), behind, catchUp,
                cpuBurst / Math.max(1, commands), cpuAll / Math.max(1, commands));
    }

    /** pgbench with bench/raw-append.sql; the CPU is PostgreSQL's alone (pgbench is not a postgres process). */
    private static void rawAppend(String database, int seconds, int clients) throws Exception {
        double cpuBefore = cpuMillis(0);
        Process pgbench = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-f",
                "bench/raw-append.sql", "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Integer.toString(seconds), database).redirectErrorStream(true).start();
        String out = new String(pgbench.getInputStream().readAllBytes());
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + out);
        }
        double cpu = cpuMillis(0) - cpuBefore;
        Matcher transactions = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(out);
        Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(out);
        Matcher latency = Pattern.compile("latency average = ([\\d.]+) ms").matcher(out);
        if (!transactions.find() || !tps.find() || !latency.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        System.out.printf("commands-per-s=%s mean-ms=%s cpu-ms-burst=%.2f%n", tps.group(1), latency.group(1),
                cpu / Math.max(1, Long.parseLong(transactions.group(1))));
    }

    interface Lag {
        long events() throws Exception;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static long zipperLag(HttpClient http, URI api) throws Exception {
        String log = http.send(HttpRequest.newBuilder(api.resolve("log"))
                .header("Authorization", "Bearer " + System.getenv("ZIPPER_TOKEN")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher lag = ZIPPER_LAG.matcher(log);
        if (!lag.find()) {
            throw new IllegalStateException("no account-view lag in GET /log: " + log);
        }
        return Long.parseLong(lag.group(1));
    }

    private static long axonLag(String database) throws Exception {
        Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-Atc",
                "SELECT (SELECT count(*) FROM domain_event_entry) - (SELECT count(*) FROM account_view)")
                .redirectErrorStream(true).start();
        String out = new String(psql.getInputStream().readAllBytes()).trim();
        psql.waitFor();
        return Long.parseLong(out);
    }

    /**
     * CPU time in ms of the server's JVM and of every PostgreSQL process (with the children the postmaster
     * has reaped, so a backend that ended during the burst still counts).
     */
    private static double cpuMillis(long serverPid) throws Exception {
        long ticks = serverPid == 0 ? 0 : ticks(Path.of("/proc/" + serverPid + "/stat"), false);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        ticks += ticks(process.resolve("stat"), true);
                    }
                } catch (java.io.IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return ticks * 10.0; // USER_HZ 100
    }

    private static long ticks(Path stat, boolean withChildren) throws java.io.IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        // fields from the state on (field 3): utime 14, stime 15, cutime 16, cstime 17
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }
}
