package io.github.sqlguard.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The commands T-SQL's {@code sp_MSforeachtable} and {@code sp_MSforeachdb} run: up to three, each once per table
 * or database ({@code @command1}, {@code @command2}, {@code @command3}), and one before and after them all. Cleanup
 * scripts print in the first and act in the second ({@code @command1 = 'PRINT ''?''', @command2 = 'DELETE FROM ?'}),
 * and often pass them double-quoted, which an EXEC argument takes as text whatever QUOTED_IDENTIFIER says.
 */
final class ForEachCommands {

    /** The procedures' parameters in order; a name not listed here is not a command. */
    private static final List<String> TABLE_PARAMETERS = List.of("@command1", "@replacechar", "@command2",
            "@command3", "@whereand", "@precommand", "@postcommand");
    private static final List<String> DATABASE_PARAMETERS = List.of("@command1", "@replacechar", "@command2",
            "@command3", "@precommand", "@postcommand");
    private static final Set<String> COMMANDS = Set.of("@command1", "@command2", "@command3", "@precommand",
            "@postcommand");

    private ForEachCommands() {
    }

    /**
     * What the call whose arguments are {@code arguments} runs: the text of each command joined by {@code ;}, with
     * a command built at run time leaving the whole partly built.
     *
     * @param database true for sp_MSforeachdb, whose parameters differ in order
     */
    static DynamicSql.Source of(List<Token> arguments, boolean database, String label, String eachName) {
        List<List<Token>> commands = commands(DynamicSql.arguments(arguments), database);
        if (commands.size() == 1) {
            DynamicSql.Source command = DynamicSql.expression(commands.get(0), label);
            return new DynamicSql.Source(command.literals(), command.variable(), command.partlyBuilt(), label,
                    eachName);
        }
        List<Token> parts = new ArrayList<>();
        boolean partlyBuilt = commands.isEmpty();
        for (List<Token> command : commands) {
            DynamicSql.Source source = DynamicSql.expression(command, label);
            partlyBuilt |= source.builtAtRunTime() || source.variable() != null;
            if (source.literals().isEmpty()) {
                continue;
            }
            if (!parts.isEmpty()) {
                Token first = source.literals().get(0);
                parts.add(new Token(TokenType.WORD, ";", first.offset(), first.line(), first.column()));
            }
            parts.addAll(source.literals());
        }
        return new DynamicSql.Source(parts, null, partlyBuilt, label, eachName);
    }

    /** The command arguments, each a double-quoted text read as a literal. */
    private static List<List<Token>> commands(List<List<Token>> arguments, boolean database) {
        List<String> parameters = database ? DATABASE_PARAMETERS : TABLE_PARAMETERS;
        List<List<Token>> commands = new ArrayList<>();
        for (int k = 0; k < arguments.size(); k++) {
            List<Token> argument = arguments.get(k);
            String name = k < parameters.size() ? parameters.get(k) : "";
            if (argument.size() > 2 && argument.get(0).text().startsWith("@") && argument.get(1).isSymbol("=")) {
                name = argument.get(0).text().toLowerCase(Locale.ROOT);
                argument = argument.subList(2, argument.size());
            }
            if (COMMANDS.contains(name) && !argument.isEmpty()) {
                commands.add(argument.stream().map(ForEachCommands::asText).toList());
            }
        }
        return commands;
    }

    /** A double-quoted name passed as an argument is the text between its quotes. */
    private static Token asText(Token token) {
        boolean doubleQuoted = token.type() == TokenType.QUOTED_NAME && token.text().length() > 1
                && token.text().startsWith("\"") && token.text().endsWith("\"");
        return doubleQuoted ? new Token(TokenType.STRING, token.text(), token.offset(), token.line(), token.column())
                : token;
    }
}
