package dev.tracestack.cli;

/**
 * The exit codes of every command ({@code plan}, {@code cost}, {@code rehearse}) and of the program under
 * the engine, in one place so that scripts and CI can tell bad input from a failure.
 */
public final class ExitCode {

    public static final int OK = 0;
    /** Anything but invalid config: bad usage, a failed run, a missing price book. */
    public static final int FAILED = 1;
    /**
     * The stack's config breaks one or more rules (every problem is printed), or there is none to read: the
     * program run with no command outside the engine, a stack the cost estimate does not price.
     */
    public static final int INVALID_CONFIG = 2;

    private ExitCode() {
    }
}
