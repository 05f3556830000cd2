package io.github.sqlguard.sql;

import io.github.sqlguard.model.LineIndex;
import io.github.sqlguard.sql.JavaTokens.JavaToken;
import io.github.sqlguard.sql.JavaTokens.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL the Java source of an H2 alias ({@code CREATE ALIAS f AS $$ java $$}) sends through its connection, where
 * the source writes it: a string literal (or literals joined by {@code +}) passed straight to {@code execute},
 * {@code executeUpdate}, {@code executeLargeUpdate}, {@code executeQuery}, {@code addBatch}, {@code prepareStatement}
 * or {@code prepareCall}. A part joined from anything else is a value known at run time only; an argument with no
 * literal at all, or a connection or statement handed to other code, is SQL sqlguard cannot read.
 *
 * @param sent the texts read, each as the literals and stand-ins it is joined from
 * @param everythingRead true when every statement the code may send is among {@code sent}, wholly known
 */
public record JavaSentSql(List<Sent> sent, boolean everythingRead) {

    /** Methods of {@code java.sql.Statement} and {@code Connection} whose first argument is SQL that runs. */
    private static final Set<String> SENDING = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeQuery", "addBatch", "prepareStatement", "prepareCall");
    /** The JDBC types through which Java sends SQL: a variable of one handed to other code may send anything. */
    private static final Set<String> SENDERS = Set.of("Connection", "Statement", "PreparedStatement",
            "CallableStatement");

    /**
     * One text the code sends.
     *
     * @param body the text as the database reads it, each character located in the file
     * @param partlyBuilt true when a part of it is known at run time only
     * @param place where in the code's branches it is sent
     */
    record Sent(QuotedBody body, boolean partlyBuilt, JavaBranches.Place place) {
    }

    public JavaSentSql {
        sent = List.copyOf(sent);
    }

    /**
     * The SQL sent by the Java source in the string {@code source} of {@code file}, a dollar-quoted or quoted
     * literal, or nothing read (and not everything) when it is neither.
     */
    public static JavaSentSql of(String file, Token source) {
        String literal = source.text();
        int tag = literal.startsWith("$") ? literal.indexOf('$', 1) + 1 : 0;
        boolean quoted = literal.startsWith("'");
        if (!quoted && (tag <= 0 || literal.length() < 2 * tag) || quoted && literal.length() < 2) {
            return new JavaSentSql(List.of(), false);
        }
        // The code as H2 compiles it: a quoted body's '' is one quote; each character keeps its file offset.
        int from = quoted ? 1 : tag;
        int to = literal.length() - from;
        StringBuilder code = new StringBuilder(to - from);
        int[] offsets = new int[to - from + 1];
        for (int i = from; i < to; i++) {
            offsets[code.length()] = source.offset() + i;
            code.append(literal.charAt(i));
            if (quoted && literal.charAt(i) == '\'' && i + 1 < to && literal.charAt(i + 1) == '\'') {
                i++;
            }
        }
        offsets[code.length()] = source.offset() + to;
        return new Reader(file, source, code.toString(), offsets).read();
    }

    /**
     * True when the Java source in {@code source} sends SQL and every statement it may send is read, wholly known;
     * code that sends none through JDBC here may still reach the database by means sqlguard does not follow.
     */
    public static boolean readsEverything(Token source) {
        JavaSentSql java = of(null, source);
        return java.everythingRead() && !java.sent().isEmpty();
    }

