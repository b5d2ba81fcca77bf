package dev.tracestack.rehearse;

import dev.tracestack.config.ConfigSource;
import dev.tracestack.config.StackConfig;
import dev.tracestack.config.StackConfigParser;
import dev.tracestack.config.StackFileReader;
import dev.tracestack.programs.ChildProcesses;
import dev.tracestack.programs.LoopbackPorts;
import dev.tracestack.rehearse.MeasuredCollector.Listen;
import dev.tracestack.render.RenderedStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a fleet of services with rates of their own costs the sampler, measured on the real collector pinned to
 * one core: spans per CPU-second through the stack's sampler config with a generated fleet of 10 services and
 * with one of 1,000 ({@link ServiceFleet}), in the same run, rounds alternating which goes first, the traffic's
 * traces spread over services of the fleet and the stack's four others. Run by
 * {@code bench/collector-throughput.sh}.
 *
 * <pre>java -cp tracestack.jar dev.tracestack.rehearse.SamplerFleetBench E2E_DIR PROJECT_DIR STACK SECONDS ROUNDS</pre>
 */
public final class SamplerFleetBench {

    static final int SMALL = 10;
    static final int LARGE = 1_000;
    /** The fleet's services that send traces: spread over the fleet, so that both hit and miss its lists. */
    static final int SENDING = 40;

    private SamplerFleetBench() {
    }

    public static void main(String[] args) throws IOException {
        Path e2e = Path.of(args[0]);
        ConfigSource stack = StackFileReader.read(Path.of(args[1]), args[2]);
        Duration duration = Duration.ofSeconds(Integer.parseInt(args[3]));
        int rounds = Integer.parseInt(args[4]);
        Map<Integer, StackConfig> configs = new LinkedHashMap<>();
        configs.put(SMALL, StackConfigParser.parse(ServiceFleet.withFleet(stack, SMALL)));
        configs.put(LARGE, StackConfigParser.parse(ServiceFleet.withFleet(stack, LARGE)));
        Path binary = Binaries.in(e2e, configs.get(SMALL).elasticsearch().version(), false).collector();
        RehearsalLayout layout = RehearsalLayout.create(Files.createTempDirectory("tracestack-sampler-fleet"));
        Map<Integer, List<Double>> measured = new LinkedHashMap<>(Map.of(SMALL, new ArrayList<>(), LARGE, new ArrayList<>()));
        try (ChildProcesses processes = new ChildProcesses();
             GoogleApiRecorder google = GoogleApiRecorder.start(layout.root().resolve("received"))) {
            LoopbackPorts ports = new LoopbackPorts();
            MeasuredCollector sink = MeasuredCollector.sink(binary, layout, processes, ports);
            for (int round = 0; round < rounds; round++) {
                List<Integer> order = round % 2 == 0 ? List.of(SMALL, LARGE) : List.of(LARGE, SMALL);
                for (int fleet : order) {
                    measured.get(fleet).add(measure(configs.get(fleet), fleet, round, binary, layout, processes, ports,
                            sink, google.endpoint(), duration));
                }
            }
        }
        double small = median(measured.get(SMALL));
        double large = median(measured.get(LARGE));
        System.out.printf(Locale.ROOT, "sampler %s with a fleet of services with rates of their own, one core "
                + "(GOMAXPROCS=1), %d s of traffic, %d rounds%n", stack.stack(), duration.toSeconds(), rounds);
        System.out.printf(Locale.ROOT, "  %-28s %10.0f spans per CPU-second (rounds %s)%n", SMALL + " services", small,
                rounded(measured.get(SMALL)));
        System.out.printf(Locale.ROOT, "  %-28s %10.0f spans per CPU-second (rounds %s)%n", LARGE + " services", large,
                rounded(measured.get(LARGE)));
        System.out.printf(Locale.ROOT, "  %-28s %10.2f%n", "ratio " + LARGE + " / " + SMALL, large / small);
    }

    private static double measure(StackConfig config, int fleet, int round, Path binary, RehearsalLayout layout,
                                  ChildProcesses processes, LoopbackPorts ports, MeasuredCollector sink,
                                  String googleApis, Duration duration) {
        String sampler = RenderedStack.render(config).file("collector/sampler.yaml");
        Listen listen = Listen.allocate(ports);
        String name = "sampler-" + fleet + "-" + round;
        MeasuredCollector collector = MeasuredCollector.start(name, MeasuredCollector.rewired(name, sampler, listen,
                sink.listen().otlp(), googleApis, layout, ports), binary, layout, processes, listen, "0");
        List<String> sending = new ArrayList<>();
        for (int i = 0; i < Math.min(SENDING, fleet); i++) {
            sending.add(ServiceFleet.name(i * fleet / Math.min(SENDING, fleet)));
        }
        // The decisions of the last traces come a decision wait after they arrived: their CPU time counts too.
        return CapacityBench.spansPerCpuSecond(collector, config, duration, sending,
                CapacityBench.decisionWait(sampler).plusSeconds(3));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}
