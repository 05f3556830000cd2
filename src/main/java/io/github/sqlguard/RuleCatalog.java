package io.github.sqlguard;

import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.RehearsalDiagnostics;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.RuleDocs;
import io.github.sqlguard.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every id a finding can carry, with its documentation: the statement rules, then the diagnostics about
 * files and acknowledgements. The README table, SARIF {@code rules[]} and the configuration checks all read
 * this one list.
 */
public final class RuleCatalog {

    private static final List<RuleInfo> ALL = collect();

    /**
     * Diagnostics that may be lowered but never switched off, each with the reason: they say that part of a
     * migration was not checked, and a safety check must not pass what it did not read without a word.
     */
    public static final Map<String, String> NEVER_OFF = Map.of(
            Diagnostics.UNREADABLE_FILE.id(), "a file sqlguard cannot read would pass unchecked",
            Diagnostics.UNTERMINATED_TOKEN.id(), "the rest of a file after an unterminated quote or comment "
                    + "would pass unchecked",
            Diagnostics.MALFORMED_CHANGELOG.id(), "a changelog sqlguard cannot read would pass unchecked",
            Diagnostics.MISSING_INCLUDE.id(), "a changelog that cannot be found would pass unchecked",
            Diagnostics.UNCHECKED_CHANGE.id(), "a change sqlguard cannot see into would pass unchecked",
            Diagnostics.ANALYSIS_FAILED.id(), "a file whose analysis failed would pass unchecked");

    private RuleCatalog() {
    }

    public static List<RuleInfo> all() {
        return ALL;
    }

    private static List<RuleInfo> collect() {
        List<RuleInfo> infos = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            infos.add(rule.info());
        }
        infos.addAll(Diagnostics.all());
        infos.addAll(RehearsalDiagnostics.all());
        return List.copyOf(infos);
    }

    /**
     * Rewrites the rule table of a README in place.
     * Run: {@code mvn -B -q compile exec:java -Dexec.mainClass=io.github.sqlguard.RuleCatalog -Dexec.args=README.md}.
     */
    public static void main(String[] args) {
        int status = RuleDocs.rewrite(args, all(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }
}
