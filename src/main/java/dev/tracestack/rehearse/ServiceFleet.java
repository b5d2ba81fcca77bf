package dev.tracestack.rehearse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracestack.config.ConfigKeys;
import dev.tracestack.config.ConfigSource;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.render.Artifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated fleet of services with settings of their own, to measure how the stack scales with their number:
 * service {@code i} gets one of four rates, one of three latency objectives, one of two error rate objectives
 * and one of three teams, every fifth its own error rate and every seventh its own slow rate. Any fleet of ten or
 * more services uses every value, so fleets of any size differ in their number of services only.
 *
 * <pre>java -cp tracestack.jar dev.tracestack.rehearse.ServiceFleet PROJECT_DIR STACK SERVICES OUT_DIR</pre>
 * writes a project to {@code OUT_DIR}: the stack's file with the fleet's teams and cost, and {@code services.yaml},
 * which the stack file names as its {@code tracestack:servicesFile}.
 */
public final class ServiceFleet {

    static final List<Double> RATES = List.of(0.01, 0.05, 0.25, 1.0);
    static final List<Integer> LATENCIES_MS = List.of(250, 500, 1000);
    static final List<Double> ERROR_RATES_PERCENT = List.of(0.5, 1.0);
    static final List<String> TEAMS = List.of("checkout", "payments", "search");
    static final String FILE = "services.yaml";

    private ServiceFleet() {
    }

    /** The name of service {@code i}. */
    public static String name(int i) {
        return String.format(Locale.ROOT, "svc-%05d", i);
    }

    /** The services of {@code tracestack:services}: {@code count} services, by name. */
    public static ObjectNode services(int count) {
        ObjectNode services = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < count; i++) {
            ObjectNode service = services.putObject(name(i));
            ObjectNode sampling = service.putObject("sampling").put("rate", RATES.get((i / 2) % RATES.size()));
            if (i % 5 == 0) {
                sampling.put("errorRate", 1.0);
            }
            if (i % 7 == 0) {
                sampling.put("slowRate", 0.5);
            }
            service.putObject("slo").put("latencyP95Ms", LATENCIES_MS.get((i / 3) % LATENCIES_MS.size()))
                    .put("errorRatePercent", ERROR_RATES_PERCENT.get((i / 9) % ERROR_RATES_PERCENT.size()));
            service.put("team", TEAMS.get(i % TEAMS.size()));
        }
        return services;
    }

    /**
     * A stack's config with a fleet of {@code count} services in {@code tracestack:services}, the fleet's teams
     * added to its alerts and its estimate counting every service.
     */
    public static ConfigSource withFleet(ConfigSource stack, int count) {
        Map<String, String> values = new HashMap<>(stack.values());
        values.putAll(overrides(stack, count));
        return new ConfigSource(stack.stack(), stack.file(), values, stack.secretKeys(), stack.projectDir());
    }

    /** The keys {@link #withFleet} replaces in the stack's flat config, with their values. */
    public static Map<String, String> overrides(ConfigSource stack, int count) {
        Map<String, String> values = new HashMap<>(settings(stack, count));
        values.put(ConfigKeys.SERVICES, services(count).toString());
        return values;
    }

    /** The stack's alerts with the fleet's teams, and its cost counting the fleet, as the flat config has them. */
    private static Map<String, String> settings(ConfigSource stack, int count) {
        ObjectNode alerts = object(stack.values().get(ConfigKeys.ALERTS));
        ObjectNode teams = alerts.has("teams") ? (ObjectNode) alerts.get("teams") : alerts.putObject("teams");
        TEAMS.forEach(team -> teams.putObject(team).put("notificationEmail", team + "-oncall@example.com"));
        ObjectNode cost = object(stack.values().get(ConfigKeys.COST));
        cost.put("services", Math.max(count, cost.path("services").asInt(1)));
        return Map.of(ConfigKeys.ALERTS, alerts.toString(), ConfigKeys.COST, cost.toString());
    }

    public static void main(String[] args) throws IOException {
        ConfigSource stack = StackFileReader.read(Path.of(args[0]), args[1]);
        int count = Integer.parseInt(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        Map<String, String> values = new TreeMap<>(stack.values());
        values.putAll(settings(stack, count));
        values.remove(ConfigKeys.SERVICES);
        values.put(ConfigKeys.SERVICES_FILE, FILE);
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        values.forEach((key, text) -> config.set(key, parsed(text)));
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.set("config", config);
        Path project = Path.of(args[0]).resolve("Pulumi.yaml");
        if (Files.exists(project)) {
            Files.copy(project, out.resolve("Pulumi.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(out.resolve(ConfigSource.stackFileName(stack.stack())), Artifacts.yaml(file));
        Files.writeString(out.resolve(FILE), Artifacts.yaml(services(count)));
    }

    /** A flat config value as the stack file holds it: structured values are JSON text, the rest text. */
    private static JsonNode parsed(String text) {
        try {
            JsonNode node = Artifacts.JSON.readTree(text);
            return node.isContainerNode() ? node : JsonNodeFactory.instance.textNode(text);
        } catch (IOException notJson) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    private static ObjectNode object(String json) {
        if (json == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return (ObjectNode) Artifacts.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + json, e);
        }
    }
}
