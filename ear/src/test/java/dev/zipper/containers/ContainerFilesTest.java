package dev.zipper.containers;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container images and the compose files (compose.yaml on WildFly, compose.payara.yaml laid over it
 * on Payara), checked as far as a machine without a container daemon allows (nothing here is built or
 * run): each image is an official one at a pinned version; every file a Dockerfile copies exists after
 * the build; every service a compose file names, builds from or mounts is there; each balancer sends to
 * exactly the instances there are, checking each where its server answers health checks.
 */
class ContainerFilesTest {

    private static final Path PROJECT = Path.of(System.getProperty("zipper.project", "..")).toAbsolutePath().normalize();
    private static final Path CONTAINERS = PROJECT.resolve("ear/src/main/containers");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");
    private static final String PINNED = "[a-z0-9./-]+:\\d[\\w.-]*";
    private static final Pattern COPY = Pattern.compile("(?m)^COPY (?:--\\S+ )*((?:[^\\n\\\\]|\\\\\\n)+)");

    @Test
    void everyImageIsAnOfficialOneAtAPinnedVersion() throws IOException {
        for (Path dockerfile : dockerfiles()) {
            Matcher from = FROM.matcher(Files.readString(dockerfile));
            assertThat(from.find()).as(dockerfile + " has a FROM").isTrue();
            assertThat(from.group(1)).as(dockerfile.toString())
                    .matches("(quay\\.io/wildfly/wildfly|apache/activemq-artemis|payara/server-full):\\d[^:]*");
        }
        for (Object service : services("compose.yaml").values()) {
            Object image = ((Map<?, ?>) service).get("image");
            assertThat(image).as("every service names its image").isNotNull();
            assertThat(image.toString()).as("pinned, never latest").matches(PINNED);
        }
        // the overlay names the images it builds; its balancer keeps compose.yaml's
        services("compose.payara.yaml").forEach((name, service) -> assertThat(((Map<?, ?>) service).get("image"))
                .as(name).satisfiesAnyOf(image -> assertThat(name).isEqualTo("balancer"),
                        image -> assertThat(image).asString().matches(PINNED)));
    }

    @Test
    void everyFileADockerfileCopiesIsInTheRepositoryOrMadeByTheBuild() throws IOException {
        for (Path dockerfile : dockerfiles()) {
            Matcher copy = COPY.matcher(Files.readString(dockerfile));
            while (copy.find()) {
                List<String> paths = List.of(copy.group(1).replace("\\\n", " ").trim().split("\\s+"));
                for (String source : paths.subList(0, paths.size() - 1)) {
                    // ear/target is made by mvn package; the rest is in the repository
                    Path file = PROJECT.resolve(source);
                    assertThat(source.startsWith("ear/target/") || Files.exists(file)).as(dockerfile + " copies " + source).isTrue();
                }
            }
        }
    }

    @Test
    void everyServiceTheComposeFileReferencesIsThereAndTheBalancerSendsToEachInstance() throws IOException {
        Map<String, Object> services = services("compose.yaml");
        assertThat(services).containsKeys("postgres", "artemis-primary", "artemis-backup", "zipper-1", "zipper-2", "zipper-3",
                "balancer");
        for (Map.Entry<String, Object> service : services.entrySet()) {
            Map<?, ?> definition = (Map<?, ?>) service.getValue();
            if (definition.get("build") instanceof Map<?, ?> build) {
                Path context = CONTAINERS.resolve(build.get("context").toString()).normalize();
                assertThat(context.resolve(build.get("dockerfile").toString())).as(service.getKey() + "'s Dockerfile").exists();
            }
            Object dependsOn = definition.get("depends_on");
            Iterable<?> needed = dependsOn instanceof Map<?, ?> map ? map.keySet() : dependsOn == null ? List.of() : (List<?>) dependsOn;
            needed.forEach(other -> assertThat(services).as(service.getKey() + " depends on " + other).containsKey(other.toString()));
            if (definition.get("environment") instanceof Map<?, ?> environment) {
                Stream.of("ZIPPER_ARTEMIS_HOST", "ZIPPER_ARTEMIS_BACKUP_HOST").map(environment::get).filter(host -> host != null)
                        .forEach(host -> assertThat(services).as(service.getKey() + " reaches " + host).containsKey(host.toString()));
            }
        }
        List<String> instances = services.keySet().stream().filter(name -> name.startsWith("zipper-")).toList();
        // WildFly answers health checks on its management port, Payara on its HTTP port
        assertThat(balanced("haproxy.cfg", " check port 9990")).containsExactlyInAnyOrderElementsOf(instances);
        assertThat(balanced("payara/haproxy.cfg", " check")).containsExactlyInAnyOrderElementsOf(instances);
    }

    @Test
    void thePayaraOverlayReplacesEveryInstanceAndTheBalancersConfigurationAndNothingElse() throws IOException {
        Map<String, Object> base = services("compose.yaml");
        Map<String, Object> payara = services("compose.payara.yaml");
        assertThat(base).containsKeys(payara.keySet().toArray(String[]::new));
        for (Map.Entry<String, Object> service : payara.entrySet()) {
            Map<?, ?> definition = (Map<?, ?>) service.getValue();
            if (service.getKey().startsWith("zipper-")) {
                Map<?, ?> build = (Map<?, ?>) definition.get("build");
                assertThat(CONTAINERS.resolve(build.get("context").toString()).resolve(build.get("dockerfile").toString()).normalize())
                        .isEqualTo(CONTAINERS.resolve("payara/Dockerfile"));
            } else {
                assertThat(service.getKey()).isEqualTo("balancer");
                assertThat((List<?>) definition.get("volumes")).singleElement().asString()
                        .startsWith("./payara/haproxy.cfg:").satisfies(volume -> assertThat(CONTAINERS.resolve("payara/haproxy.cfg")).exists());
            }
        }
    }

    /** The instances a balancer's configuration sends to, each checked as {@code check} says. */
    private static List<String> balanced(String configuration, String check) throws IOException {
        return Pattern.compile("(?m)^\\s+server (\\S+) (\\S+):8080" + Pattern.quote(check) + "$")
                .matcher(Files.readString(CONTAINERS.resolve(configuration))).results().map(server -> server.group(2)).toList();
    }


    private static List<Path> dockerfiles() throws IOException {
        try (Stream<Path> files = Files.walk(CONTAINERS)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().equals("Dockerfile")).toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    @SuppressWarnings("unchecked") // the compose file's top level is a mapping
    private static Map<String, Object> services(String name) throws IOException {
        try (Reader compose = Files.newBufferedReader(CONTAINERS.resolve(name))) {
            Map<String, Object> file = new Yaml().load(compose);
            return (Map<String, Object>) file.get("services");
        }
    }
}
