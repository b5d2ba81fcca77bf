package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single Elasticsearch node on loopback, from the test distribution, with security on and the
 * {@code elastic} user's password set, as ECK runs it. HTTP is plain on loopback; {@link RootEndpointProxy}
 * puts TLS in front, as ECK's Service has it.
 * Elasticsearch refuses to run as root: it and its tools run as an {@link ElasticsearchAccount}, from a
 * {@link NodeDirectory} that account owns.
 */
final class ElasticsearchNode {

    static final String USER = "elastic";
    /** Long enough for a cold start on a busy two-core machine (the JIT compiles most of the node on its way up). */
    private static final Duration GREEN_WITHIN = Duration.ofSeconds(300);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int httpPort;
    private final String password;
    private final boolean secured;
    private final ElasticsearchAccount account;
    private final NodeDirectory directory;
    private final Path workDir;
    private final Map<String, String> env;

    private ElasticsearchNode(ChildProcess process, int httpPort, String password, boolean secured,
                              ElasticsearchAccount account, NodeDirectory directory, Path workDir, Map<String, String> env) {
        this.process = process;
        this.httpPort = httpPort;
        this.password = password;
        this.secured = secured;
        this.account = account;
        this.directory = directory;
        this.workDir = workDir;
        this.env = env;
    }

    /**
     * Starts a node from the distribution at {@code distribution}, with its home, config, data and temporary
     * files in a {@link NodeDirectory} and its output under {@code workDir}, and waits until it is green.
     * {@code secured}: security on with the {@code elastic} user, as ECK runs it; off, as the local stack's
     * single container runs it. The node's directory is deleted when {@code processes} stop it.
     */
    static ElasticsearchNode start(Path distribution, Path workDir, int heapMiB, boolean secured, ChildProcesses processes,
                                   LoopbackPorts ports) {
        if (!Files.isExecutable(distribution.resolve("bin/elasticsearch"))) {
            throw new RehearsalException("no Elasticsearch at " + distribution + " (./mvnw verify unpacks it to target/e2e)");
        }
        ElasticsearchAccount account = ElasticsearchAccount.resolve(System.getenv());
        NodeDirectory directory = NodeDirectory.create(distribution, account, System.getenv());
        processes.afterStop(directory::delete);
        int httpPort = ports.next();
        String password = "rehearsal-" + Long.toHexString(System.nanoTime());
        Path home = directory.home();
        Path conf = directory.conf();
        RehearsalLayout.deleteRecursively(workDir);
        try {
            Files.createDirectories(workDir);
            directory.copyConfig("jvm.options");
            directory.copyConfig("log4j2.properties");
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("cluster.name", "rehearsal");
            settings.put("node.name", "es-0");
            settings.put("discovery.type", "single-node");
            settings.put("network.host", LoopbackPorts.HOST);
            settings.put("http.port", httpPort);
            settings.put("transport.port", ports.next());
            settings.put("path.data", directory.data().toString());
            settings.put("path.logs", directory.logs().toString());
            settings.put("xpack.security.enabled", secured);
            settings.put("xpack.security.http.ssl.enabled", false);
            settings.put("xpack.security.transport.ssl.enabled", false);
            settings.put("xpack.security.enrollment.enabled", false);
            // The disk watermarks would make a nearly full build machine refuse writes.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            directory.writeConfig("elasticsearch.yml", YAML.writeValueAsString(settings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Elasticsearch's config in " + conf, e);
        }
        Map<String, String> env = Map.of("ES_PATH_CONF", conf.toString(),
                "ES_TMPDIR", directory.tmp().toString(),
                // The tools and the node read nothing of the caller's home, which the account may not reach.
                "HOME", directory.root().toString(),
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_JAVA_OPTS", "-Xms" + heapMiB + "m -Xmx" + heapMiB + "m");
        if (secured) {
            DistributionTools.run(account, home, "elasticsearch-keystore", List.of("create"), null, env, workDir);
            DistributionTools.run(account, home, "elasticsearch-keystore", List.of("add", "-x", "bootstrap.password"), password, env, workDir);
        }
        ChildProcess process = processes.start("elasticsearch", account.wrap(List.of(home.resolve("bin/elasticsearch").toString())),
                env, workDir.resolve("elasticsearch.log"));
        ElasticsearchNode node = new ElasticsearchNode(process, httpPort, password, secured, account, directory, workDir, env);
        node.awaitGreen(GREEN_WITHIN);
        return node;
    }

    /** The node's config directory, where the file realm's {@code users}, {@code users_roles} and {@code roles.yml} live. */
    Path configDir() {
        return directory.conf();
    }

    /** Where the node's home, config, data and temporary files live while it runs. */
    NodeDirectory directory() {
        return directory;
    }

    /** Writes a file into the node's config directory, for the node's account to read and rewrite. */
    void writeConfig(String name, String content) {
        directory.writeConfig(name, content);
    }

    /** Runs one of the distribution's tools ({@code bin/<tool>}) against this node's config directory. */
    void tool(String tool, List<String> args) {
        DistributionTools.run(account, directory.home(), tool, args, null, env, workDir);
    }

    String url() {
        return "http://" + LoopbackPorts.HOST + ":" + httpPort;
    }

    String password() {
        return password;
    }

    boolean secured() {
        return secured;
    }

    /**
     * Deletes every index and index template of an index prefix, so a rehearsal starts from nothing. By
     * name, one at a time: Elasticsearch 8 refuses to delete indices by wildcard.
     */
    void deleteIndices(String prefix) {
        String pattern = prefix + "-jaeger-*";
        for (String index : send("GET", "/_cat/indices/" + pattern + "?h=index&expand_wildcards=all", null).body().split("\\s+")) {
            if (!index.isBlank()) {
                expect(send("DELETE", "/" + index, null), "delete index " + index);
            }
        }
        try {
            JsonNode templates = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    send("GET", "/_index_template/" + pattern, null).body()).path("index_templates");
            for (JsonNode template : templates) {
                String name = template.path("name").asText();
                expect(send("DELETE", "/_index_template/" + name, null), "delete index template " + name);
            }
        } catch (IOException e) {
            throw new RehearsalException("cannot read Elasticsearch's index templates", e);
        }
    }

    private static void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new RehearsalException("Elasticsearch would not " + what + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** A request to the node as {@code elastic}. */
    HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, secured ? basicAuth(USER, password) : null);
    }

    /** A request to the node as another user. */
    HttpResponse<String> sendAs(String user, String userPassword, String method, String path, String body) {
        return send(method, path, body, basicAuth(user, userPassword));
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RehearsalException("Elasticsearch did not answer " + method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException("interrupted");
        }
    }

    String basicAuth() {
        return basicAuth(USER, password);
    }

    private static String basicAuth(String user, String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + userPassword).getBytes(StandardCharsets.UTF_8));
    }

    private void awaitGreen(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new RehearsalException("Elasticsearch exited while starting: " + process.failure()
                        + " (log: " + process.log() + ")");
            }
            try {
                if (send("GET", "/_cluster/health?wait_for_status=green&timeout=1s", null).statusCode() == 200) {
                    return;
                }
            } catch (RehearsalException notYetListening) {
                // keep waiting
            }
            ChildProcesses.sleep(Duration.ofMillis(500));
        }
        throw new RehearsalException("Elasticsearch was not green within " + timeout.toSeconds() + " s: "
                + process.failure() + " (log: " + process.log() + ")");
    }
}
