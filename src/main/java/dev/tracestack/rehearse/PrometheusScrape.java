package dev.tracestack.rehearse;

import dev.tracestack.programs.ChildProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A collector's own metrics, read from its Prometheus endpoint on loopback (the measurements' one source). */
final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrometheusScrape() {
    }

    /** A metric summed over its series; a metric with no series yet (a counter before its first increment) fails. */
    static double sum(int port, String name) {
        Map<String, Double> series = series(port, name);
        if (series.isEmpty()) {
            throw new RehearsalException("no " + name + " on the collector's metrics endpoint");
        }
        return series.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each series of a metric by its labels as written ({@code exporter="otlp_grpc/jaeger",...}), empty when it has none. */
    static Map<String, Double> series(int port, String name) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{([^}]*)})? ([0-9.e+]+)$").matcher(text);
            Map<String, Double> series = new LinkedHashMap<>();
            while (matcher.find()) {
                series.merge(matcher.group(1) == null ? "" : matcher.group(1), Double.parseDouble(matcher.group(2)), Double::sum);
            }
            return series;
        } catch (IOException e) {
            throw new RehearsalException("cannot read the collector's metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RehearsalException("interrupted");
        }
    }

    /** The least of {@code samples} readings 200 ms apart: for the heap, the live set after a collection. */
    static double least(int port, String name, int samples) {
        double least = Double.MAX_VALUE;
        for (int i = 0; i < samples; i++) {
            least = Math.min(least, sum(port, name));
            ChildProcesses.sleep(Duration.ofMillis(200));
        }
        return least;
    }
}
