import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What reading one's own write costs, one client against a running Zipper: for each way, a command
 * (suspend or reactivate an account, in turn) and what follows it, timed from before the command to the
 * last answer. The ways are interleaved, a round of each in turn, so that drift touches all alike.
 *   command          the command alone (the baseline)
 *   command+query    the command, then GET with Zipper-Min-Position: the view waits for the write
 *   await-view       the command with Zipper-Await-View: answered once the view shows it
 *   command+poll     the command, then GET every 5 ms until the view shows it (what a client does without them)
 * Prints, per way, p50 and p99 in ms and the p50 as a ratio to the command alone.
 *   java bench/ReadYourWrites.java API ROUNDS PER_ROUND
 */
public class ReadYourWrites {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String api = args[0];
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        String account = open(api);
        send(post(api + "/accounts/" + account + "/confirm", Map.of()));
        send(post(api + "/accounts/" + account + "/activate", Map.of()));
        List<String> ways = List.of("command", "command+query", "await-view", "command+poll");
        Map<String, List<Double>> millis = new TreeMap<>();
        int[] turn = {0};
        for (int round = 0; round < rounds; round++) {
            for (String way : ways) {
                for (int i = 0; i < perRound; i++) {
                    String action = turn[0]++ % 2 == 0 ? "suspend" : "reactivate";
                    long start = System.nanoTime();
                    run(way, api, account, action);
                    millis.computeIfAbsent(way, w -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        double base = percentile(millis.get("command"), 50);
        for (String way : ways) {
            List<Double> times = millis.get(way);
            System.out.printf("%s-p50-ms %.2f%n%s-p99-ms %.2f%n%s-p50-ratio %.2f%n", way, percentile(times, 50), way,
                    percentile(times, 99), way, percentile(times, 50) / base);
        }
    }

    private static void run(String way, String api, String account, String action) throws Exception {
        String path = api + "/accounts/" + account + "/" + action;
        switch (way) {
            case "command" -> send(post(path, Map.of()));
            case "await-view" -> send(post(path, Map.of("Zipper-Await-View", "account-view")));
            case "command+query" -> {
                String position = send(post(path, Map.of())).headers().firstValue("Zipper-Position").orElseThrow();
                send(HttpRequest.newBuilder(URI.create(api + "/accounts/" + account)).header("Zipper-Min-Position", position));
            }
            default -> {
                String etag = send(post(path, Map.of())).headers().firstValue("ETag").orElseThrow();
                while (!etag.equals(send(HttpRequest.newBuilder(URI.create(api + "/accounts/" + account)))
                        .headers().firstValue("ETag").orElse(""))) {
                    Thread.sleep(5); // the client's own poll interval, part of what is measured
                }
            }
        }
    }

    private static String open(String api) throws Exception {
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(api + "/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench\",\"email\":\"bench@example.org\"}")));
        Matcher id = ID.matcher(opened.body());
        if (!id.find()) {
            throw new IllegalStateException(opened.body());
        }
        return id.group(1);
    }

    private static HttpRequest.Builder post(String uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Bearer " + System.getenv("ZIPPER_TOKEN"));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
