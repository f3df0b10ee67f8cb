package dev.zipper.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Reads every request body Zipper accepts, the same way on every server: at most {@value #MAX_BYTES}
 * bytes (413 past that, checked against Content-Length before anything is read), application/json in
 * UTF-8 only (415 for another type or charset; 400 for bytes that are not UTF-8), then
 * {@link JsonBody#parse}.
 */
public final class JsonBodyReader {

    public static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(JsonBodyReader.class.getName());

    private JsonBodyReader() {
    }

    /** The body: empty when none was sent, else one JSON object read as above. */
    public static JsonBody readOrEmpty(MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity) {
        String text = text(mediaType, headers, entity);
        if (text.isEmpty()) {
            return JsonBody.empty();
        }
        if (mediaType == null || !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new RequestRefused(ProblemType.UNSUPPORTED_MEDIA_TYPE, "A request body must be application/json");
        }
        return JsonBody.parse(text);
    }

    private static String text(MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8")) {
            throw new RequestRefused(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "JSON is read as UTF-8 only; the request says charset=" + charset);
        }
        if (declaredLength(headers) > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = entity.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            // the client went away: HttpEdge logs it if writing the answer fails too
            LOG.fine(() -> "Request body not read: " + e);
            throw new RequestRefused(ProblemType.INVALID_REQUEST, "The request body could not be read to its end");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return utf8(bytes);
    }

    private static long declaredLength(MultivaluedMap<String, String> headers) {
        try {
            String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the container has its own view of a malformed length; the read below is bounded anyway
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RequestRefused(ProblemType.INVALID_REQUEST, "The request body is not valid UTF-8");
        }
    }

    private static RequestRefused tooLarge() {
        return new RequestRefused(ProblemType.BODY_TOO_LARGE, "A request body may be at most " + MAX_BYTES + " bytes");
    }
}
