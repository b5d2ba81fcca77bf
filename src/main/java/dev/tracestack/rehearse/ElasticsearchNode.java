package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;

/**
 * A single Elasticsearch node on loopback, from the test distribution, with security on and the
 * {@code elastic} user's password set, as ECK runs it. HTTP is plain on loopback; {@link RootEndpointProxy}
 * puts TLS in front, as ECK's Service has it.
 * Elasticsearch refuses to run as root: {@link DistributionTools} runs it and its tools as {@code nobody}.
 */
final class ElasticsearchNode {

    static final String USER = "elastic";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int httpPort;
    private final String password;
    private final boolean secured;
    private final Path home;
    private final Path workDir;
    private final Map<String, String> env;

    private ElasticsearchNode(ChildProcess process, int httpPort, String password, boolean secured, Path home,
                              Path workDir, Map<String, String> env) {
        this.process = process;
        this.httpPort = httpPort;
        this.password = password;
        this.secured = secured;
        this.home = home;
        this.workDir = workDir;
        this.env = env;
    }

    /**
     * Starts a node with its config, data and logs under {@code workDir}, and waits until it is green.
     * {@code secured}: security on with the {@code elastic} user, as ECK runs it; off, as the local stack's
     * single container runs it.
     */
    static ElasticsearchNode start(Path home, Path workDir, int heapMiB, boolean secured, ChildProcesses processes,
                                   LoopbackPorts ports) {
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new RehearsalException("no Elasticsearch at " + home + " (./mvnw verify unpacks it to target/e2e)");
        }
        int httpPort = ports.next();
        String password = "rehearsal-" + Long.toHexString(System.nanoTime());
        Path conf = workDir.resolve("conf");
        RehearsalLayout.deleteRecursively(workDir);
        try {
            Files.createDirectories(conf);
            Files.createDirectories(workDir.resolve("data"));
            Files.copy(home.resolve("config/jvm.options"), conf.resolve("jvm.options"));
            Files.copy(home.resolve("config/log4j2.properties"), conf.resolve("log4j2.properties"));
            Files.writeString(conf.resolve("elasticsearch.yml"), String.join("\n",
                    "cluster.name: rehearsal",
                    "node.name: es-0",
                    "discovery.type: single-node",
                    "network.host: " + LoopbackPorts.HOST,
                    "http.port: " + httpPort,
                    "transport.port: " + ports.next(),
                    "path.data: " + workDir.resolve("data"),
                    "path.logs: " + workDir.resolve("logs"),
                    "xpack.security.enabled: " + secured,
                    "xpack.security.http.ssl.enabled: false",
                    "xpack.security.transport.ssl.enabled: false",
                    "xpack.security.enrollment.enabled: false",
                    // The disk watermarks would make a nearly full build machine refuse writes.
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Elasticsearch's config in " + conf, e);
        }
        Map<String, String> env = Map.of("ES_PATH_CONF", conf.toString(),
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_JAVA_OPTS", "-Xms" + heapMiB + "m -Xmx" + heapMiB + "m");
        if (secured) {
            DistributionTools.run(home, "elasticsearch-keystore", List.of("create"), null, env, workDir);
            DistributionTools.run(home, "elasticsearch-keystore", List.of("add", "-x", "bootstrap.password"), password, env, workDir);
        }
        ChildProcess process = processes.start("elasticsearch", DistributionTools.asNonRoot(List.of(home.resolve("bin/elasticsearch").toString())),
                env, workDir.resolve("elasticsearch.log"));
        ElasticsearchNode node = new ElasticsearchNode(process, httpPort, password, secured, home, workDir, env);
        node.awaitGreen(Duration.ofSeconds(120));
        return node;
    }

    /** The node's config directory, where the file realm's {@code users}, {@code users_roles} and {@code roles.yml} live. */
    Path configDir() {
        return workDir.resolve("conf");
    }

    /** Runs one of the distribution's tools ({@code bin/<tool>}) against this node's config directory. */
    void tool(String tool, List<String> args) {
        DistributionTools.run(home, tool, args, null, env, workDir);
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
