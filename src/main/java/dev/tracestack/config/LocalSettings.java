package dev.tracestack.config;

import static dev.tracestack.config.ConfigKeys.LOCAL;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Docker platform of the {@code local} stack ({@code tracestack:local}); read on every stack, used
 * only where {@code tracestack:platform} is {@code docker}.
 *
 * @param dockerHost         the Docker engine to talk to; default the local socket
 * @param bindAddress        the host address every port is published on; default loopback, so nothing
 *                           is reachable from the network
 * @param ports              the host port of every published service, seed 000's numbers by default
 * @param imageOverrides     images replacing the defaults of {@link LocalImage}; only those given
 * @param gcpCredentialsFile the Application Default Credentials file on the Docker host that the
 *                           collector's Cloud Trace exporter reads; only with Cloud Trace on
 */
public record LocalSettings(
        String dockerHost,
        String bindAddress,
        Map<HostPort, Integer> ports,
        Map<LocalImage, String> imageOverrides,
        Optional<String> gcpCredentialsFile) {

    public static final String DOCKER_HOST = "unix:///var/run/docker.sock";
    public static final String BIND_ADDRESS = "127.0.0.1";
    private static final Pattern DOCKER_HOST_PATTERN = Pattern.compile("(unix|npipe)://.+|(tcp|ssh)://[^/\\s]+/?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    /** Loose on purpose: Docker itself rejects a malformed IPv6 literal; this catches host names and typos. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    public LocalSettings {
        ports = Collections.unmodifiableMap(new EnumMap<>(ports));
        imageOverrides = imageOverrides.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(imageOverrides));
    }

    public int port(HostPort port) {
        return ports.get(port);
    }

    /** The image a container runs: the override, else the default that follows the shared versions. */
    public String image(LocalImage image, StackConfig config) {
        return imageOverrides.getOrDefault(image, image.defaultImage(config));
    }

    static LocalSettings read(ConfigSection section) {
        ConfigSection portSection = section.section("ports");
        Map<HostPort, Integer> ports = new EnumMap<>(HostPort.class);
        for (HostPort port : HostPort.values()) {
            ports.put(port, portSection.integer(port.key()).orElse(port.defaultPort()));
        }
        ConfigSection imageSection = section.section("images");
        Map<LocalImage, String> images = new EnumMap<>(LocalImage.class);
        for (LocalImage image : LocalImage.values()) {
            imageSection.string(image.key()).ifPresent(reference -> images.put(image, reference));
        }
        return new LocalSettings(
                section.string("dockerHost").orElse(DOCKER_HOST),
                section.string("bindAddress").orElse(BIND_ADDRESS),
                ports,
                images,
                section.string("gcpCredentialsFile"));
    }

    /** Checked on a docker stack only; what the docker platform demands of other sections is cross-section. */
    void validate(StackConfigValidator.Rules rules) {
        rules.check(DOCKER_HOST_PATTERN.matcher(dockerHost).matches(), LOCAL + ".dockerHost", dockerHost,
                "must be a Docker host such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host");
        rules.check(IPV4.matcher(bindAddress).matches() || IPV6.matcher(bindAddress).matches(), LOCAL + ".bindAddress",
                bindAddress, "must be an IP address to publish ports on, such as 127.0.0.1 (0.0.0.0 for every interface)");
        Map<Integer, HostPort> owners = new HashMap<>();
        for (HostPort port : HostPort.values()) {
            int number = port(port);
            String key = LOCAL + ".ports." + port.key();
            if (!rules.port(key, number)) {
                continue;
            }
            HostPort owner = owners.putIfAbsent(number, port);
            rules.check(owner == null, key, String.valueOf(number), "must differ from " + LOCAL + ".ports."
                    + (owner == null ? "" : owner.key()) + " (two services cannot publish one host port)");
        }
        imageOverrides.forEach((image, reference) ->
                ImageVersions.pinnedReference(LOCAL + ".images." + image.key(), reference, rules));
        gcpCredentialsFile.ifPresent(file -> rules.check(file.startsWith("/"),
                LOCAL + ".gcpCredentialsFile", file, "must be an absolute path on the Docker host"));
    }
}
