package io.dvclint.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Small helpers to declare commands with picocli's programmatic API. dvclint does not use picocli's annotations:
 * reading them costs the JVM dynamic proxies and reflection on every start (tens of milliseconds, more than the
 * whole lint of a small project), while a programmatic model is plain object construction.
 */
final class Cli {
    private Cli() {
    }

    /**
     * The object factory given to picocli. Its default one looks for Groovy on the class path when first used, and
     * that miss makes the JVM open and index the whole jar (several milliseconds); the collections a parse needs
     * are made here, anything else is left to the default factory.
     */
    static final CommandLine.IFactory FACTORY = new CommandLine.IFactory() {
        @Override
        @SuppressWarnings("unchecked")
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == List.class || cls == Collection.class || cls == ArrayList.class) return (K) new ArrayList<>();
            if (cls == Set.class || cls == LinkedHashSet.class) return (K) new LinkedHashSet<>();
            if (cls == Map.class || cls == LinkedHashMap.class) return (K) new LinkedHashMap<>();
            return CommandLine.defaultFactory().create(cls);
        }
    };

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** A command line for a spec, with {@link #FACTORY}. */
    static CommandLine commandLine(CommandSpec spec) {
        // dvclint's options are strings, flags and lists of strings. Without this, every command line (a
        // subcommand's too) registers picocli's converters for java.time, java.sql and java.nio types by reflection,
        // loading those modules' classes (about 10 ms of start-up).
        if (System.getProperty(CONVERTER_EXCLUDES) == null) System.setProperty(CONVERTER_EXCLUDES, ".*");
        return new CommandLine(spec, FACTORY);
    }

    /** A spec for a command object, with {@code -h/--help} (and {@code -V/--version} on the root). */
    static CommandSpec command(Object userObject, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject, FACTORY).name(name);
        spec.usageMessage().description(description).sortOptions(false);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        return spec;
    }

    /** An option; its value stays in the spec (read it with {@link #value}), so no setter code is generated. */
    static OptionSpec.Builder option(Class<?> type, String... names) {
        return OptionSpec.builder(names).type(type);
    }

    /** A boolean flag. */
    static OptionSpec.Builder flag(String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0");
    }

    /** A positional parameter. */
    static PositionalParamSpec.Builder positional(Class<?> type) {
        return PositionalParamSpec.builder().type(type);
    }

    /** Positional parameters collected into a list. */
    static PositionalParamSpec.Builder positionals() {
        return PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class).arity("0..*");
    }

    /** The value of an option after parsing (null when not given and without default). */
    static <T> T value(CommandSpec spec, String option) {
        return spec.findOption(option).getValue();
    }

    /** Whether a flag was given. */
    static boolean flag(CommandSpec spec, String option) {
        Object v = spec.findOption(option).getValue();
        return v instanceof Boolean b && b;
    }

    /** The value of the positional parameter at {@code index}. */
    static <T> T positional(CommandSpec spec, int index) {
        return spec.positionalParameters().get(index).getValue();
    }
}
