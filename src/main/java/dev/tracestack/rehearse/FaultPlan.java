package dev.tracestack.rehearse;

import dev.tracestack.programs.ChildProcesses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * When, during the traffic, each step of a fault happens: at a share of the traces sent, on a thread of
 * its own so that traffic keeps flowing while a program stops or starts.
 */
final class FaultPlan implements AutoCloseable {

    private record Step(int atTrace, Runnable action) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "rehearsal-fault"));
    private final List<Future<?>> running = new ArrayList<>();

    static FaultPlan of(Fault fault, int traces, CollectorFleet fleet, JaegerBackend jaeger, SamplerScaling scaling) {
        FaultPlan plan = new FaultPlan();
        int third = traces / 3;
        switch (fault) {
            case NONE -> {
            }
            case JAEGER_DOWN -> {
                plan.at(third, jaeger::stopCollector);
                plan.at(2 * third, jaeger::restartCollector);
            }
            case GATEWAY_CRASH -> {
                if (jaeger != null) {
                    plan.at(third, jaeger::stopCollector);
                    plan.at(2 * third, jaeger::restartCollector);
                }
                plan.at(traces / 2, () -> {
                    fleet.kill("gateway-0");
                    ChildProcesses.sleep(Duration.ofSeconds(2));
                    fleet.restart("gateway-0");
                });
            }
            case SAMPLER_SCALE -> {
                plan.at(third, scaling::addSampler);
                plan.at(2 * third, scaling::removeFirstSampler);
            }
        }
        return plan;
    }

    private void at(int trace, Runnable action) {
        steps.add(new Step(trace, action));
    }

    /** Called with each trace's index before it is sent. */
    void beforeTrace(int index) {
        for (Step step : steps) {
            if (step.atTrace() == index) {
                running.add(runner.submit(step.action()));
            }
        }
    }

    /** Waits for every step to finish, failing the rehearsal if one failed. */
    void awaitDone() {
        for (Future<?> step : running) {
            try {
                step.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new RehearsalException("fault step failed", e.getCause());
            } catch (Exception e) {
                throw new RehearsalException("fault step did not finish: " + e, e);
            }
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
