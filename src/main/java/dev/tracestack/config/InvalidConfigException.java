package dev.tracestack.config;

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
}
