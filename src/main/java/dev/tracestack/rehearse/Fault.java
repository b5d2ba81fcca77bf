package dev.tracestack.rehearse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What goes wrong during a rehearsal's traffic. */
enum Fault {
    /** Nothing. */
    NONE,
    /** The Jaeger collector role is stopped while traffic flows, then started again. */
    JAEGER_DOWN,
    /**
     * A gateway killed with SIGKILL halfway through, then restarted; where the stack has Jaeger, during a
     * {@code jaeger-down} outage, so that the exporters' queues hold what Jaeger has not taken.
     */
    GATEWAY_CRASH,
    /** A third sampler joins the load-balancing ring, then one of the first two leaves it. */
    SAMPLER_SCALE;

    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Fault> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    static String ids() {
        return String.join(", ", Arrays.stream(values()).filter(f -> f != NONE).map(Fault::id).toList());
    }
}
