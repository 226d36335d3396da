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

    static List<Integer> parse(String text) {
        if (text == null) {
            return null;
        }
        String[] places = text.split(";", -1);
        List<Integer> items = new ArrayList<>(places.length);
        for (String place : places) {
            items.add(place.isEmpty() ? null : Integer.valueOf(place));
        }
        return items;
    }
}
