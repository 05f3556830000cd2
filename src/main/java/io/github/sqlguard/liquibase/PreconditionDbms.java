package io.github.sqlguard.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The databases a changeset's {@code preConditions} let it run on, for a changeset without a {@code dbms} of its
 * own: {@code <preConditions onFail="MARK_RAN"><dbms type="mssql"/></preConditions>} is how many projects write
 * {@code dbms="mssql"}. It counts at the top level of a {@code preConditions} (or under an {@code and} there) whose
 * {@code onFail} keeps the changeset from running elsewhere (HALT, the default, MARK_RAN, CONTINUE), an {@code or}
 * made of such conditions only lets it run on any of theirs, and a {@code not} of such conditions rules those
 * databases out; with {@code onFail="WARN"}, or under an {@code or} that also holds another condition, the
 * changeset may run on other databases as well.
 */
final class PreconditionDbms {

    private PreconditionDbms() {
    }

    /** The {@code type} of the first such {@code dbms} condition, as a {@code dbms} attribute would list them. */
    static Optional<String> of(ChangeNode changeSet) {
        for (ChangeNode preconditions : changeSet.children()) {
            if (!preconditions.name().equals("preConditions")) {
                continue;
            }
            // XML and JSON write onFail as an attribute; YAML also as a list item of its own ("- onFail: WARN").
            String onFail = preconditions.value("onFail").orElse("HALT").strip().toUpperCase(Locale.ROOT);
            if (!onFail.equals("WARN")) {
                Optional<String> type = required(preconditions);
                if (type.isPresent()) {
                    return type;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code not} made of {@code dbms} conditions only, {@code <not><dbms type="oracle"/></not>}: none of them may
     * hold, so the changeset runs everywhere but there ({@code dbms="!oracle"}).
     */
    private static Optional<String> excluded(ChangeNode not) {
        List<String> names = new ArrayList<>();
        for (ChangeNode check : not.children()) {
            String type = check.name().equals("dbms") ? check.value("type").orElse("").strip() : "";
            if (type.isEmpty()) {
                return Optional.empty();
            }
            for (String name : type.split(",")) {
                if (!name.isBlank()) {
                    names.add("!" + name.strip());
                }
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(",", names));
    }

    /**
     * An {@code or} made of {@code dbms} conditions only ({@code or: [dbms: mysql, dbms: mariadb]}): the
     * changeset runs on any of their databases and nowhere else.
     */
    private static Optional<String> anyOf(ChangeNode or) {
        List<String> names = new ArrayList<>();
        for (ChangeNode check : or.children()) {
            Optional<String> type = check.name().equals("or") ? anyOf(check)
                    : check.name().equals("dbms") ? check.value("type").filter(t -> !t.isBlank()) : Optional.empty();
            if (type.isEmpty()) {
                return Optional.empty();
            }
            names.add(type.get().strip());
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join(",", names));
    }

    private static Optional<String> required(ChangeNode parent) {
        for (ChangeNode check : parent.children()) {
            if (check.name().equals("and")) {
                Optional<String> type = required(check);
                if (type.isPresent()) {
                    return type;
                }
            } else if (check.name().equals("dbms")) {
                Optional<String> type = check.value("type").filter(t -> !t.isBlank());
                if (type.isPresent()) {
                    return type;
                }
            } else if (check.name().equals("or")) {
                Optional<String> any = anyOf(check);
                if (any.isPresent()) {
                    return any;
                }
            } else if (check.name().equals("not")) {
                Optional<String> excluded = excluded(check);
                if (excluded.isPresent()) {
                    return excluded;
                }
            }
        }
        return Optional.empty();
    }
}
