package dev.zipper.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * The request's correlation id: the client's {@code X-Correlation-ID} (a UUID), or a new one. Every event
 * a command appends records it, and the answer carries it back ({@link CorrelationHeader}), so a client
 * can follow what its request set off through the log.
 */
@RequestScoped
public class Correlation {

    public static final String HEADER = "X-Correlation-ID";

    @Inject
    private HttpServletRequest request;

    private UUID id;

    /** The id; a header that is not a UUID is refused with a 400. */
    public UUID id() {
        if (id == null) {
            String header = request.getHeader(HEADER);
            id = header == null ? UUID.randomUUID() : parse(header);
        }
        return id;
    }

    /** The id if the request's header (if any) is a valid one; for the answer, which must not fail. */
    Optional<UUID> valid() {
        try {
            return Optional.of(id());
        } catch (RequestRefused e) {
            return Optional.empty();
        }
    }

    private static UUID parse(String header) {
        try {
            if (header.length() == 36) {
                return UUID.fromString(header);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new RequestRefused(ProblemType.INVALID_REQUEST, HEADER + " must be a UUID such as "
                + "3f0c2b1e-8d4a-4c7e-9f1a-2b3c4d5e6f70");
    }
}
