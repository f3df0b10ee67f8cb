package dev.zipper.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /events: the log as Server-Sent Events, resumable by position. */
@ExtendWith(ZipperServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveEventsE2EIT {

    private static final URI EVENTS = URI.create(ZipperServer.WEB_MODULE + "api/events");

    private final ZipperHttp http = new ZipperHttp(ZipperServer.WEB_MODULE);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Order(1)
    void a_subscriber_dropped_and_reconnected_during_a_load_receives_every_position_exactly_once() throws Exception {
        long start = head();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> commands = load.submit(() -> {
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> opened = http.post("accounts", "{\"name\": \"Live " + i + "\", \"email\": \"l@example.org\"}");
                http.post("accounts/" + ZipperHttp.json(opened).asJsonObject().getString("id") + "/confirm", null);
            }
        });
        List<Event> received = new ArrayList<>();
        try (Subscription first = subscribe("?after=" + start)) {
            received.addAll(first.next(25));
        } // dropped mid-load: the connection is closed under the server
        String lastId = String.valueOf(received.get(received.size() - 1).id());
        try (Subscription resumed = subscribe("", "Last-Event-ID", lastId)) {
            commands.get(2, TimeUnit.MINUTES);
            long end = head();
            while (received.get(received.size() - 1).id() < end) {
                received.addAll(resumed.next(1));
            }
        } finally {
            load.shutdownNow();
        }
        assertThat(received.stream().map(Event::id).toList()).as("every position once, in order")
                .isEqualTo(LongStream.rangeClosed(start + 1, received.get(received.size() - 1).id()).boxed().toList());
        assertThat(received).allSatisfy(event -> assertThat(event.data().getJsonNumber("position").longValue()).isEqualTo(event.id()));
        assertThat(received.stream().map(Event::type)).contains("account.opened", "account.confirmed");
    }

    @Test
    @Order(2)
    void a_subscriber_to_one_stream_gets_its_events_from_the_start_with_their_data() throws Exception {
        HttpResponse<String> opened = http.post("accounts", "{\"name\": \"Solo\", \"email\": \"solo@example.org\"}");
        String id = ZipperHttp.json(opened).asJsonObject().getString("id");
        http.post("accounts/" + id + "/confirm", null);
        try (Subscription one = subscribe("?after=0&type=account&id=" + id)) {
            List<Event> events = one.next(2);
            assertThat(events).extracting(Event::type).containsExactly("account.opened", "account.confirmed");
            assertThat(events.get(0).data().getJsonObject("data").getString("name")).isEqualTo("Solo");
            assertThat(events.get(1).data().getInt("streamVersion")).isEqualTo(2);
        }
    }

    @Test
    @Order(2)
    void a_customer_follows_the_events_of_their_own_streams_only() throws Exception {
        long start = head();
        String subject = "live-" + System.nanoTime();
        String token = Tokens.of("customer", subject);
        try (Subscription own = subscribe("?after=" + start, "Authorization", "Bearer " + token)) {
            http.post("accounts", "{\"name\": \"Someone else\", \"email\": \"else@example.org\"}");
            http.as(token).post("accounts", "{\"name\": \"Mine\", \"email\": \"mine@example.org\"}");
            Event first = own.next(1).get(0);
            assertThat(first.data().getString("streamId")).as("the other account's event was not sent").isEqualTo(subject);
            assertThat(first.data().getJsonObject("actor").getString("subject")).isEqualTo(subject);
        }
    }

    @Test
    @Order(3)
    void an_idle_stream_gets_a_heartbeat() throws Exception {
        try (Subscription idle = subscribe("?type=account&id=nobody")) {
            String line = idle.nextLine(Duration.ofSeconds(25));
            while (!line.contains("heartbeat")) {
                line = idle.nextLine(Duration.ofSeconds(25));
            }
            assertThat(line).as("a comment line").startsWith(":");
        }
    }

    @Test
    @Order(4)
    void a_position_that_is_not_one_is_refused() throws Exception {
        HttpResponse<String> refused = client.send(events(EVENTS).header("Last-Event-ID", "abc").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Last-Event-ID must be a log position");
    }

    @Test
    @Order(5)
    void past_the_limit_of_subscribers_a_new_one_is_refused_with_a_503() throws Exception {
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        HttpResponse<Stream<String>> refused = null;
        try {
            // the streams of the tests before may still count: a client gone is noticed at its next write
            while (refused == null && open.size() <= 32) {
                HttpResponse<Stream<String>> answer = client.send(events(EVENTS).build(),
                        HttpResponse.BodyHandlers.ofLines());
                if (answer.statusCode() == 200) {
                    open.add(answer);
                } else {
                    refused = answer;
                }
            }
            assertThat(open).as("at most 32 taken").hasSizeLessThanOrEqualTo(32);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body().collect(Collectors.joining())).contains("32 clients follow the events already");
        } finally {
            open.forEach(answer -> answer.body().close());
        }
    }

    /** A request for the stream with the suites' token. */
    private static HttpRequest.Builder events(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + Tokens.suite());
    }

    private long head() {
        return ZipperHttp.json(http.get("log")).asJsonObject().getJsonNumber("head").longValue();
    }

    private Subscription subscribe(String query, String... headers) throws Exception {
        boolean own = List.of(headers).contains("Authorization");
        HttpRequest.Builder request = (own ? HttpRequest.newBuilder(URI.create(EVENTS + query)) : events(URI.create(EVENTS + query)))
                .header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<Stream<String>> response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        return new Subscription(response.body());
    }

    private record Event(long id, String type, JsonObject data) {
    }

    /** One open stream, read a line at a time, each read bounded. */
    private static final class Subscription implements AutoCloseable {

        private final Stream<String> lines;
        private final Iterator<String> reader;
        private final ExecutorService reading = Executors.newSingleThreadExecutor();

        Subscription(Stream<String> lines) {
            this.lines = lines;
            this.reader = lines.iterator();
        }

        String nextLine(Duration within) throws Exception {
            return CompletableFuture.supplyAsync(reader::next, reading).get(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The next {@code count} events, skipping comments. */
        List<Event> next(int count) throws Exception {
            List<Event> events = new ArrayList<>();
            Long id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            while (events.size() < count) {
                String line = nextLine(Duration.ofSeconds(30));
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && id != null) {
                    events.add(new Event(id, type, Json.createReader(new StringReader(data.toString())).readObject()));
                    id = null;
                    type = null;
                    data.setLength(0);
                }
            }
            return events;
        }

        @Override
        public void close() {
            lines.close();
            reading.shutdownNow();
        }
    }
}
