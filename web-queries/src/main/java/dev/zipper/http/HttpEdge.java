package dev.zipper.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Arrays;

/**
 * The first and last thing every request to the web module meets, so that what the servers do on
 * their own is the same as what Zipper does:
 * <ul>
 * <li>a Content-Type or Accept header that is not a media type is refused here (the JAX-RS runtime
 *     would log a stack trace for each);</li>
 * <li>errors the servlet container answers itself (a path outside the API) leave as problem details,
 *     not the server's HTML page;</li>
 * <li>a client that hangs up before its answer is written costs one short log line, not the stack
 *     trace the JAX-RS runtime would log for the failed write.</li>
 * </ul>
 * No web.xml needed, so the same holds wherever the module is deployed.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HttpEdge extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String malformed = malformedHeader(request);
        if (malformed != null) {
            write(response, ProblemType.INVALID_REQUEST, malformed);
            return;
        }
        chain.doFilter(request, new Answer(request, response));
    }

    private static String malformedHeader(HttpServletRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            return "Content-Type is not a media type: " + contentType;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        // a blank Accept is as good as none (RESTEasy takes it so); a blank Content-Type is refused above
        if (accept != null && !accept.isBlank() && !Arrays.stream(accept.split(",")).allMatch(HttpEdge::isMediaType)) {
            return "Accept is not a list of media types: " + accept;
        }
        return null;
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value.strip());
            return !value.isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        Problem.write(response, type.response(detail));
    }

    /** 403 is the default servlet refusing to list a directory: there is nothing there for a client. */
    private static ProblemType typeOf(int status) {
        if (status == 403) {
            return ProblemType.NOT_FOUND;
        }
        return Arrays.stream(ProblemType.values()).filter(t -> t.status() == status).findFirst()
                .orElse(status >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST);
    }

    private static String detail(ProblemType type, HttpServletRequest request) {
        return switch (type) {
            case NOT_FOUND -> "Nothing at " + request.getRequestURI() + "; the API is under " + request.getContextPath() + "/api";
            case METHOD_NOT_ALLOWED -> request.getMethod() + " is not allowed on " + request.getRequestURI();
            default -> type.title();
        };
    }

    /** The response as the application writes it: container errors become problems, a vanished client is quiet. */
    private static final class Answer extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ServletOutputStream output;

        Answer(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            sendError(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            if (isCommitted()) {
                return;
            }
            resetBuffer();
            ProblemType type = typeOf(status);
            write((HttpServletResponse) getResponse(), type, detail(type, request));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new QuietOnHangUp(super.getOutputStream(), request);
            }
            return output;
        }
    }
}
