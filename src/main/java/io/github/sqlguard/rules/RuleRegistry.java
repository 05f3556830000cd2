package io.github.sqlguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every statement rule, in the stable order used for reports and documentation. */
public final class RuleRegistry {

    private static final List<Rule> ALL = allRules();

    private RuleRegistry() {
    }

    private static List<Rule> allRules() {
        List<Rule> rules = new ArrayList<>(List.of(
                new DeleteWithoutWhereRule(),
                new UpdateWithoutWhereRule(),
                new AlwaysTrueWhereRule(),
                new UnresolvedWhereRule(),
                new MergeNotMatchedBySourceRule(),
                new UnfilteredSubqueryRule()));
        rules.addAll(DataLossRules.all());
        rules.add(new UnparsedStatementRule());
        rules.add(new RuntimeSqlRule());
        rules.add(new ScriptIncludeRule());
        rules.add(new BlockWithoutSlashRule());
        rules.add(new UnknownStatementRule());
        rules.add(new UnknownCommandRule());
        return List.copyOf(rules);
    }

    /** All rules; rule objects are stateless and shared. */
    public static List<Rule> all() {
        return ALL;
    }

    /** The rule with this permanent id, if there is one. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.info().id().equals(id)).findFirst();
    }
}
