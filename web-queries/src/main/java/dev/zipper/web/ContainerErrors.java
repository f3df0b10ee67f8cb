package dev.zipper.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Errors that the servlet container answers itself (a path outside the API, a method the default
 * servlet does not serve) leave as problem details too, instead of the server's HTML error page.
 * No web.xml needed, so the same holds wherever the module is deployed.
 */
@WebFilter(urlPatterns = "/*")
public class ContainerErrors extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String message) throws IOException {
                sendError(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                if (isCommitted()) {
                    return;
                }
                ProblemType type = typeOf(status);
                resetBuffer();
                setStatus(type.status());
                setContentType(Problem.MEDIA_TYPE);
                String body = Problem.json(type, detail(type, request));
                setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
                try {
                    getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                } catch (IllegalStateException writerTaken) {
                    setCharacterEncoding("UTF-8");
                    getWriter().write(body);
                }
            }
        });
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
}
