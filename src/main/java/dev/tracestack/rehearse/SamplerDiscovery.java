package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.programs.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the gateways find the samplers. In a cluster, the load-balancing exporter's DNS resolver looks up
 * the samplers' headless Service every five seconds. Here, where namespaces can be had (Linux), each
 * gateway runs in a mount namespace of its own whose {@code /etc/hosts} names the local samplers, one
 * loopback address each: the deployed DNS resolver runs unchanged but for the name and port it asks for,
 * and a change of the sampler tier is a change of that file, picked up on the resolver's own schedule.
 * Elsewhere the resolver becomes a static list, and the tier cannot change during a rehearsal.
 */
final class SamplerDiscovery {

    /** The name the gateways look the samplers up by. */
    static final String HOSTNAME = "otel-collector-sampler.rehearsal.internal";

    private final Path hostsFile;
    private final int port;
    private final List<String> members = new ArrayList<>();
    private final TreeSet<Integer> published = new TreeSet<>();

    private SamplerDiscovery(Path hostsFile, int port) {
        this.hostsFile = hostsFile;
        this.port = port;
    }

    /** DNS through a hosts file where mount namespaces are available, a static list otherwise. */
    static SamplerDiscovery create(Path workDir, LoopbackPorts ports) {
        if (!namespacesAvailable()) {
            return new SamplerDiscovery(null, 0);
        }
        Path hosts = workDir.resolve("hosts");
        SamplerDiscovery discovery = new SamplerDiscovery(hosts, ports.nextOnEveryLoopbackAddress(sampler(0), sampler(7)));
        discovery.writeHosts();
        return discovery;
    }

    /** Whether the sampler tier can change while the gateways run. */
    boolean dynamic() {
        return hostsFile != null;
    }

    /** Where sampler {@code index} receives OTLP over gRPC. */
    String samplerEndpoint(int index, LoopbackPorts ports) {
        return dynamic() ? sampler(index) + ":" + port : ports.address();
    }

    /**
     * The deployed resolver rewired to the local samplers: the DNS resolver with only its name and port
     * changed (its interval and timeout stay as deployed), or a static list of the samplers published so far.
     */
    JsonNode resolver(JsonNode deployed) {
        if (dynamic() && deployed.has("dns")) {
            ObjectNode resolver = deployed.deepCopy();
            ((ObjectNode) resolver.get("dns")).put("hostname", HOSTNAME).put("port", String.valueOf(port));
            return resolver;
        }
        ObjectNode resolver = JsonNodeFactory.instance.objectNode();
        resolver.putObject("static").set("hostnames", JsonNodeFactory.instance.arrayNode()
                .addAll(members.stream().map(JsonNodeFactory.instance::textNode).toList()));
        return resolver;
    }

    /** Makes a sampler known to the gateways: in the hosts file, or in the static list of gateways started later. */
    synchronized void publish(int index, String endpoint) {
        members.add(endpoint);
        published.add(index);
        writeHosts();
    }

    /** Removes a sampler from the hosts file, as Kubernetes removes a terminating pod from the Service. */
    synchronized void withdraw(int index) {
        if (!dynamic()) {
            throw new RehearsalException("the sampler tier cannot change without mount namespaces (unshare)");
        }
        published.remove(index);
        writeHosts();
    }

    /** A gateway's command, in its own mount namespace with the hosts file over {@code /etc/hosts}. */
    List<String> gatewayCommand(List<String> command) {
        if (!dynamic()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private"));
        if (!"root".equals(System.getProperty("user.name"))) {
            wrapped.add(1, "--map-root-user");
        }
        wrapped.addAll(List.of("--", "sh", "-c", "mount --bind \"$0\" /etc/hosts && exec \"$@\"", hostsFile.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The gateways resolve with Go's own resolver, which reads /etc/hosts again when it changes. */
    Map<String, String> gatewayEnvironment() {
        return dynamic() ? Map.of("GODEBUG", "netdns=go") : Map.of();
    }

    private static String sampler(int index) {
        return "127.0.0." + (10 + index);
    }

    /** Rewrites the file in place: the bind mounts refer to its inode. */
    private void writeHosts() {
        if (!dynamic()) {
            return;
        }
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        published.forEach(index -> hosts.append(sampler(index)).append(' ').append(HOSTNAME).append('\n'));
        try {
            Files.writeString(hostsFile, hosts, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hostsFile, e);
        }
    }

    private static boolean namespacesAvailable() {
        List<String> probe = new ArrayList<>(List.of("unshare", "--mount", "true"));
        if (!"root".equals(System.getProperty("user.name"))) {
            probe.add(1, "--map-root-user");
        }
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
