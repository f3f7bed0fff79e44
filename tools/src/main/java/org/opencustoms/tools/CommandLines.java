package org.opencustoms.tools;

import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the tools' command lines (picocli) share: output to the caller's streams, enums in any case, and usage errors
 * in the tools' words ("--count needs a whole number, got '3x'") followed by the usage of the command concerned.
 */
public final class CommandLines {

    /** The exit status of bad usage (the commands exit 0 when done and 1 when the work failed). */
    public static final int USAGE_ERROR = 2;

    private CommandLines() {
    }

    /** A command line over these streams; a usage error prints "error: ..." and the command's usage to err, exit 2. */
    public static CommandLine create(Object command, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setCaseInsensitiveEnumValuesAllowed(true);
        configure(commandLine);
        return commandLine.setParameterExceptionHandler((e, args) -> usageError(e, args, e.getCommandLine()));
    }

    /** Prints "error: what to fix" and the usage of {@code usage}; returns {@link #USAGE_ERROR}. */
    public static int usageError(ParameterException e, String[] args, CommandLine usage) {
        PrintWriter err = usage.getErr();
        err.println("error: " + describe(e, args));
        usage.usage(err);
        err.flush();
        return USAGE_ERROR;
    }

    /** A usage error as one sentence naming the option or command concerned. */
    public static String describe(ParameterException e, String[] args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        // an unknown option explains what follows from it, such as a required option "missing" under another name
        List<String> unmatched = unmatched(e);
        if (!unmatched.isEmpty()) {
            String option = unknownOption(e);
            if (option != null) {
                return "unknown option " + option + " for " + spec.name();
            }
            if (!spec.subcommands().isEmpty()) {
                return "unknown command '" + unmatched.get(0) + "': expected " + commandNames(spec);
            }
            return "unexpected argument '" + unmatched.get(0) + "'";
        }
        if (e instanceof OverwrittenOptionException overwritten) {
            return name(overwritten.getOverwritten()) + " is given twice";
        }
        if (e instanceof MissingParameterException missing && missing.getMissing() != null && !missing.getMissing().isEmpty()) {
            List<String> names = missing.getMissing().stream().map(CommandLines::name).toList();
            if (names.size() == 1 && given(args, missing.getMissing().get(0))) {
                return names.get(0) + " needs a value";
            }
            return join(names, "and") + (names.size() == 1 ? " is required" : " are required");
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return invalidValue(e.getArgSpec(), e.getValue(), e);
        }
        return e.getMessage();
    }

    /** The first argument that looks like an option but is none of the command's, or null. */
    public static String unknownOption(ParameterException e) {
        return unmatched(e).stream().filter(argument -> argument.startsWith("-")).findFirst().orElse(null);
    }

    private static List<String> unmatched(ParameterException e) {
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : e.getCommandLine().getUnmatchedArguments();
        return unmatched == null ? List.of() : unmatched;
    }

    /** The names of a command's subcommands, "train, score or evaluate". */
    public static String commandNames(CommandSpec spec) {
        return join(List.copyOf(spec.subcommands().keySet()), "or");
    }

    /** The option values a command takes, "--model, --data or --out" (help options left out). */
    public static String optionNames(CommandSpec spec) {
        return join(spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
                .map(OptionSpec::longestName).toList(), "or");
    }

    private static String invalidValue(ArgSpec argument, String value, ParameterException e) {
        Class<?> type = argument.isMultiValue() && argument.auxiliaryTypes().length > 0
                ? argument.auxiliaryTypes()[0] : argument.type();
        String name = name(argument);
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return name + " needs a whole number, got '" + value + "'";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return name + " needs a number, got '" + value + "'";
        }
        if (type.isEnum()) {
            return name + " must be " + join(Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(Locale.ROOT)).toList(), "or") + ", got '" + value + "'";
        }
        if (type == Path.class) {
            return name + " '" + value + "' is not a valid path";
        }
        return e.getMessage();
    }

    /** "a", "a or b", "a, b or c". */
    private static String join(List<String> words, String conjunction) {
        return words.size() <= 1 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " " + words.get(words.size() - 1);
    }

    private static String name(ArgSpec argument) {
        return argument instanceof OptionSpec option ? option.longestName() : argument.paramLabel();
    }

    /** Whether the option itself is on the command line (then a missing parameter is a missing value). */
    private static boolean given(String[] args, ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return false;
        }
        return Arrays.stream(args).anyMatch(arg -> Arrays.stream(option.names())
                .anyMatch(name -> arg.equals(name) || arg.startsWith(name + "=")));
    }

    /** Every command: "usage:" as the tools have always written it, options in the order declared, the jar's version. */
    private static void configure(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().synopsisHeading("usage: ").sortOptions(false).sortSynopsis(false);
        commandLine.getCommandSpec().versionProvider(new Version());
        commandLine.getSubcommands().values().forEach(CommandLines::configure);
    }

    /** {@code -V}: the version in the tools jar's manifest. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CommandLines.class.getPackage().getImplementationVersion();
            return new String[] {"customs platform tools " + (version == null ? "(development build)" : version)};
        }
    }
}
