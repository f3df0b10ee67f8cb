package dev.zipper.e2e;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain java.net.http client for Zipper's API, as any HTTP user would call it: with the suites' token
 * (every role, {@link Tokens#suite()}), another, or none.
 */
public final class ZipperHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final String token;

    public ZipperHttp(URL webModule) {
        this(URI.create(webModule.toString().replaceAll("/?$", "/") + "api/"), Tokens.suite());
    }

    private ZipperHttp(URI api, String token) {
        this.api = api;
        this.token = token;
    }

    /** The same API, called with this bearer token (null: none). */
    public ZipperHttp as(String bearer) {
        return new ZipperHttp(api, bearer);
    }

    /** GET, with any headers as name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(api.resolve(path)).GET(), headers), headers);
    }

    /** POST with a JSON body (or none), and any further headers as name, value, name, value... */
    public HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(withHeaders(request, headers), headers);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    public static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        boolean own = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            own |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (token != null && !own) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
