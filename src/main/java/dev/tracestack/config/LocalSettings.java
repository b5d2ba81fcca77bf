package dev.tracestack.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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
}
