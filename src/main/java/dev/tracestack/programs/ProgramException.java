package dev.tracestack.programs;

/** A program a command needs would not start, stay up, or answer in time. */
public class ProgramException extends RuntimeException {

    public ProgramException(String message) {
        super(message);
    }

    public ProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
