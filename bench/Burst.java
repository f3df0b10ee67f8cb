import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst of commands at the highest rate the clients reach, against a running Zipper, and how the
 * read side follows: run by bench/burst.sh (java bench/Burst.java API SECONDS CLIENTS). Each client
 * opens an account and takes it through confirm, activate, suspend and reactivate, again and again.
 * Once a second it reads GET /log: the head (committed) and account-view's lag (the account events it
 * has not applied yet, the same answer from every instance of a cluster); after the burst it waits
 * until the lag is 0. It also reports the CPU the burst cost the machine per command, less its own.
 */
public class Burst {

    /** The caller the scripts make (every role, of the development issuer): ZIPPER_TOKEN. */
    private static final String BEARER = "Bearer " + System.getenv("ZIPPER_TOKEN");
    private static final Pattern HEAD = Pattern.compile("\"head\":(\\d+)");
    private static final Pattern LAG = Pattern.compile("\"account-view\":\\{[^}]*\"lag\":(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String[] LIFE = {"confirm", "activate", "suspend", "reactivate"};

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0].replaceAll("/?$", "/"));
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long[] start = progress(http, api);
        double cpuBefore = machineBusyMillis();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong commands = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (running.get()) {
                    String id = open(http, api, commands, failed);
                    for (int i = 0; id != null && i < LIFE.length && running.get(); i++) {
                        send(http, api.resolve("accounts/" + id + "/" + LIFE[i]), null, commands, failed);
                    }
                }
                return null;
            });
        }
        long maxLag = 0;
        List<String> samples = new ArrayList<>();
        for (int s = 1; s <= seconds; s++) {
            Thread.sleep(Math.max(0, began + s * 1_000_000_000L - System.nanoTime()) / 1_000_000);
            long[] now = progress(http, api);
            long lag = lag(start, now);
            maxLag = Math.max(maxLag, lag);
            samples.add(s + "s:" + lag);
        }
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double burst = (System.nanoTime() - began) / 1e9;
        double cpuPerCommand = (machineBusyMillis() - cpuBefore) / Math.max(1, commands.get());
        long[] end = progress(http, api);
        long committed = end[0] - start[0];
        long lagAtEnd = lag(start, end);
        long appliedInBurst = committed - (lagAtEnd - start[1]);
        long stopped = System.nanoTime();
        long[] caught = end;
        while (lag(start, caught) > 0 && System.nanoTime() - stopped < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(100);
            caught = progress(http, api);
        }
        double catchUp = (System.nanoTime() - stopped) / 1e9;
        System.out.printf("clients %d, burst %.1f s: commands %d (%.0f/s, %d failed); events committed %d (%.0f/s), "
                        + "projected during the burst %d (%.0f/s, %.2f of committed); largest lag %d events, %d at the end; "
                        + "caught up %.1f s after the burst%s; CPU per command %.1f ms (the machine's, less this program's)%n",
                clients, burst, commands.get(), commands.get() / burst, failed.get(), committed, committed / burst,
                appliedInBurst, appliedInBurst / burst, committed == 0 ? 0 : (double) appliedInBurst / committed,
                Math.max(maxLag, lagAtEnd), lagAtEnd, catchUp, lag(start, caught) > 0 ? " (NOT caught up after 10 min)" : "",
                cpuPerCommand);
        System.out.println("lag by second: " + String.join(" ", samples));
    }

    private static String open(HttpClient http, URI api, AtomicLong commands, AtomicLong failed) {
        String body = send(http, api.resolve("accounts"), "{\"name\":\"Bench\",\"email\":\"bench@example.org\"}", commands, failed);
        if (body == null) {
            return null;
        }
        Matcher id = ID.matcher(body);
        return id.find() ? id.group(1) : null;
    }

    private static String send(HttpClient http, URI uri, String json, AtomicLong commands, AtomicLong failed) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", BEARER)
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                commands.incrementAndGet();
                return response.body();
            }
        } catch (Exception e) {
            // counted below
        }
        failed.incrementAndGet();
        return null;
    }

    /** {committed head, account events account-view has not applied}. */
    private static long[] progress(HttpClient http, URI api) throws Exception {
        String log = http.send(HttpRequest.newBuilder(api.resolve("log")).header("Authorization", BEARER).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher head = HEAD.matcher(log);
        Matcher lag = LAG.matcher(log);
        return new long[] {head.find() ? Long.parseLong(head.group(1)) : 0, lag.find() ? Long.parseLong(lag.group(1)) : 0};
    }

    /** The lag, less what there was before the burst. */
    private static long lag(long[] start, long[] now) {
        return now[1] - start[1];
    }

    /** The machine's busy CPU time (Linux's /proc/stat: user, nice, system, irq, softirq, steal), less this JVM's. */
    private static double machineBusyMillis() throws Exception {
        String[] ticks = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(ticks[field]);
        }
        double own = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
        return busy * 10 - own; // a tick is 10 ms (USER_HZ 100)
    }
}
