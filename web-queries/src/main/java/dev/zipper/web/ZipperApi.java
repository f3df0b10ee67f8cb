package dev.zipper.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * All of Zipper's HTTP API lives under /zipper/api. The OpenAPI document (/openapi) is built from the
 * endpoints' annotations; the shapes and the problem answers every endpoint shares are declared once here.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Zipper", version = "0.1.0",
                description = "Event-sourced CQRS on Jakarta EE: commands append to one ordered log; views project it."),
        components = @Components(
                schemas = {
                        @Schema(name = "Problem", type = SchemaType.OBJECT, description = "RFC 9457 problem details",
                                properties = {
                                        @SchemaProperty(name = "type", type = SchemaType.STRING, format = "uri",
                                                example = "tag:zipper.dev,2026:problem:invalid-request"),
                                        @SchemaProperty(name = "title", type = SchemaType.STRING),
                                        @SchemaProperty(name = "status", type = SchemaType.INTEGER),
                                        @SchemaProperty(name = "detail", type = SchemaType.STRING)}),
                        @Schema(name = "CommandResult", type = SchemaType.OBJECT,
                                description = "What a command did", properties = {
                                        @SchemaProperty(name = "id", type = SchemaType.STRING),
                                        @SchemaProperty(name = "version", type = SchemaType.INTEGER,
                                                description = "The aggregate's stream version now"),
                                        @SchemaProperty(name = "position", type = SchemaType.INTEGER, format = "int64",
                                                description = "Log position of the command's last event")})},
                responses = {
                        @APIResponse(name = "InvalidRequest", responseCode = "400",
                                description = "Malformed JSON, a missing or invalid field or parameter; nothing written",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "NotFound", responseCode = "404", description = "No such resource",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Conflict", responseCode = "409",
                                description = "Not allowed in the aggregate's state, or a stale expected version; nothing written",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "TooLarge", responseCode = "413", description = "Body over 64 KiB",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "UnsupportedMediaType", responseCode = "415",
                                description = "Not application/json, or not UTF-8",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem"))),
                        @APIResponse(name = "Unavailable", responseCode = "503",
                                description = "The event store cannot be reached; nothing written",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))}))
public class ZipperApi extends Application {

    /** Jersey (Payara) would answer OPTIONS with a WADL document; the Allow header says enough. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
