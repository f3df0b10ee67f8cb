package dev.zipper.access;

import dev.zipper.http.Problem;
import dev.zipper.http.ProblemType;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The 401 problem, with its {@code WWW-Authenticate} challenge (RFC 6750). The server's MicroProfile JWT
 * refuses a token that does not verify (signature, issuer, audience, expiry, {@code alg: none}) before
 * the application sees the request; web.xml sends that refusal here, so it is a problem like any other.
 */
@WebServlet("/unauthorized")
public class Unauthorized extends HttpServlet {

    /** Longest token taken: far above what an identity provider issues, far below a header's limit. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    /** The answer for a call that needs a token and came without one. */
    public static Response missing(String detail) {
        return Problem.builder(ProblemType.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"zipper\"")
                .build();
    }

    /** The answer for a token that was refused. */
    public static Response refused(String detail) {
        return Problem.builder(ProblemType.UNAUTHORIZED, detail).header(HttpHeaders.WWW_AUTHENTICATE, invalidToken()).build();
    }

    private static String invalidToken() {
        return "Bearer realm=\"zipper\", error=\"invalid_token\"";
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // only the server's refusals come here
            return;
        }
        Problem.write(response, request.getHeader(HttpHeaders.AUTHORIZATION) == null ? missing("This needs a bearer token")
                : refused("The bearer token was refused: it is malformed, expired or not yet valid, or not signed by the "
                + "configured issuer for this audience"));
    }
}
