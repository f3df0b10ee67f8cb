package dev.zipper.idempotency;

import dev.zipper.commands.CommandResult;
import dev.zipper.commands.IdempotencyKey;
import dev.zipper.commands.IdempotencyKeys;
import dev.zipper.commands.KeyAlreadyUsed;
import dev.zipper.http.ConsistencyHeaders;
import dev.zipper.http.JsonBodyReader;
import dev.zipper.http.Problem;
import dev.zipper.http.ProblemType;
import dev.zipper.http.RequestRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code Idempotency-Key} on any command (POST), after the IETF draft: a retry with the same key and the
 * same request (method, path, body) gets the first answer again, status and body, marked
 * {@code Idempotent-Replayed: true}, and runs nothing; the same key with another request is a {@code 422};
 * a retry while the first is still being answered is a {@code 409}. The key is taken in the command's own
 * transaction ({@link IdempotencyKeys}), so two concurrent requests run the command once, across restarts
 * and instances. Answers under 500 are kept, refusals too; an answer the server died before sending is
 * replaced, after {@value #ANSWERING_SECONDS} s, by what the command did (its id, version and position).
 */
@Provider
@ApplicationScoped
public class IdempotentRequests implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor,
        ExceptionMapper<KeyAlreadyUsed> {

    private static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final long ANSWERING_SECONDS = 60;
    /**
     * Kept with the request, not only in {@link RequestKey}: the interceptor sees every answer, some sent
     * off the request's thread, where the request scope is not active.
     */
    private static final String KEY = IdempotentRequests.class.getName() + ".key";
    private static final String STATUS = IdempotentRequests.class.getName() + ".status";
    /** The headers an answer is replayed with; the correlation id is the retry's own. */
    private static final List<String> KEPT = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG,
            ConsistencyHeaders.POSITION, HttpHeaders.RETRY_AFTER, HttpHeaders.LINK);

    @Inject
    private IdempotencyKeys keys;

    @Inject
    private RequestKey requestKey;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !request.getMethod().equals(HttpMethod.POST)) {
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST,
                    HEADER + " must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        byte[] body = request.getEntityStream().readNBytes(JsonBodyReader.MAX_BYTES + 1);
        request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body), request.getEntityStream()));
        if (body.length > JsonBodyReader.MAX_BYTES) {
            return; // refused as too large, and not kept
        }
        IdempotencyKey asked = new IdempotencyKey(key, fingerprint(request, body));
        Optional<Response> earlier = earlierAnswer(asked);
        if (earlier.isPresent()) {
            request.abortWith(earlier.get());
            return;
        }
        requestKey.set(asked);
        request.setProperty(KEY, asked);
    }

    /** The command found the key taken: by a request answered since, or being answered now. */
    @Override
    public Response toResponse(KeyAlreadyUsed taken) {
        requestKey.answeredBefore();
        return requestKey.get().flatMap(this::earlierAnswer).orElseGet(IdempotentRequests::inProgress);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(KEY) != null) {
            request.setProperty(STATUS, response.getStatus());
        }
    }

    /** Keeps the answer as written, once written. */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(KEY) instanceof IdempotencyKey key) || !(context.getProperty(STATUS) instanceof Integer status)
                || status >= 500 || requestKey.wasAnsweredBefore()) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                original.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }
        });
        context.proceed();
        String headers = KEPT.stream().filter(name -> context.getHeaders().containsKey(name))
                .map(name -> name + ": " + context.getHeaders().getFirst(name))
                .collect(Collectors.joining("\n"));
        keys.answered(key, new IdempotencyKeys.Answer(status, headers, copy.toString(StandardCharsets.UTF_8)));
    }

    private Optional<Response> earlierAnswer(IdempotencyKey asked) {
        return keys.find(asked.key()).map(used -> {
            if (!used.fingerprint().equals(asked.fingerprint())) {
                return Problem.builder(ProblemType.IDEMPOTENCY_KEY_REUSED, HEADER + " " + asked.key()
                        + " was used with another request; use a new key for a new request").build();
            }
            if (used.answer().isPresent()) {
                return replay(used.answer().get());
            }
            if (used.result().isPresent() && used.at().isBefore(Instant.now().minus(Duration.ofSeconds(ANSWERING_SECONDS)))) {
                return fromResult(used.result().get());
            }
            return inProgress();
        });
    }

    private static Response replay(IdempotencyKeys.Answer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).entity(answer.body()).header(REPLAYED, true);
        for (String line : answer.headers().split("\n")) {
            String[] nameValue = line.split(": ", 2);
            if (nameValue.length == 2) {
                replay.header(nameValue[0], nameValue[1]);
            }
        }
        return replay.build();
    }

    /** What the command did, for a request whose answer was never sent. */
    private static Response fromResult(CommandResult result) {
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).header(REPLAYED, true).build();
    }

    private static Response inProgress() {
        return Problem.builder(ProblemType.REQUEST_IN_PROGRESS, "A request with this " + HEADER
                + " is still being answered; retry shortly").header(HttpHeaders.RETRY_AFTER, 1).build();
    }

    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                    + request.getUriInfo().getRequestUri().getRawQuery() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
