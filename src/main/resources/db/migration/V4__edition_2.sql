-- Stepwise schema, version 4: clinical edition 2 (clinical-reference.md, export-format.md "Format 2").
-- Referral identity and employment; the national "assessment and treatment" contact; measures and
-- problem descriptors as data (a service's measure table may add codes, so the schema checks their
-- form, not a fixed list); MI's mean kept to 4 decimals.

-- Referral identity: a random UUID made when the referral is created and kept for life (outcome-file
-- pseudonyms are made from it). Every existing referral gets its own here.
ALTER TABLE referral ADD COLUMN uuid CHAR(36);
UPDATE referral SET uuid = CAST(RANDOM_UUID() AS VARCHAR(36));
ALTER TABLE referral ALTER COLUMN uuid SET NOT NULL;
ALTER TABLE referral ADD CONSTRAINT referral_uuid_unique UNIQUE (uuid);
ALTER TABLE referral ADD CONSTRAINT referral_uuid_form
    CHECK (REGEXP_LIKE(uuid, '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'));

-- Employment (NHS Data Dictionary EMPLOYMENT STATUS codes): at the start, at the end (only once the
-- referral has ended), and whether employment support was offered or received. Nothing recorded yet
-- for existing referrals.
ALTER TABLE referral ADD COLUMN employment_at_start CHAR(2);
ALTER TABLE referral ADD COLUMN employment_at_end CHAR(2);
ALTER TABLE referral ADD COLUMN employment_support BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE referral ADD CONSTRAINT referral_employment_at_start CHECK (employment_at_start IS NULL
    OR employment_at_start IN ('01', '02', '03', '04', '05', '06', '07', '08', 'ZZ'));
ALTER TABLE referral ADD CONSTRAINT referral_employment_at_end CHECK (employment_at_end IS NULL
    OR employment_at_end IN ('01', '02', '03', '04', '05', '06', '07', '08', 'ZZ'));
ALTER TABLE referral ADD CONSTRAINT referral_employment_at_end_ended
    CHECK (employment_at_end IS NULL OR status = 'ended');

-- Problem descriptor: the code of a descriptor of the measure table, an ICD-10 code for the national
-- ones (F41.1) or a service's own (BDD).
ALTER TABLE referral DROP CONSTRAINT referral_problem_descriptor;
ALTER TABLE referral ALTER COLUMN problem_descriptor SET DATA TYPE VARCHAR(16);
ALTER TABLE referral ADD CONSTRAINT referral_problem_descriptor
    CHECK (problem_descriptor IS NULL OR REGEXP_LIKE(problem_descriptor, '^[A-Z][A-Z0-9.-]{0,15}$'));

-- The national data set's "assessment and treatment" appointment.
ALTER TABLE contact DROP CONSTRAINT contact_type;
ALTER TABLE contact ALTER COLUMN contact_type SET DATA TYPE VARCHAR(24);
ALTER TABLE contact ADD CONSTRAINT contact_type CHECK (contact_type IN ('assessment', 'treatment', 'review',
    'assessment-and-treatment', 'follow-up'));

-- Scores: any measure code of the table in force (the store refuses to open when a stored code is
-- not in it), totals to 4 decimals, no upper bound (a service's measure may exceed 80).
ALTER TABLE score DROP CONSTRAINT score_measure;
ALTER TABLE score DROP CONSTRAINT score_total_range;
ALTER TABLE score ALTER COLUMN measure SET DATA TYPE VARCHAR(24);
ALTER TABLE score ALTER COLUMN total SET DATA TYPE DECIMAL(9, 4);
ALTER TABLE score ADD CONSTRAINT score_measure_code CHECK (REGEXP_LIKE(measure, '^[A-Z][A-Z0-9_]{0,23}$'));
ALTER TABLE score ADD CONSTRAINT score_total_range CHECK (total >= 0);

-- MI totals were stored as the mean rounded to 2 decimals; the measure's rule now keeps 4 (the mean
-- of the answered items, rounded half up). Recomputed from the stored items, which until this version
-- hold one digit per item and an empty place for an unanswered one: the sum is each digit times its
-- count, the answered items are the digits. A score recorded as a total only keeps its total.
UPDATE score SET total = ROUND(
        CAST(1 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '1', '')))
            + 2 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '2', '')))
            + 3 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '3', '')))
            + 4 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '4', '')))
            + 5 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '5', '')))
            + 6 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '6', '')))
            + 7 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '7', '')))
            + 8 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '8', '')))
            + 9 * (CHAR_LENGTH(items) - CHAR_LENGTH(REPLACE(items, '9', ''))) AS DECIMAL(20, 12))
        / CAST(CHAR_LENGTH(REPLACE(items, ';', '')) AS DECIMAL(20, 12)), 4)
    WHERE measure = 'MI' AND items IS NOT NULL AND CHAR_LENGTH(REPLACE(items, ';', '')) > 0;

-- Items of a service's measure may have more than one digit (up to 6, as the measure table allows).
ALTER TABLE score DROP CONSTRAINT score_items_format;
ALTER TABLE score ALTER COLUMN items SET DATA TYPE VARCHAR(2000);
ALTER TABLE score ADD CONSTRAINT score_items_format
    CHECK (items IS NULL OR REGEXP_LIKE(items, '^[0-9]{0,6}(;[0-9]{0,6})*$'));
