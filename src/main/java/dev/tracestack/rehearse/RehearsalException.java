package dev.tracestack.rehearse;

import dev.tracestack.programs.ProgramException;

/** The rehearsal cannot go on: a program would not start, a port could not be bound, a binary is missing. */
public final class RehearsalException extends ProgramException {

    public RehearsalException(String message) {
        super(message);
    }

    public RehearsalException(String message, Throwable cause) {
        super(message, cause);
    }
}
