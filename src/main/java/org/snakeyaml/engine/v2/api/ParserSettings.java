package org.snakeyaml.engine.v2.api;

import java.util.Collections;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.common.SpecVersion;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;

/**
 * Settings for snakeyaml-engine's scanner and parser alone, made without {@link LoadSettingsBuilder}. The builder's
 * constructor sets up what only snakeyaml's composer and constructors read: a JSON schema (its tag constants
 * percent-encoded through a regex-built escaper, its resolver's regular expressions) and four lambdas. dvclint
 * builds its own nodes from parser events ({@code io.dvclint.yaml.YamlLoader}), so that set-up was pure start-up
 * cost, about a fifth of the lint thread's time on a small project.
 *
 * <p>This class sits in snakeyaml-engine's package to reach {@link LoadSettings}' package-private constructor; it is
 * compiled against the version in pom.xml, so a changed constructor fails the build, and {@code ParserSettingsTest}
 * checks that what the scanner and parser read (label, buffer size, marks, comments, code-point limit, the YAML
 * version check) matches what the builder gives.
 */
public final class ParserSettings {
    private ParserSettings() {
    }

    /** Settings as {@code LoadSettings.builder()} gives them, with these three set, for the parser only. */
    public static LoadSettings create(boolean allowDuplicateKeys, int codePointLimit, boolean useMarks) {
        return new LoadSettings("reader", Collections.emptyMap(), null, null, null, new VersionCheck(), 1024,
                allowDuplicateKeys, false, 50, useMarks, Collections.emptyMap(), Optional.empty(), false,
                codePointLimit, null, false);
    }

    /** The builder's default: any YAML 1.x document is read, other major versions are refused. */
    static final class VersionCheck implements UnaryOperator<SpecVersion> {
        @Override
        public SpecVersion apply(SpecVersion version) {
            if (version.getMajor() != 1) throw new YamlVersionException(version);
            return version;
        }
    }
}
