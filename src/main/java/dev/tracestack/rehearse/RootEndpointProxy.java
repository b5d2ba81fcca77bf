package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.tracestack.programs.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * TLS in front of a secured local Elasticsearch, as ECK's HTTP Service has it, and the one endpoint the test
 * distribution lacks: {@code GET /} (the cluster's name and version), which Jaeger and
 * {@code jaeger-es-rollover} read first. It lives in the {@code rest-root} module, which the test
 * distribution does not ship; the proxy answers it with the node's own name, cluster and version and
 * forwards every other request unchanged.
 */
final class RootEndpointProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "keep-alive", "expect", "http2-settings", "te");
    private static final HttpClient UPSTREAM = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Path caFile;

    private RootEndpointProxy(HttpServer server, Path caFile) {
        this.server = server;
        this.caFile = caFile;
    }

    /**
     * Starts the proxy on a free loopback port: HTTPS in front of a secured node (its certificate is
     * written to {@code workDir/ca.crt}), plain HTTP in front of an unsecured one.
     */
    static RootEndpointProxy start(ElasticsearchNode node, Path workDir, LoopbackPorts ports) {
        byte[] root = rootDocument(node);
        try {
            InetSocketAddress address = new InetSocketAddress(LoopbackPorts.HOST, ports.next());
            HttpServer server;
            Path caFile = null;
            if (node.secured()) {
                SelfSignedCertificate certificate = SelfSignedCertificate.create(workDir);
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
                server = https;
                caFile = certificate.pem();
            } else {
                server = HttpServer.create(address, 64);
            }
            RootEndpointProxy proxy = new RootEndpointProxy(server, caFile);
            server.createContext("/", exchange -> proxy.handle(exchange, node, root));
            server.setExecutor(proxy.executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new RehearsalException("cannot listen on " + LoopbackPorts.HOST + " for Elasticsearch's TLS: " + e.getMessage(), e);
        }
    }

    String url() {
        return (caFile != null ? "https://" : "http://") + LoopbackPorts.HOST + ":" + server.getAddress().getPort();
    }

    /** The CA file Jaeger's {@code tls.ca_file} points at; {@code null} in front of an unsecured node. */
    Path caFile() {
        return caFile;
    }

    private void handle(HttpExchange exchange, ElasticsearchNode node, byte[] root) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/") && (method.equals("GET") || method.equals("HEAD"))) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
                exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : root.length);
                if (method.equals("GET")) {
                    exchange.getResponseBody().write(root);
                }
                return;
            }
            forward(exchange, node);
        }
    }

    private static void forward(HttpExchange exchange, ElasticsearchNode node) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + exchange.getRequestURI().getRawPath()
                        + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = UPSTREAM.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
            return;
        } catch (IOException e) {
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        boolean empty = exchange.getRequestMethod().equals("HEAD") || response.body().length == 0;
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : response.body().length);
        if (!empty) {
            exchange.getResponseBody().write(response.body());
        }
    }

    /** What {@code GET /} answers on a real node, from this node's own facts. */
    private static byte[] rootDocument(ElasticsearchNode node) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode nodes = json.readTree(node.send("GET", "/_nodes/_local?filter_path=cluster_name,nodes.*.name,"
                    + "nodes.*.version,nodes.*.build_flavor,nodes.*.build_hash", null).body());
            JsonNode local = nodes.path("nodes").elements().next();
            Map<String, Object> document = Map.of(
                    "name", local.path("name").asText(),
                    "cluster_name", nodes.path("cluster_name").asText(),
                    "version", Map.of("number", local.path("version").asText(),
                            "build_flavor", local.path("build_flavor").asText("default"),
                            "build_hash", local.path("build_hash").asText()),
                    "tagline", "You Know, for Search");
            return json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RehearsalException("cannot read the local Elasticsearch node's name and version", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
