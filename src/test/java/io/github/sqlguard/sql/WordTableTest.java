package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordTableTest {

    @Test
    void theSameSpellingIsOneStringWhereverItStands() {
        String text = "INSERT INTO prices VALUES (1); INSERT INTO prices VALUES (2); insert";
        WordTable table = new WordTable();

        String first = table.word(text, 0, 6);
        String second = table.word(text, 31, 37);

        assertEquals("INSERT", first);
        assertSame(first, second);
        assertEquals("insert", table.word(text, text.length() - 6, text.length()));
        assertNotSame(first, table.word(text, text.length() - 6, text.length()));
    }

    @Test
    void keepsEveryWordApartWhileItGrows() {
        WordTable table = new WordTable();
        StringBuilder text = new StringBuilder();
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int start = text.length();
            text.append("column_").append(i).append(' ');
            ranges.add(new int[] {start, text.length() - 1});
        }
        String all = text.toString();
        List<String> firstPass = new ArrayList<>();
        for (int[] range : ranges) {
            firstPass.add(table.word(all, range[0], range[1]));
        }
        for (int i = 0; i < ranges.size(); i++) {
            String again = table.word(all, ranges.get(i)[0], ranges.get(i)[1]);
            assertEquals("column_" + i, again);
            assertSame(firstPass.get(i), again);
        }
    }
}
