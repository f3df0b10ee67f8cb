package dev.zipper.faults;

import dev.zipper.e2e.ZipperHttp;
import dev.zipper.e2e.ZipperServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients sending account commands over HTTP, each opening an account and taking it through its life
 * cycle, recording every command the server acknowledged (2xx) with the stream version it reported.
 * A client whose command fails (refused, error status, connection lost) forgets its account, since it
 * cannot know whether the command took effect, and opens another.
 */
final class CommandLoad implements AutoCloseable {

    /** An acknowledged command: the stream and the version its last event got. */
    record Acknowledged(String streamId, int version, long at) {
    }

    /** A failed command: its HTTP status (0: no answer), problem detail, when it started and how long it took. */
    record Failed(int status, String detail, long startedAt, long millis) {
    }

    private static final Map<String, String> NEXT = Map.of(
            "PENDING", "confirm", "CONFIRMED", "activate", "ACTIVE", "suspend", "SUSPENDED", "reactivate");
    private static final Map<String, String> AFTER = Map.of(
            "confirm", "CONFIRMED", "activate", "ACTIVE", "suspend", "SUSPENDED", "reactivate", "ACTIVE");
    private static final int COMMANDS_PER_ACCOUNT = 8;

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);
    private final Set<Acknowledged> acknowledged = ConcurrentHashMap.newKeySet();
    private final Queue<Failed> failed = new ConcurrentLinkedQueue<>();
    /** Signalled at each acknowledgement: wakes the clients held back after a failure. */
    private final Object progress = new Object();
    private final AtomicInteger sent = new AtomicInteger();
    private final ExecutorService clients;
    private volatile boolean running = true;

    CommandLoad(int clients) {
        this.clients = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.submit(this::client);
        }
    }

    int sent() {
        return sent.get();
    }

    Set<Acknowledged> acknowledged() {
        return acknowledged;
    }

    List<Failed> failed() {
        return List.copyOf(failed);
    }

    long acknowledgedSince(long millis) {
        return acknowledged.stream().filter(a -> a.at() >= millis).count();
    }

    /** Stops sending and waits for the commands in flight. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("load clients did not stop");
        }
    }

    private void client() {
        String account = null;
        String status = null;
        int commands = 0;
        while (running) {
            boolean opening = account == null || commands >= COMMANDS_PER_ACCOUNT;
            String action = opening ? null : NEXT.get(status);
            long started = System.currentTimeMillis();
            sent.incrementAndGet();
            try {
                HttpResponse<String> response = opening
                        ? http.post("accounts", "{\"name\": \"Load\", \"email\": \"load@example.org\"}")
                        : http.post("accounts/" + account + "/" + action, null);
                if (response.statusCode() / 100 != 2) {
                    fail(response.statusCode(), response.body(), started);
                    account = null;
                    continue;
                }
                JsonObject result = ZipperHttp.json(response).asJsonObject();
                acknowledge(result.getString("id"), result.getInt("version"));
                account = result.getString("id");
                status = opening ? "PENDING" : AFTER.get(action);
                commands = opening ? 0 : commands + 1;
            } catch (RuntimeException e) {
                fail(0, String.valueOf(e), started);
                account = null;
            }
        }
    }

    private void acknowledge(String id, int version) {
        acknowledged.add(new Acknowledged(id, version, System.currentTimeMillis()));
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /**
     * Records a failure, then holds this client back until another one gets an acknowledgement (at most
     * 100 ms): while the server or the database is down the clients do not spin, and they all resume as
     * soon as commands succeed again.
     */
    private void fail(int status, String detail, long started) {
        failed.add(new Failed(status, detail, started, System.currentTimeMillis() - started));
        synchronized (progress) {
            try {
                progress.wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
