package io.github.sqlguard;

import static io.github.sqlguard.StatementPlacement.contextNote;
import static io.github.sqlguard.StatementPlacement.lowered;

import io.github.sqlguard.analysis.ExtensionTables;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.model.Diagnostics;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Location;
import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.ScriptMode;
import io.github.sqlguard.model.Severity;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * PostgreSQL's {@code DROP EXTENSION} drops every table the extension owns, with or without CASCADE, and an
 * extension may keep its users' rows in one: a queue's messages, a scheduler's jobs, the tables it marks with
 * {@code pg_extension_config_dump} so that pg_dump saves their rows. sqlguard knows the tables of a few extensions
 * (reported as {@code drop-table}) and knows of others that own none; dropping any other extension is an
 * {@code unchecked-change}, since what it takes along cannot be told from the script.
 */
final class UnknownExtensionDrops {

    private static final String HINT = "See which tables the extension owns (SELECT extconfig::regclass[] FROM"
            + " pg_extension WHERE extname = '..'; \\dx+ in psql) and keep their rows, then acknowledge the drop:"
            + " -- sqlguard:allow unchecked-change reason: <why>";

    private final Function<RuleInfo, Optional<Severity>> configuredSeverity;

    UnknownExtensionDrops(Function<RuleInfo, Optional<Severity>> configuredSeverity) {
        this.configuredSeverity = configuredSeverity;
    }

    /**
     * The {@code unchecked-change} at the {@code DROP} of {@code drop} when it drops an extension of which sqlguard
     * does not know what tables it owns; empty otherwise.
     */
    Optional<Finding> of(StatementModel drop, Severity ceiling, ScriptMode rollbacks) {
        List<Token> tokens = drop.statement().tokens();
        List<String> unknown = droppedExtensions(tokens).stream().filter(name -> !ExtensionTables.known(name))
                .toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        boolean one = unknown.size() == 1;
        RuleInfo info = Diagnostics.UNCHECKED_CHANGE;
        return configuredSeverity.apply(info).map(severity -> Finding.of(info.id(),
                lowered(severity, drop, ceiling, rollbacks), new Location(drop.statement().start().path(), tokens.get(0).line(), tokens.get(0).column()),
                "DROP EXTENSION " + String.join(", ", unknown) + " drops every table the extension owns with it,"
                        + " and sqlguard does not know whether " + (one ? "it keeps" : "they keep") + " rows in one"
                        + " (a table " + (one ? "it marks" : "they mark") + " with pg_extension_config_dump holds"
                        + " rows " + (one ? "its" : "their") + " users wrote): " + (one ? "its" : "their")
                        + " tables were not checked" + contextNote(drop),
                HINT, drop.statement().firstLine()));
    }

    /**
     * The extensions, as written, of {@code DROP EXTENSION [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}; empty
     * for any other statement.
     */
    static List<String> droppedExtensions(List<Token> tokens) {
        if (tokens.size() < 3 || !tokens.get(0).isWord("DROP") || !tokens.get(1).isWord("EXTENSION")) {
            return List.of();
        }
        int at = 2;
        if (at + 1 < tokens.size() && tokens.get(at).isWord("IF") && tokens.get(at + 1).isWord("EXISTS")) {
            at += 2;
        }
        List<String> names = new ArrayList<>();
        while (at < tokens.size()) {
            Token name = tokens.get(at);
            if (name.type() != TokenType.WORD && name.type() != TokenType.QUOTED_NAME
                    && name.type() != TokenType.PLACEHOLDER
                    || name.isAnyWord("CASCADE", "RESTRICT")) {
                break;
            }
            names.add(name.text());
            if (at + 1 >= tokens.size() || !tokens.get(at + 1).isSymbol(",")) {
                break;
            }
            at += 2;
        }
        return names;
    }
}
