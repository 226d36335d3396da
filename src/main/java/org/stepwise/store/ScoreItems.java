package org.stepwise.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Item responses as the {@code score.items} column holds them: {@code "2;1;0;3"}, one digit per
 * item in item order, an empty place for an unanswered item; null when only a total was recorded.
 */
final class ScoreItems {

    private ScoreItems() {
    }

    static String format(List<Integer> items) {
        if (items == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                text.append(';');
            }
            if (items.get(i) != null) {
                text.append(items.get(i));
            }
        }
        return text.toString();
    }

    /**
     * The responses in {@code text}, read with one pass over its characters (this runs for every score
     * of the caseload at each start): {@code ""} is one unanswered item, {@code "2;;3"} three items with
     * the second unanswered. Anything but digits and separators is refused.
     */
    static List<Integer> parse(String text) {
        if (text == null) {
            return null;
        }
        List<Integer> items = new ArrayList<>(text.length() / 2 + 1);
        int value = 0;
        boolean answered = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';') {
                items.add(answered ? value : null);
                value = 0;
                answered = false;
            } else if (c >= '0' && c <= '9' && value <= (Integer.MAX_VALUE - (c - '0')) / 10) {
                value = value * 10 + (c - '0');
                answered = true;
            } else {
                throw new NumberFormatException("Not an item response at place " + (items.size() + 1) + " of a score");
            }
        }
        items.add(answered ? value : null);
        return items;
    }
}
