package io.dvclint.cli;

import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
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

    /** A spec for a command object, with {@code -h/--help} (and {@code -V/--version} on the root). */
    static CommandSpec command(Object userObject, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name(name);
        spec.usageMessage().description(description).sortOptions(false);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        return spec;
    }

    /** An option whose value (converted to {@code type}) is handed to {@code into}. */
    static <T> OptionSpec.Builder option(Class<T> type, Consumer<T> into, String... names) {
        return OptionSpec.builder(names).type(type).setter(setter(type, into));
    }

    /** A boolean flag. */
    static OptionSpec.Builder flag(Consumer<Boolean> into, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").setter(setter(Boolean.class, into));
    }

    /** A positional parameter. */
    static <T> PositionalParamSpec.Builder positional(Class<T> type, Consumer<T> into) {
        return PositionalParamSpec.builder().type(type).setter(setter(type, into));
    }

    /** Positional parameters collected into {@code target} (which picocli reads back and appends to). */
    static PositionalParamSpec.Builder positionals(java.util.List<String> target) {
        return PositionalParamSpec.builder().type(java.util.List.class).auxiliaryTypes(String.class).arity("0..*")
                .getter(new picocli.CommandLine.Model.IGetter() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <V> V get() {
                        return (V) target;
                    }
                })
                .setter(new ISetter() {
                    @Override
                    public <V> V set(V value) {
                        if (value != target && value instanceof java.util.Collection<?> c) {
                            target.clear();
                            for (Object o : c) target.add(String.valueOf(o));
                        }
                        return null;
                    }
                });
    }

    private static <T> ISetter setter(Class<T> type, Consumer<T> into) {
        return new ISetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V set(V value) {
                if (value != null) into.accept((T) value);
                return null;
            }
        };
    }
}
