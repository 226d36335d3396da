-- Stepwise schema, version 8: a supervisor's own names for practitioner pseudonyms (docs/review-and-pack.md,
-- "Names for pseudonyms"). Kept only in this store (encrypted with the rest of it), shown on the review
-- screen and in the pack, never written to an outcome file. One row per pseudonym; the list is replaced
-- whole when the supervisor saves it. Stands on its own: no column of another version is needed.

CREATE TABLE practitioner_name (
    pseudonym       CHAR(18)     NOT NULL PRIMARY KEY,
    display_name    VARCHAR(120) NOT NULL,
    CONSTRAINT practitioner_name_pseudonym_form CHECK (REGEXP_LIKE(pseudonym, '^p_[0-9a-f]{16}$')),
    CONSTRAINT practitioner_name_display_not_blank CHECK (CHAR_LENGTH(TRIM(display_name)) > 0)
);
