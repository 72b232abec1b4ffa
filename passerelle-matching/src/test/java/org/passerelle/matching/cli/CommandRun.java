package org.passerelle.matching.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** A command run in the test's process: its exit code and what it wrote on standard error. */
record CommandRun(int exit, String err) {

    static CommandRun of(Object command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return new CommandRun(line.execute(args), err.toString());
    }
}
