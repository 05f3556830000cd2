package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.RowChange;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reports a DELETE or UPDATE whose WHERE rests on a placeholder or changelog property without a value: whether
 * it limits the rows cannot be told, so it is not counted as a restriction (fail closed) but reported.
 */
public final class UnresolvedWhereRule implements Rule {

    /** Flyway's own placeholders, {@code ${flyway:user}}, under whatever prefix the project configured. */
    private static final Pattern FLYWAY_BUILT_IN = Pattern.compile("^\\W*flyway:");

    private static final RuleInfo INFO = new RuleInfo(
            "unresolved-where",
            Severity.ERROR,
            "WHERE condition made of a placeholder without a value",
            "A WHERE whose condition is a Liquibase ${property} or Flyway ${placeholder} that nothing defines, "
                    + "or a psql :variable, SQL*Plus &variable or sqlcmd $(variable), cannot be judged: filled in at deploy time it may select one row or every row (1 = 1). "
                    + "The statement is therefore not counted as restricted, and this says why it was not "
                    + "checked.",
            "Define the value where sqlguard sees it (Flyway: the <placeholders> of sqlguard or of the "
                    + "flyway-maven-plugin, flyway.conf or spring.flyway.placeholders.*; Liquibase: a changelog "
                    + "<property>, a property file or the pom's liquibaseProperties); a value only the deploy knows, "
                    + "such as Flyway's ${flyway:database}, cannot be defined, so check the condition by hand and "
                    + "acknowledge it: -- sqlguard:allow unresolved-where reason: <why>",
            List.of("DELETE FROM customers WHERE ${condition}",
                    "UPDATE orders SET status = 'void' WHERE created < now() AND ${tenant_filter}"),
            List.of("DELETE FROM customers WHERE id = ${customer_id}",
                    "UPDATE orders SET status = 'void' WHERE tenant IN (${tenants})"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Violation> check(StatementModel statement) {
        boolean liquibase = statement.statement().context().label().startsWith("changeset ");
        List<Violation> violations = new ArrayList<>();
        for (RowChange change : statement.rowChanges()) {
            if (!change.scratch() && !change.restrictedByJoin() && !change.unresolvedConditions().isEmpty()) {
                violations.add(new Violation(message(change, liquibase,
                        statement.statement().unvaluedPlaceholders()), change.at()));
            }
        }
        return violations;
    }

    /** {@code definedElsewhere} tells why a placeholder defined for other runs only has no value on this one. */
    private static String message(RowChange change, boolean liquibase, Map<String, String> definedElsewhere) {
        List<String> elsewhere = new ArrayList<>();
        List<String> undefined = new ArrayList<>();
        List<String> builtIn = new ArrayList<>();
        List<String> psql = new ArrayList<>();
        List<String> sqlPlus = new ArrayList<>();
        List<String> sqlcmd = new ArrayList<>();
        for (String reference : change.unresolvedConditions()) {
            if (definedElsewhere.containsKey(reference)) {
                elsewhere.add(reference + " " + definedElsewhere.get(reference));
                continue;
            }
            (reference.startsWith(":") ? psql : reference.startsWith("&") ? sqlPlus
                    : reference.startsWith("$(") ? sqlcmd
                    : !liquibase && FLYWAY_BUILT_IN.matcher(reference).find() ? builtIn : undefined).add(reference);
        }
        List<String> causes = new ArrayList<>();
        if (!psql.isEmpty()) {
            causes.add(String.join(", ", psql) + (psql.size() == 1 ? " is a psql variable" : " are psql variables")
                    + ", which psql fills in (\\set, -v) only when it runs the script");
        }
        if (!sqlPlus.isEmpty()) {
            causes.add(String.join(", ", sqlPlus) + (sqlPlus.size() == 1 ? " is a SQL*Plus substitution variable"
                    : " are SQL*Plus substitution variables") + ", which SQL*Plus fills in (DEFINE, a prompt) only "
                    + "when it runs the script");
        }
        if (!sqlcmd.isEmpty()) {
            causes.add(String.join(", ", sqlcmd) + (sqlcmd.size() == 1 ? " is a sqlcmd variable"
                    : " are sqlcmd variables") + ", which sqlcmd or SQLCMD mode fills in (:setvar, -v) only when it"
                    + " runs the script");
        }
        causes.addAll(elsewhere);
        if (!undefined.isEmpty()) {
            causes.add(String.join(", ", undefined) + (undefined.size() == 1 ? " is" : " are") + (liquibase
                    ? " not defined in the changelog (a <property>, a property file or --property) nor in the pom's "
                            + "liquibaseProperties"
                    : " not among the placeholders (sqlguard's <placeholders>, the flyway-maven-plugin's or "
                            + "flyway.placeholders.* properties, flyway.conf, flyway.toml, or Spring Boot's "
                            + "spring.flyway.placeholders.*)"));
        }
        if (!builtIn.isEmpty()) {
            // Flyway fills these in from the connection it migrates over, so no configuration can give them here.
            causes.add(String.join(", ", builtIn) + (builtIn.size() == 1 ? " is a placeholder" : " are placeholders")
                    + " Flyway fills in itself when it migrates (the database, user or schema it connects to)");
        }
        return String.join("; ", causes) + ", so the WHERE of this " + change.verb() + " could not be judged: it may "
                + (change.verb().equals("DELETE") ? "remove" : "change") + " every row of " + change.tableList();
    }
}
