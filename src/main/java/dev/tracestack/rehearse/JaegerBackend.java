package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracestack.config.Platform;
import dev.tracestack.config.StackConfig;
import dev.tracestack.programs.ChildProcess;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.render.RenderedStack;
import dev.tracestack.render.elasticsearch.ElasticsearchUsers;
import dev.tracestack.render.elasticsearch.JaegerIndices;
import dev.tracestack.render.jaeger.JaegerArtifacts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jaeger as the stack deploys it: the rollover init on the stack's index prefix, then the collector and
 * query roles (or the local stack's single all-in-one process) from their rendered configs, rewired to
 * loopback and to the rehearsal's Elasticsearch.
 */
record JaegerBackend(StackConfig config, ChildProcess collector, JaegerRewiring.Addresses collectorAddresses,
                     JaegerRewiring.Addresses queryAddresses) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Trace lookups under way at once: each is an Elasticsearch search. */
    private static final int FETCH_CONCURRENCY = 8;

    static JaegerBackend start(StackConfig config, RenderedStack rendered, Binaries binaries, JaegerStorage storage,
                               RehearsalLayout layout, ChildProcesses processes, LoopbackPorts ports) {
        Path work = layout.work("jaeger");
        // On the cluster each client signs in as its own user (docs/security.md); the local stack's node has none.
        ElasticsearchUsers.Users users = ElasticsearchUsers.of(JaegerIndices.indexPrefix(config));
        Optional<FileRealm> realm = rendered.elasticsearch().filter(es -> storage.node().secured())
                .map(es -> FileRealm.install(storage.node(), es.users(), es.rolesYaml()));
        Path writerPassword = realm.map(r -> r.passwordFile(users.writer(), work)).orElseGet(() -> {
            Path password = work.resolve("es-password");
            RehearsalLayout.write(password, storage.node().password());
            return password;
        });
        Path readerPassword = realm.map(r -> r.passwordFile(users.reader(), work)).orElse(writerPassword);
        Path strategies = work.resolve("sampling-strategies.json");
        RehearsalLayout.write(strategies, rendered.file(JaegerArtifacts.STRATEGIES));
        Path uiConfig = work.resolve("ui-config.json");
        RehearsalLayout.write(uiConfig, rendered.file(JaegerArtifacts.UI_CONFIG));

        String prefix = JaegerIndices.indexPrefix(config);
        storage.node().deleteIndices(prefix);
        initIndices(config, binaries, storage, realm.map(r -> new Credentials(users.init().name(),
                r.password(users.init()))), layout);

        if (config.platform() == Platform.DOCKER) {
            JaegerRewiring.Addresses addresses = JaegerRewiring.Addresses.allocate(ports, storage.url(), writerPassword,
                    storage.caFile(), strategies, uiConfig);
            ChildProcess allInOne = run("jaeger", rendered.file(JaegerArtifacts.ALL_IN_ONE_CONFIG), addresses,
                    binaries, layout, processes);
            return new JaegerBackend(config, allInOne, addresses, addresses);
        }
        JaegerRewiring.Addresses collectorAddresses = JaegerRewiring.Addresses.allocate(ports, storage.url(),
                writerPassword, storage.caFile(), strategies, uiConfig);
        JaegerRewiring.Addresses queryAddresses = JaegerRewiring.Addresses.allocate(ports, storage.url(), readerPassword,
                storage.caFile(), strategies, uiConfig);
        ChildProcess collector = run("jaeger-collector", rendered.file(JaegerArtifacts.COLLECTOR_CONFIG),
                collectorAddresses, binaries, layout, processes);
        run("jaeger-query", rendered.file(JaegerArtifacts.QUERY_CONFIG), queryAddresses, binaries, layout, processes);
        return new JaegerBackend(config, collector, collectorAddresses, queryAddresses);
    }

    /**
     * {@code jaeger-es-rollover init} with the settings the cluster's init Job passes, except ILM: the
     * test distribution has no ILM, so the indices and aliases are created without a policy (the policy
     * itself is checked against Elasticsearch's documented schema instead). On the cluster's stacks it runs as
     * the init user, as the init Job does.
     */
    private static void initIndices(StackConfig config, Binaries binaries, JaegerStorage storage,
                                    Optional<Credentials> init, RehearsalLayout layout) {
        Map<String, String> env = new LinkedHashMap<>(JaegerIndices.rolloverSettings(config));
        env.put("ES_USE_ILM", "false");
        if (storage.node().secured()) {
            env.put("ES_USERNAME", init.map(Credentials::user).orElse(ElasticsearchNode.USER));
            env.put("ES_PASSWORD", init.map(Credentials::password).orElse(storage.node().password()));
            env.put("ES_TLS_ENABLED", "true");
            env.put("ES_TLS_CA", storage.caFile().toString());
        }
        ProcessBuilder builder = new ProcessBuilder(binaries.esRollover().toString(), "init", storage.url())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log("es-rollover").toFile()));
        builder.environment().putAll(env);
        try {
            if (builder.start().waitFor() != 0) {
                throw new RehearsalException("jaeger-es-rollover init failed; see " + layout.log("es-rollover"));
            }
        } catch (IOException e) {
            throw new RehearsalException("cannot run " + binaries.esRollover(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException("interrupted");
        }
    }

    /** A user and its password. */
    private record Credentials(String user, String password) {
    }

    private static ChildProcess run(String name, String deployed, JaegerRewiring.Addresses addresses, Binaries binaries,
                                    RehearsalLayout layout, ChildProcesses processes) {
        Path file = layout.writeConfig(JaegerRewiring.rewire(name, deployed, addresses));
        ChildProcess process = processes.start(name, List.of(binaries.jaeger().toString(), "--config", file.toString()),
                Map.of("GOMAXPROCS", "1"), layout.log(name));
        ChildProcesses.awaitHealthy(process, "http://" + addresses.health() + "/status", Duration.ofSeconds(60));
        return process;
    }

    /** Where the collectors' Jaeger exporter sends: the collector role's OTLP gRPC receiver. */
    String otlpGrpc() {
        return collectorAddresses.otlpGrpc();
    }

    /** Stops the collector role (the fault {@code jaeger-down}); the query role keeps serving. */
    void stopCollector() {
        collector.kill();
    }

    void restartCollector() {
        collector.start();
        ChildProcesses.awaitHealthy(collector, "http://" + collectorAddresses.health() + "/status", Duration.ofSeconds(60));
    }

    /**
     * Every trace's spans as Jaeger's query API (the OTLP JSON of {@code api/v3}, under the UI base path)
     * returns them from Elasticsearch; one JSON line per trace found, written to {@code file}.
     */
    Capture fetch(List<String> traceIds, Path file) {
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(FETCH_CONCURRENCY);
        List<java.util.concurrent.CompletableFuture<String>> answers = new ArrayList<>();
        for (String traceId : traceIds) {
            inFlight.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(URI.create(queryAddresses.queryUrl(
                    config.jaeger().underUiBasePath("/api/v3/traces/" + traceId)))).timeout(Duration.ofSeconds(30)).build();
            answers.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> inFlight.release())
                    .thenApply(response -> response.statusCode() == 200 ? response.body().replace("\n", "") : null));
        }
        List<String> lines = new ArrayList<>();
        for (var answer : answers) {
            try {
                String line = answer.join();
                if (line != null) {
                    lines.add(line);
                }
            } catch (java.util.concurrent.CompletionException e) {
                throw new RehearsalException("Jaeger's query API failed: " + e.getCause().getMessage(), e);
            }
        }
        RehearsalLayout.write(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
        return Capture.read(List.of(file));
    }

    /** The strategy the remote-sampling endpoint serves each service, as JSON. */
    Map<String, JsonNode> strategies(List<String> services) {
        Map<String, JsonNode> strategies = new HashMap<>();
        for (String service : services) {
            HttpResponse<String> response = get("http://" + collectorAddresses.samplingHttp() + "/api/sampling?service=" + service);
            try {
                strategies.put(service, response.statusCode() == 200 ? JSON.readTree(response.body()) : null);
            } catch (IOException e) {
                strategies.put(service, null);
            }
        }
        return strategies;
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RehearsalException("Jaeger did not answer " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException("interrupted");
        }
    }
}