    /**
     * The string holding the Java source in H2's {@code CREATE [FORCE] ALIAS [IF NOT EXISTS] name [DETERMINISTIC]
     * AS source}, or null for any other statement.
     */
    static Token aliasSource(List<Token> tokens) {
        int i = 1;
        while (i < tokens.size() && tokens.get(i).isAnyWord("FORCE", "OR", "REPLACE")) {
            i++;
        }
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE") || i >= tokens.size()
                || !tokens.get(i).isWord("ALIAS")) {
            return null;
        }
        int body = aliasBodyAt(tokens, i + 1);
        return body == tokens.size() - 1 && tokens.get(body).type() == TokenType.STRING ? tokens.get(body) : null;
    }

    /**
     * The index of the token after {@code AS} in {@code CREATE [FORCE] ALIAS [IF NOT EXISTS] name [DETERMINISTIC]
     * [NOBUFFER] AS ..}, reading from {@code index}, the token after {@code ALIAS}; -1 when no AS follows the name.
     */
    public static int aliasBodyAt(List<Token> tokens, int index) {
        int i = index;
        if (i + 2 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("NOT")
                && tokens.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        i++;
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")) {
            i += 2;
        }
        while (i < tokens.size() && tokens.get(i).isAnyWord("DETERMINISTIC", "NOBUFFER")) {
            i++;
        }
        return i + 1 < tokens.size() && tokens.get(i).isWord("AS") ? i + 1 : -1;
    }

    /** The name {@code CREATE [FORCE] ALIAS [IF NOT EXISTS] name ..} gives, as written. */
    static String aliasName(List<Token> tokens) {
        int name = 1;
        while (tokens.get(name).isAnyWord("FORCE", "OR", "REPLACE")) {
            name++;
        }
        name++; // past ALIAS
        while (name < tokens.size() && tokens.get(name).isAnyWord("IF", "NOT", "EXISTS")) {
            name++;
        }
        return tokens.get(name).text();
    }

    /** Reads one alias's code. */
    private static final class Reader {

        private final String file;
        private final Token source;
        private final int[] offsets;
        private final List<JavaToken> tokens;
        private int standIns;

        Reader(String file, Token source, String code, int[] offsets) {
            this.file = file;
            this.source = source;
            this.offsets = offsets;
            this.tokens = JavaTokens.of(code);
        }

        JavaSentSql read() {
            List<Sent> sent = new ArrayList<>();
            JavaBranches branches = new JavaBranches(tokens.stream()
                    .map(token -> token.kind() == Kind.STRING ? "\"" : token.text()).toList());
            boolean everythingRead = !handsSenderAway();
            for (int i = 1; i + 1 < tokens.size(); i++) {
                JavaToken method = tokens.get(i);
                if (method.kind() != Kind.WORD || !SENDING.contains(method.text())
                        || !tokens.get(i - 1).is(".") || !tokens.get(i + 1).is("(")) {
                    continue;
                }
                List<JavaToken> argument = firstArgument(i + 2);
                if (argument.isEmpty()) {
                    continue; // execute() of a prepared statement, whose text was read where it was prepared
                }
                Sent text = sent(argument, branches.at(i));
                if (text == null) {
                    everythingRead = false;
                } else {
                    sent.add(text);
                    everythingRead &= !text.partlyBuilt();
                }
            }
            return new JavaSentSql(sent, everythingRead);
        }

        /** The tokens of the first argument of the call whose arguments start at {@code from}. */
        private List<JavaToken> firstArgument(int from) {
            int depth = 0;
            for (int i = from; i < tokens.size(); i++) {
                JavaToken token = tokens.get(i);
                if (depth == 0 && (token.is(")") || token.is(","))) {
                    return tokens.subList(from, i);
                }
                depth += token.is("(") || token.is("[") || token.is("{") ? 1
                        : token.is(")") || token.is("]") || token.is("}") ? -1 : 0;
            }
            return List.of();
        }

        /** The text {@code argument} joins, or null when no part of it is a literal. */
        private Sent sent(List<JavaToken> argument, JavaBranches.Place place) {
            List<List<JavaToken>> operands = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= argument.size(); i++) {
                JavaToken token = i < argument.size() ? argument.get(i) : null;
                if (token == null || depth == 0 && token.is("+")) {
                    operands.add(argument.subList(start, i));
                    start = i + 1;
                } else {
                    depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
                }
            }
            StringBuilder text = new StringBuilder();
            List<Integer> fileOffsets = new ArrayList<>();
            List<Token> parts = new ArrayList<>();
            boolean anyLiteral = false;
            boolean partlyBuilt = false;
            for (List<JavaToken> operand : operands) {
                if (operand.isEmpty()) {
                    return null;
                }
                JavaToken first = operand.get(0);
                if (operand.size() == 1 && first.kind() == Kind.STRING) {
                    anyLiteral = true;
                    parts.add(located(TokenType.STRING, first.text(), first.start()));
                    JavaEscapes.decode(first.text(), first.start() + 1, offsets, text, fileOffsets);
                } else {
                    partlyBuilt = true;
                    Token standIn = located(TokenType.WORD, "", first.start());
                    standIn = StandIns.numbered(++standIns, standIn.offset(), standIn.line(), standIn.column());
                    parts.add(standIn);
                    for (char c : standIn.text().toCharArray()) {
                        text.append(c);
                        fileOffsets.add(standIn.offset());
                    }
                }
            }
            if (!anyLiteral) {
                return null;
            }
            JavaToken last = argument.get(argument.size() - 1);
            fileOffsets.add(offsets[Math.max(0, last.end() - 1)]);
            int[] located = fileOffsets.stream().mapToInt(Integer::intValue).toArray();
            return new Sent(QuotedBody.ofDecoded(file, parts, text.toString(), located), partlyBuilt, place);
        }

        /** A token at {@code codeOffset} of the code, located in the file. */
        private Token located(TokenType type, String text, int codeOffset) {
            int offset = offsets[codeOffset];
            if (file == null) {
                return new Token(type, text, offset, source.line(), source.column());
            }
            LineIndex.Position at = LineIndex.advance(source.line(), source.column(), file, source.offset(), offset);
            return new Token(type, text, offset, at.line(), at.column());
        }

        /**
         * True when a connection or statement variable is passed to other code ({@code Migrations.run(conn)}),
         * which may send any SQL through it.
         */
        private boolean handsSenderAway() {
            Set<String> senders = new HashSet<>();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).kind() == Kind.WORD && SENDERS.contains(tokens.get(i).text())
                        && tokens.get(i + 1).kind() == Kind.WORD) {
                    senders.add(tokens.get(i + 1).text());
                }
            }
            for (int i = 1; i < tokens.size(); i++) {
                JavaToken token = tokens.get(i);
                JavaToken before = tokens.get(i - 1);
                if (token.kind() == Kind.WORD && senders.contains(token.text()) && (before.is("(") || before.is(","))
                        && !(i + 1 < tokens.size() && tokens.get(i + 1).is("."))) {
                    return true;
                }
            }
            return false;
        }
    }
}
