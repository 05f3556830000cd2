package io.github.sqlguard.sql;

/**
 * The words of one text, each spelling kept once. A script names the same keywords, tables and columns
 * thousands of times (a data load repeats {@code INSERT INTO prices (id, amount) VALUES} on every line), and
 * a copy of each would hold more heap than its tokens. Looked up from the text's characters, so a word seen
 * before costs no allocation at all.
 */
final class WordTable {

    /** Past this many spellings a text is mostly unique names: new ones are no longer kept. */
    private static final int MAX_WORDS = 1 << 16;

    private String[] slots = new String[256];
    private int size;

    /** The word {@code text[from, to)}, the same string for the same spelling. */
    String word(String text, int from, int to) {
        int length = to - from;
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i); // String.hashCode's formula, so stored words compare by their cached hash
        }
        int mask = slots.length - 1;
        for (int index = spread(hash) & mask; ; index = (index + 1) & mask) {
            String slot = slots[index];
            if (slot == null) {
                String word = text.substring(from, to);
                if (size < MAX_WORDS) {
                    slots[index] = word;
                    if (++size * 2 > slots.length) {
                        grow();
                    }
                }
                return word;
            }
            if (slot.length() == length && slot.hashCode() == hash && text.regionMatches(from, slot, 0, length)) {
                return slot;
            }
        }
    }

    private void grow() {
        String[] old = slots;
        slots = new String[old.length * 2];
        int mask = slots.length - 1;
        for (String word : old) {
            if (word != null) {
                int index = spread(word.hashCode()) & mask;
                while (slots[index] != null) {
                    index = (index + 1) & mask;
                }
                slots[index] = word;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
