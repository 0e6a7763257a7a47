package io.pusherj.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code pusherj} command. */
@Command(
        name = "pusherj",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Pusher Channels client and local Pusher-protocol server.",
        subcommands = {
            ListenCommand.class,
            ServeCommand.class,
            TriggerCommand.class,
            DemoCommand.class,
            BenchCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits: 0 on success, 2 for bad arguments (usage on stderr), 1 otherwise.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }
}
