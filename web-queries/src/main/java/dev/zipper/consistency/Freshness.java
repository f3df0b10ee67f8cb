package dev.zipper.consistency;

import dev.zipper.http.ConsistencyHeaders;
import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a query asks of a view's freshness: the log position it must have applied ({@code Zipper-Min-Position},
 * or {@code ?minPosition=} for a browser), how long to wait for it ({@code Prefer: wait=5} as in RFC 7240,
 * or {@code ?wait=}, capped at the configured maximum), and whether to refuse rather than answer stale
 * ({@code Prefer: handling=strict}, or {@code ?handling=strict}).
 */
public record Freshness(OptionalLong minPosition, Duration waitUpTo, boolean strict) {

    /**
     * The request's asks; the wait defaults to {@code zipper.consistency.default-wait-seconds} (5), and is
     * at most {@code zipper.consistency.max-wait-seconds} (30).
     */
    static Freshness of(HttpServletRequest request) {
        Config config = ConfigProvider.getConfig();
        int defaultWaitSeconds = config.getOptionalValue("zipper.consistency.default-wait-seconds", Integer.class).orElse(5);
        int maxWaitSeconds = config.getOptionalValue("zipper.consistency.max-wait-seconds", Integer.class).orElse(30);
        Map<String, String> prefer = preferences(request);
        String position = firstOf(request.getParameter("minPosition"), request.getHeader(ConsistencyHeaders.MIN_POSITION));
        String wait = firstOf(request.getParameter("wait"), prefer.get("wait"));
        String handling = firstOf(request.getParameter("handling"), prefer.get("handling"));
        if (handling != null && !handling.equals("strict") && !handling.equals("lenient")) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, "handling must be strict or lenient, got '" + handling + "'");
        }
        int seconds = QueryParameters.integer("wait", wait, 0, Integer.MAX_VALUE).orElse(defaultWaitSeconds);
        return new Freshness(position(position), Duration.ofSeconds(Math.min(seconds, maxWaitSeconds)),
                "strict".equals(handling));
    }

    private static OptionalLong position(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value.matches("[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(value));
        }
        throw new RequestRefused(ProblemType.INVALID_REQUEST, ConsistencyHeaders.MIN_POSITION
                + " (minPosition) must be a log position such as a command answered, got '" + value + "'");
    }

    /** The request's Prefer header(s) as name to value; a preference's own parameters (after ';') are dropped. */
    private static Map<String, String> preferences(HttpServletRequest request) {
        Map<String, String> preferences = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header : Collections.list(request.getHeaders("Prefer"))) {
            for (String preference : header.split(",")) {
                String[] nameValue = preference.split(";")[0].trim().split("=", 2);
                if (nameValue.length == 2) {
                    preferences.putIfAbsent(nameValue[0].trim(), nameValue[1].trim().replace("\"", ""));
                }
            }
        }
        return preferences;
    }

    private static String firstOf(String parameter, String header) {
        return parameter != null ? parameter : header;
    }
}
