package io.github.sqlguard.schema;

import java.util.Comparator;

/**
 * Orders paths of plain upgrade scripts as their numbers count: {@code upgrade/9/x.sql} before
 * {@code upgrade/19/x.sql}, {@code patch-2.sql} before {@code patch-10.sql}. The installers that run such folders
 * (Openfire's, Hive's schema tool, Ranger's patch runner) step through the versions in that order; comparing the
 * text alone would put every release 10 to 19 between 1 and 2.
 *
 * <p>Two numbers of three digits or more compare as text: such numbers are most often a version's digits run
 * together ({@code upgradestep.5220.to.59900} is 5.22 to 5.99, then {@code 6000} is 6.0), where the leading digit
 * weighs most, or dates and padded numbers of one length, where text and value agree.
 */
final class NumberedPathOrder implements Comparator<String> {

    static final NumberedPathOrder INSTANCE = new NumberedPathOrder();

    private NumberedPathOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                String numberA = a.substring(i, endA);
                String numberB = b.substring(j, endB);
                int byValue = numberA.length() >= 3 && numberB.length() >= 3 ? numberA.compareTo(numberB)
                        : compareNumbers(numberA, numberB);
                if (byValue != 0) {
                    return byValue;
                }
                boolean goesOnA = versionGoesOn(a, endA);
                if (goesOnA != versionGoesOn(b, endB)) {
                    return goesOnA ? 1 : -1;
                }
                i = endA;
                j = endB;
            } else if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            } else {
                i++;
                j++;
            }
        }
        int byRest = Integer.compare(a.length() - i, b.length() - j);
        // equal as numbers (007 and 7): the text decides, so that distinct paths never compare equal
        return byRest != 0 ? byRest : a.compareTo(b);
    }

    /**
     * Whether the version whose number ends at {@code at} goes on with another number ({@code 23_0-23_1} after
     * {@code 23}): a release runs before its point releases, whatever word ends the other name
     * ({@code sakai_23_mysql_conversion.sql} before {@code sakai_23_0-23_1_mysql_conversion.sql}, as
     * {@code 1.2} comes before {@code 1.2.1}), where comparing the characters would put the digit first.
     */
    private static boolean versionGoesOn(String text, int at) {
        return at + 1 < text.length() && "._-".indexOf(text.charAt(at)) >= 0 && Character.isDigit(text.charAt(at + 1));
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares two runs of digits by value, however long they are. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
