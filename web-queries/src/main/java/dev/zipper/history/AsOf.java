package dev.zipper.history;

import dev.zipper.http.ProblemType;
import dev.zipper.http.QueryParameters;
import dev.zipper.http.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A point in an aggregate's past a query asks for: {@code ?version=n} (after its n-th event) or
 * {@code ?at=2026-11-26T10:00:00Z} (after its last event recorded by then). One or the other.
 */
public record AsOf(OptionalInt version, Optional<Instant> at) {

    /** After every event. */
    public static final AsOf NOW = new AsOf(OptionalInt.empty(), Optional.empty());

    public static Optional<AsOf> of(HttpServletRequest request) {
        String version = request.getParameter("version");
        String at = request.getParameter("at");
        if (version == null && at == null) {
            return Optional.empty();
        }
        if (version != null && at != null) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, "Ask for a version or a time (at), not both");
        }
        return Optional.of(new AsOf(QueryParameters.integer("version", version, 1, Integer.MAX_VALUE), instant(at)));
    }

    private static Optional<Instant> instant(String at) {
        try {
            return Optional.ofNullable(at).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST,
                    "at must be an instant in ISO 8601 (UTC), such as 2026-11-26T10:00:00Z, got '" + at + "'");
        }
    }

    @Override
    public String toString() {
        return version.isPresent() ? "version " + version.getAsInt() : at.map(Instant::toString).orElse("now");
    }
}
