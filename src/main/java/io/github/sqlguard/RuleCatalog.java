package io.github.sqlguard;

import io.github.sqlguard.rules.FileDiagnostics;
import io.github.sqlguard.rules.RehearsalDiagnostics;
import io.github.sqlguard.rules.Rule;
import io.github.sqlguard.rules.RuleDocs;
import io.github.sqlguard.rules.RuleInfo;
import io.github.sqlguard.rules.RuleRegistry;
import io.github.sqlguard.suppress.SuppressionDiagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * Every id a finding can carry, with its documentation: the statement rules, then the diagnostics about
 * files and acknowledgements. The README table, SARIF {@code rules[]} and the configuration checks all read
 * this one list.
 */
public final class RuleCatalog {

    private static final List<RuleInfo> ALL = collect();

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
        infos.addAll(FileDiagnostics.all());
        infos.addAll(RehearsalDiagnostics.all());
        for (RuleInfo info : SuppressionDiagnostics.ALL) {
            if (infos.stream().noneMatch(known -> known.id().equals(info.id()))) {
                infos.add(info);
            }
        }
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
