package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScopeIndexTest {

    private static List<Token> tokens(Dialect dialect, String text) {
        return new Lexer(dialect).tokenize(text).tokens();
    }

    /** Every index where {@link Token#isWord} finds the name, as a scan of the whole scope would. */
    private static int[] scanned(List<Token> scope, String name) {
        return IntStream.range(0, scope.size()).filter(i -> scope.get(i).isWord(name)).toArray();
    }

    @Test
    void findsAVariableWhereverItIsNamedWhateverItsCase() {
        List<Token> scope = tokens(Dialect.SQLSERVER, "DECLARE @Sql nvarchar(max) = N'x'; SET @SQL = @sql + N'y';"
                + " EXEC sp_executesql @sQl; PRINT '@sql'");
        int[] found = ScopeIndex.of(scope).wordsNamed("@sql");
        assertEquals(4, found.length, "the string '@sql' is no use of the variable");
        assertArrayEquals(scanned(scope, "@sql"), found);
        assertArrayEquals(new int[0], ScopeIndex.of(scope).wordsNamed("@other"));
    }

    @Test
    void foldsCaseAsStringComparisonIgnoringCaseDoes() {
        // The Kelvin sign equals the letter k ignoring case: a name written with it is the same name.
        List<Token> scope = tokens(Dialect.POSTGRESQL, "v_\u212Aey := 'a'; EXECUTE v_key; v_KEY := 'b'");
        assertArrayEquals(scanned(scope, "v_key"), ScopeIndex.of(scope).wordsNamed("v_key"));
        assertEquals(3, ScopeIndex.of(scope).wordsNamed("V_KEY").length);
    }

    @Test
    void isBuiltAgainForAnotherScopeAndForAPartOfTheSame() {
        List<Token> first = tokens(Dialect.POSTGRESQL, "v := 'a'; LOOP EXECUTE v; END LOOP; v := 'b'");
        List<Token> second = tokens(Dialect.POSTGRESQL, "w := 'a'; EXECUTE w");
        assertEquals(3, ScopeIndex.of(first).wordsNamed("v").length);
        assertEquals(0, ScopeIndex.of(second).wordsNamed("v").length);
        assertEquals(3, ScopeIndex.of(first).wordsNamed("v").length);
        List<Token> part = first.subList(0, 4);
        assertArrayEquals(new int[] {0}, ScopeIndex.of(part).wordsNamed("v"));
    }

    @Test
    void tellsApartScopesThatDifferOnlyInsideEvenAtTheSameSize() {
        // A body read for a call keeps only the arms the call's literals take: two reads of one body may differ in
        // one token between the same first, middle and last tokens.
        List<Token> scope = tokens(Dialect.POSTGRESQL, "IF p = 'a' THEN v := 'x'; ELSE w := 'y'; END IF; EXECUTE v");
        List<Token> other = new ArrayList<>(scope);
        int assigned = ScopeIndex.of(scope).wordsNamed("v")[0];
        other.set(assigned, tokens(Dialect.POSTGRESQL, "w").get(0));
        assertEquals(2, ScopeIndex.of(scope).wordsNamed("v").length);
        assertEquals(1, ScopeIndex.of(other).wordsNamed("v").length);
        assertEquals(2, ScopeIndex.of(other).wordsNamed("w").length);
    }

    @Test
    void marksTheLoopWordsAndStatementEndsOnly() {
        List<Token> scope = tokens(Dialect.POSTGRESQL, "FOR r IN SELECT 1 LOOP v := 'a'; END LOOP; x := repeat('-', 3)");
        int[] marks = ScopeIndex.of(scope).loopMarks();
        List<String> marked = IntStream.of(marks).mapToObj(i -> scope.get(i).text().toUpperCase()).toList();
        assertEquals(List.of("FOR", "LOOP", ";", "LOOP", ";", "REPEAT"), marked);
    }
}
