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
 * Once a second it reads GET /log: the head (committed), and what the projection has applied since the
 * burst began; the lag is the difference. After the burst it waits until the lag is 0.
 */
public class Burst {

    private static final Pattern HEAD = Pattern.compile("\"head\":(\\d+)");
    private static final Pattern APPLIED = Pattern.compile("\"account-view\":\\{\"applied\":(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String[] LIFE = {"confirm", "activate", "suspend", "reactivate"};

    public static void main(String[] args) throws Exception {
        URI api = URI.create(args[0].replaceAll("/?$", "/"));
        int seconds = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long[] start = progress(http, api);
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
        long[] end = progress(http, api);
        long committed = end[0] - start[0];
        long appliedInBurst = end[1] - start[1];
        long lagAtEnd = lag(start, end);
        long stopped = System.nanoTime();
        long[] caught = end;
        while (lag(start, caught) > 0 && System.nanoTime() - stopped < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(100);
            caught = progress(http, api);
        }
        double catchUp = (System.nanoTime() - stopped) / 1e9;
        System.out.printf("clients %d, burst %.1f s: commands %d (%.0f/s, %d failed); events committed %d (%.0f/s), "
                        + "projected during the burst %d (%.0f/s, %.2f of committed); largest lag %d events, %d at the end; "
                        + "caught up %.1f s after the burst%s%n",
                clients, burst, commands.get(), commands.get() / burst, failed.get(), committed, committed / burst,
                appliedInBurst, appliedInBurst / burst, committed == 0 ? 0 : (double) appliedInBurst / committed,
                Math.max(maxLag, lagAtEnd), lagAtEnd, catchUp, lag(start, caught) > 0 ? " (NOT caught up after 10 min)" : "");
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
                    .header("Content-Type", "application/json")
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

    /** {committed head, events the projection has applied since the server started}. */
    private static long[] progress(HttpClient http, URI api) throws Exception {
        String log = http.send(HttpRequest.newBuilder(api.resolve("log")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher head = HEAD.matcher(log);
        Matcher applied = APPLIED.matcher(log);
        return new long[] {head.find() ? Long.parseLong(head.group(1)) : 0, applied.find() ? Long.parseLong(applied.group(1)) : 0};
    }

    private static long lag(long[] start, long[] now) {
        return (now[0] - start[0]) - (now[1] - start[1]);
    }
}
