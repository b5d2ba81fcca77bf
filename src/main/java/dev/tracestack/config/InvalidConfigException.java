package dev.tracestack.config;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a stack's config breaks one or more rules; carries every problem found, not just the first. */
public final class InvalidConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::message).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Every problem, one per line under a count; {@code pulumi up} prints the same as the commands. */
    public void printTo(PrintStream err) {
        err.printf("invalid config (%d problem%s):%n", problems.size(), problems.size() == 1 ? "" : "s");
        problems.stream().map(ConfigProblem::message).forEach(m -> err.println("  " + m));
    }
}
