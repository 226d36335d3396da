package org.stepwise.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stepwise.domain.common.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code stepwise} command: with no subcommand it opens the window; with one it runs that
 * command without a window. Global options are read here and used by every subcommand; the data folder
 * and the passphrase file are inherited, so they may come before or after the command
 * ({@code stepwise demo --patients 20 --data-dir DIR} is {@code stepwise --data-dir DIR demo --patients 20}).
 */
@Command(name = "stepwise", mixinStandardHelpOptions = true, versionProvider = StepwiseCommand.VersionProvider.class,
        description = "Caseload manager for NHS Talking Therapies practitioners. "
                + "With no command, opens the window.",
        subcommands = {CommandLine.HelpCommand.class, ReviewCommand.class, ExportCommand.class, DemoCommand.class,
                SnapshotsCommand.class, PackCommand.class, AuditCommand.class, BackupCommand.class,
                RestoreCommand.class, ServiceKeyCommand.class, VerifyCommand.class, HandoverCommand.class,
                CorridorCommand.class})
public final class StepwiseCommand implements Callable<Integer> {

    /** The exit status when there is no display to open the window on (the reason is printed). */
    public static final int NO_DISPLAY = 3;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder (default: $" + DataFolders.ENV_DATA_DIR + ", else the system's application data folder).")
    Path dataDir;

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Unlock the store for a command with the first line of FILE (else $" + Passphrases.ENV_PASSPHRASE + ").")
    Path passphraseFile;

    @Option(names = "--exit-when-shown",
            description = "Start-up measure: open the window, unlock with the passphrase (--passphrase-file or $"
                    + Passphrases.ENV_PASSPHRASE + "), print the milliseconds from JVM start to the caseload's "
                    + "first frame, and exit; without a passphrase, to the unlock screen's first frame.")
    boolean exitWhenShown;

    @Option(names = "--stay-idle", paramLabel = "SECONDS",
            description = "With --exit-when-shown: stay open, idle, this long after the first frame (to read memory).")
    int stayIdle;

    @Spec
    CommandSpec spec;

    private final CliServices services;
    private final Map<String, String> env;

    public StepwiseCommand(CliServices services, Map<String, String> env) {
        this.services = services;
        this.env = env;
    }

    /** Runs the command line and returns the exit status (0 fine, 1 failed, 2 usage error, 3 no display for the window). */
    public static int run(String[] args, CliServices services, Map<String, String> env) {
        return commandLine(services, env).execute(args);
    }

    /** The command line, ready to execute: a {@link UsageException} exits 2 with its message. */
    static CommandLine commandLine(CliServices services, Map<String, String> env) {
        CommandLine line = new CommandLine(new StepwiseCommand(services, env));
        line.registerConverter(java.time.LocalDate.class, new CliDates());
        line.setParameterExceptionHandler(CliDates.refusedDatesOnOneLine(line.getParameterExceptionHandler()));
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UsageException) {
                cmd.getErr().println(e.getMessage());
                return 2;
            }
            if (e instanceof StartRefused) {
                cmd.getErr().println(e.getMessage());
                return 1;
            }
            throw e;
        });
        return line;
    }

    @Override
    public Integer call() {
        if (exitWhenShown && stayIdle < 0) {
            throw new UsageException("--stay-idle is 0 or more seconds.");
        }
        Optional<String> noWindow = services.whyNoWindow();
        if (noWindow.isPresent()) {
            spec.commandLine().getErr().println(noWindow.get());
            return NO_DISPLAY;
        }
        if (exitWhenShown) {
            if (passphraseFile == null && !Passphrases.inEnvironment(env)) {
                return services.openWindowUntilUnlockShown(dataFolder(), stayIdle, spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            }
            return services.openWindowUntilShown(dataFolder(), passphrase(), stayIdle, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        return services.openWindow(dataFolder());
    }

    public CliServices services() {
        return services;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The data folder this run uses. */
    public Path dataFolder() {
        return DataFolders.resolve(dataDir, env, System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /** The passphrase for a command that opens the store, or a usage error saying how to give it. */
    public char[] passphrase() {
        return Passphrases.read(passphraseFile, env);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.product()};
        }
    }
}
