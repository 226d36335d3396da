package org.stepwise.domain.contact;

import org.stepwise.domain.common.Coded;

public enum Medium implements Coded {
    FACE_TO_FACE("face-to-face", "Face to face"),
    TELEPHONE("telephone", "Telephone"),
    VIDEO("video", "Video"),
    DIGITAL("digital", "Digital"),
    GROUP("group", "Group");

    private final String code;
    private final String label;

    Medium(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override public String code() { return code; }
    @Override public String label() { return label; }
}
