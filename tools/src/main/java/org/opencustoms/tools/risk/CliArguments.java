package org.opencustoms.tools.risk;

import org.opencustoms.riskmodel.RiskModelException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "--name value" options after a command word; options may repeat. */
final class CliArguments {

    private final String command;
    private final Map<String, List<String>> options;

    private CliArguments(String command, Map<String, List<String>> options) {
        this.command = command;
        this.options = options;
    }

    static CliArguments parse(String[] args, Map<String, Set<String>> optionsByCommand) {
        if (args.length == 0) {
            throw new RiskModelException("missing command: expected one of " + optionsByCommand.keySet());
        }
        String command = args[0];
        Set<String> allowed = optionsByCommand.get(command);
        if (allowed == null) {
            throw new RiskModelException("unknown command '" + command + "': expected one of " + optionsByCommand.keySet());
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String name = args[i];
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                throw new RiskModelException("unknown option '" + name + "' for " + command + ": expected --" 
                        + String.join(", --", allowed));
            }
            if (i + 1 >= args.length) {
                throw new RiskModelException("option " + name + " needs a value");
            }
            options.computeIfAbsent(name.substring(2), n -> new ArrayList<>()).add(args[i + 1]);
        }
        return new CliArguments(command, options);
    }

    String command() {
        return command;
    }

    String required(String name) {
        List<String> values = options.get(name);
        if (values == null) {
            throw new RiskModelException(command + " needs --" + name);
        }
        if (values.size() > 1) {
            throw new RiskModelException("--" + name + " may be given only once");
        }
        return values.get(0);
    }

    String optional(String name) {
        return options.containsKey(name) ? required(name) : null;
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    Path requiredPath(String name) {
        return Path.of(required(name));
    }

    List<Path> requiredPaths(String name) {
        List<String> values = all(name);
        if (values.isEmpty()) {
            throw new RiskModelException(command + " needs --" + name);
        }
        return values.stream().map(Path::of).toList();
    }
}
