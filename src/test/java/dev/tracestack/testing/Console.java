package dev.tracestack.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A command run as a user runs it: its exit code, and what it printed on stdout and stderr. */
public final class Console {

    /** A command's entry point: arguments in, exit code out, never throwing for bad input. */
    @FunctionalInterface
    public interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);

    public int run(Command command, List<String> args) {
        return command.run(args, outStream, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The stream stdout is captured from, for printing functions that take one. */
    public PrintStream out() {
        return outStream;
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
