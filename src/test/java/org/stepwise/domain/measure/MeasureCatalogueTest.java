package org.stepwise.domain.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasureCatalogueTest {

    private static final MeasureCatalogue STANDARD = MeasureCatalogue.standard();

    /** The bundled table's text, line by line. */
    static List<String> standardLines() {
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(MeasureCatalogue.TABLE_FILE_NAME)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled table with every line starting with {@code prefix} replaced (or removed, when null). */
    static String standardWith(String prefix, String replacement) {
        List<String> lines = new ArrayList<>();
        for (String line : standardLines()) {
            if (!line.startsWith(prefix)) {
                lines.add(line);
            } else if (replacement != null) {
                lines.add(replacement.replace("ORIGINAL", line));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static int lineOf(String prefix) {
        List<String> lines = standardLines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    @ParameterizedTest(name = "{0}: {2} items {3}-{4}, total {5}-{6}, caseness {7} strict {8}, RCI {9}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            PHQ9            | PHQ-9                 | 9  | 0 | 3 | 0    | 27   | 10   | false | 6    | false
            GAD7            | GAD-7                 | 7  | 0 | 3 | 0    | 21   | 8    | false | 4    | false
            WSAS            | WSAS                  | 5  | 0 | 8 | 0    | 40   | none | false | none | false
            PHOBIA_SOCIAL   | Social phobia scale   | 1  | 0 | 8 | 0    | 8    | none | false | none | false
            PHOBIA_AGORA    | Agoraphobia scale     | 1  | 0 | 8 | 0    | 8    | none | false | none | false
            PHOBIA_SPECIFIC | Specific phobia scale | 1  | 0 | 8 | 0    | 8    | none | false | none | false
            SPIN            | SPIN                  | 17 | 0 | 4 | 0    | 68   | 19   | false | 10   | true
            PDSS            | PDSS                  | 7  | 0 | 4 | 0    | 28   | 8    | false | 5    | true
            MI              | MI                    | 27 | 1 | 5 | 1.0000 | 5.0000 | 2.3  | true  | 0.73 | true
            OCIR            | OCI-R                 | 18 | 0 | 4 | 0    | 72   | 17   | false | 13   | true
            PCL5            | PCL-5                 | 20 | 0 | 4 | 0    | 80   | 32   | false | 10   | true
            HAI             | HAI                   | 18 | 0 | 3 | 0    | 54   | 18   | false | 4    | true
            """)
    void bundledTableHoldsTheClinicalReferenceValues(MeasureCode code, String name, int items, int itemMin, int itemMax,
            String totalMin, String totalMax, String caseness, boolean strict, String rci, boolean rciToVerify) {
        MeasureDefinition d = STANDARD.definition(code);

        assertEquals(code, d.code());
        assertEquals(name, d.name());
        assertEquals(items, d.itemCount());
        assertEquals(itemMin, d.itemMin());
        assertEquals(itemMax, d.itemMax());
        assertEquals(new BigDecimal(totalMin), d.totalMin());
        assertEquals(new BigDecimal(totalMax), d.totalMax());
        assertEquals(Optional.ofNullable(caseness).map(BigDecimal::new), d.caseness());
        assertEquals(strict, d.casenessStrict());
        assertEquals(Optional.ofNullable(rci).map(BigDecimal::new), d.reliableChange());
        assertEquals(rci == null ? Optional.empty() : Optional.of(rciToVerify),
                d.reliableChangeProvenance().map(Provenance::verify));
    }

    @ParameterizedTest(name = "{0} caseness marked (verify): {1}")
    @CsvSource({"PHQ9, false", "GAD7, false", "MI, false", "SPIN, true", "PDSS, true", "OCIR, true", "PCL5, true",
            "HAI, true"})
    void recordsWhichThresholdsAreToVerify(MeasureCode code, boolean verify) {
        assertEquals(Optional.of(verify), STANDARD.definition(code).casenessProvenance().map(Provenance::verify));
    }

    @Test
    void totalRulesFollowTheClinicalReference() {
        for (MeasureCode code : MeasureCode.STANDARD) {
            TotalRule expected = code == MeasureCode.WSAS ? TotalRule.PRORATED_SUM
                    : code == MeasureCode.MI ? TotalRule.MEAN : TotalRule.SUM;
            assertEquals(expected, STANDARD.definition(code).totalRule(), code.name());
        }
        assertEquals(1, STANDARD.definition(MeasureCode.WSAS).maxUnanswered());
        assertEquals(5, STANDARD.definition(MeasureCode.MI).maxUnanswered());
        assertEquals(4, STANDARD.definition(MeasureCode.MI).decimals(), "MI's mean is carried to 4 decimals (edition 2)");
        assertEquals(2, STANDARD.definition(MeasureCode.MI).displayDecimals());
    }

    @Test
    void recordsThePhq9RiskItemAndTheProvenanceOfEachMeasure() {
        MeasureDefinition phq = STANDARD.definition(MeasureCode.PHQ9);

        assertEquals(Optional.of(9), phq.riskItem().map(RiskItem::item));
        assertEquals(Optional.of(1), phq.riskItem().map(RiskItem::atLeast));
        assertEquals("Patient Health Questionnaire-9 (depression)", phq.title());
        assertEquals(new Provenance("clinical-reference §1", false), phq.provenance());
        assertEquals(Optional.of(new Provenance("clinical-reference §1", false)), phq.bandsProvenance());
        for (MeasureCode other : MeasureCode.STANDARD) {
            if (other != MeasureCode.PHQ9) {
                assertEquals(Optional.empty(), STANDARD.definition(other).riskItem(), other.name());
            }
        }
    }

    @Test
    void namesItsEditionAndSource() {
        assertEquals("2 (2026-12)", STANDARD.edition());
        assertTrue(STANDARD.source().contains("NHS Talking Therapies"), STANDARD.source());
        assertSame(STANDARD, MeasureCatalogue.standard(), "the bundled table is read once");
    }

    @ParameterizedTest(name = "problem descriptor {0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "F40.0, MI", "F40.1, SPIN", "F41.0, PDSS", "F42, OCIR", "F43.1, PCL5", "F45.2, HAI",
            "F32, GAD7", "F33, GAD7", "F41.1, GAD7", "F41.2, GAD7", "F40.2, GAD7", "F43.2, GAD7", "F99, GAD7",
            "none, GAD7",
            "F42.1, OCIR", "F40.01, MI", "F40, GAD7", "F41, GAD7", "F43.10, PCL5", "F43.11, PCL5", "f42, OCIR",
            "' F40.1 ', SPIN", "F420, GAD7", "F45.21, HAI", "F45.22, HAI", "F45.3, GAD7"})
    void mapsProblemDescriptorsToTheirAnxietyMeasure(String descriptor, MeasureCode expected) {
        assertEquals(expected, STANDARD.anxietyMeasureFor(descriptor));
    }

    @ParameterizedTest(name = "{0} item {1} reads \"{2}\"")
    @CsvSource({
            "PHQ9, 1, Interest", "PHQ9, 2, Low mood", "PHQ9, 3, Sleep", "PHQ9, 9, Self-harm thoughts",
            "GAD7, 1, Nervous", "GAD7, 7, Afraid", "WSAS, 1, Work", "WSAS, 5, Relationships",
            "SPIN, 1, Item 1", "HAI, 18, Item 18"})
    void namesEachItemShortlyFromTheTable(MeasureCode code, int item, String label) {
        MeasureDefinition definition = STANDARD.definition(code);

        assertEquals(definition.itemCount(), definition.itemLabels().size());
        assertEquals(label, definition.itemLabels().get(item - 1));
    }

    @Test
    void readsAServiceOverrideWithItsOwnEditionAndThresholds() {
        String table = standardWith("edition", "edition\t2027.1 local")
                .replace("caseness\tPHQ9\t10\t", "caseness\tPHQ9\t12\t");

        MeasureCatalogue local = MeasureCatalogue.read(new StringReader(table));

        assertEquals("2027.1 local", local.edition());
        assertEquals(Optional.of(new BigDecimal("12")), local.definition(MeasureCode.PHQ9).caseness());
        assertEquals(false, local.definition(MeasureCode.PHQ9).atCaseness(new BigDecimal("11")));
        assertEquals(true, STANDARD.definition(MeasureCode.PHQ9).atCaseness(new BigDecimal("11")));
    }

    @Test
    void readsATableSavedWithAByteOrderMarkAndWindowsLineEnds() {
        String table = "\uFEFF" + standardWith("edition", "edition\t2026.1 (Windows)").replace("\n", "\r\n");

        MeasureCatalogue read = MeasureCatalogue.read(
                new java.io.ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));

        assertEquals("2026.1 (Windows)", read.edition());
        assertEquals(Optional.of(new BigDecimal("0.73")), read.definition(MeasureCode.MI).reliableChange());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PHQ-9 caseness above its total range  | caseness\\tPHQ9 | caseness\\tPHQ9\\t28\\tat-or-above\\tx\\tstated | the caseness threshold 28 is outside PHQ9's total range 0 to 27
            caseness not a number                 | caseness\\tGAD7 | caseness\\tGAD7\\tten\\tat-or-above\\tx\\tstated | the caseness threshold 'ten' is not a number such as 10 or 2.3
            caseness neither at-or-above nor above | caseness\\tGAD7 | caseness\\tGAD7\\t8\\tover\\tx\\tstated       | caseness must be 'at-or-above' or 'above', not 'over'
            MI caseness with five decimals        | caseness\\tMI   | caseness\\tMI\\t2.30051\\tabove\\tx\\tstated   | the caseness threshold 2.30051 has more decimals than MI's total (4)
            unknown status                        | rci\\tPHQ9      | rci\\tPHQ9\\t6\\tx\\tchecked                  | status must be 'stated' or 'verify', not 'checked'
            empty source                          | rci\\tPHQ9      | rci\\tPHQ9\\t6\\t\\tstated                    | the source is empty
            a field missing                       | rci\\tPHQ9      | rci\\tPHQ9\\t6\\tstated                      | expected 5 tab-separated fields (rci <code> <reliable change index> <source> <status>), found 4
            RCI of zero                           | rci\\tGAD7      | rci\\tGAD7\\t0\\tx\\tstated                   | GAD7 reliable change index must be above 0 and at most the width of the total range
            measure code not of the form         | measure\\tPHQ9  | ORIGINAL\\nmeasure\\tphq-8\\tPHQ-8\\tPHQ-8\\t8\\t0\\t3\\tsum\\t0\\t0\\t0\\t24\\tx\\tstated | 'phq-8' is not a measure code: an upper-case letter, then up to 23 upper-case letters, digits or underscores (such as PHQ9 or IESR)
            measure given twice                   | measure\\tGAD7  | ORIGINAL\\nORIGINAL                        | measure GAD7 is given twice (first at line %d)
            total range disagrees with the items  | measure\\tPHQ9  | measure\\tPHQ9\\tPHQ-9\\tPHQ-9\\t9\\t0\\t3\\tsum\\t0\\t0\\t0\\t30\\tx\\tstated | PHQ9 total range must be 0 to 27 for 9 items of 0 to 3 by rule sum
            unknown total rule                    | measure\\tGAD7  | measure\\tGAD7\\tGAD-7\\tGAD-7\\t7\\t0\\t3\\taverage\\t0\\t0\\t0\\t21\\tx\\tstated | unknown total rule 'average' (expected sum, prorated-sum or mean)
            a sum that allows unanswered items    | measure\\tGAD7  | measure\\tGAD7\\tGAD-7\\tGAD-7\\t7\\t0\\t3\\tsum\\t1\\t0\\t0\\t21\\tx\\tstated | GAD7 is a sum of every item: max unanswered must be 0
            item count not a number               | measure\\tGAD7  | measure\\tGAD7\\tGAD-7\\tGAD-7\\tseven\\t0\\t3\\tsum\\t0\\t0\\t0\\t21\\tx\\tstated | the item count 'seven' is not a whole number such as 9
            bands with a gap                      | bands\\tPHQ9    | bands\\tPHQ9\\t0-4 minimal; 6-9 mild; 10-14 moderate; 15-19 moderately severe; 20-27 severe\\tx\\tstated | band 'mild' must start at 5: bands cover the total range in order, without gap or overlap
            bands that overlap                    | bands\\tGAD7    | bands\\tGAD7\\t0-4 minimal; 4-9 mild; 10-14 moderate; 15-21 severe\\tx\\tstated | band 'mild' must start at 5: bands cover the total range in order, without gap or overlap
            bands short of the maximum            | bands\\tGAD7    | bands\\tGAD7\\t0-4 minimal; 5-9 mild; 10-14 moderate; 15-20 severe\\tx\\tstated | the last band of GAD7 must end at the total maximum 21
            a band without a label                | bands\\tGAD7    | bands\\tGAD7\\t0-4 minimal; 5-9; 10-14 moderate; 15-21 severe\\tx\\tstated | band '5-9' is not 'from-to label'
            risk item beyond the items            | risk-item      | risk-item\\tPHQ9\\t10\\t1\\tx\\tstated         | PHQ9 has items 1 to 9, not 10
            unknown kind of line                  | rci\\tGAD7      | cutoff\\tGAD7\\t8\\tx\\tstated                | unknown kind of line 'cutoff' (expected edition, source, measure, items, caseness, rci, bands, risk-item, codes, descriptor, adsm or therapy)
            problem descriptor not ICD-10         | descriptor\\tF40.0 | descriptor\\tF40.0\\tAgoraphobia\\tagoraphobia\\t-\\tMI\\tx\\tstated | 'agoraphobia' is not an ICD-10 problem descriptor such as F40.0 or F42
            descriptor code not of the form       | descriptor\\tF40.0 | descriptor\\tbdd\\tBody dysmorphic disorder\\tF45.2\\t-\\tMI\\tx\\tstated | 'bdd' is not a problem descriptor code: an upper-case letter, then up to 15 upper-case letters, digits, dots or hyphens (such as F41.1 or BDD)
            an ICD-10 code giving another         | descriptor\\tF40.0 | descriptor\\tF40.0\\tAgoraphobia\\tF40.1\\t-\\tMI\\tx\\tstated | descriptor F40.0 looks like an ICD-10 code but gives F40.1: a descriptor whose code is an ICD-10 code is that code
            descriptor naming an unknown measure  | descriptor\\tF40.0 | descriptor\\tF40.0\\tAgoraphobia\\tF40.0\\t-\\tMOBILITY\\tx\\tstated | descriptor F40.0 names the measure MOBILITY, which the table does not define
            descriptor SNOMED CT not digits       | descriptor\\tF40.0 | descriptor\\tF40.0\\tAgoraphobia\\tF40.0\\tagora\\tMI\\tx\\tstated | the SNOMED CT concept id 'agora' is not 6 to 18 digits (or - for none)
            edition-1 adsm line not ICD-10        | descriptor\\tF40.0 | adsm\\tagoraphobia\\tMI\\tx\\tstated      | 'agoraphobia' is not an ICD-10 problem descriptor such as F40.0 or F42
            PHQ-9 as an anxiety measure           | descriptor\\tF40.0 | descriptor\\tF40.0\\tAgoraphobia\\tF40.0\\t-\\tPHQ9\\tx\\tstated | PHQ9 is the depression measure, not an anxiety measure
            codes line with a bad LOINC code      | codes\\tGAD7    | codes\\tGAD7\\t445455005\\t70274\\tx\\tstated | the LOINC code '70274' is not digits, a hyphen and a check digit (or - for none)
            codes given twice                     | codes\\tPHQ9    | ORIGINAL\\nORIGINAL                        | the codes of PHQ9 are given twice (first at line %d)
            therapy at step 4                     | therapy\\t304891004 | therapy\\t304891004\\tCBT\\tCBT\\t4\\tx\\tstated | a therapy's step is 2 or 3, not 4
            therapy given twice                   | therapy\\t304891004 | ORIGINAL\\nORIGINAL                     | therapy 304891004 is given twice (first at line %d)
            item labels one short                 | items\\tGAD7   | items\\tGAD7\\tNervous; Worry\\tx\\tstated           | GAD7 has 7 items; 2 item labels were given
            an empty item label                   | items\\tPHQ9   | items\\tPHQ9\\tA; B; ; D; E; F; G; H; I\\tx\\tstated | an item label of PHQ9 is empty
            item labels given twice               | items\\tWSAS   | ORIGINAL\\nORIGINAL                        | the item labels of WSAS are given twice (first at line %d)
            edition given twice                   | edition        | ORIGINAL\\nedition\\t2027.1                 | the edition is given twice (first at line %d)
            caseness given twice                  | caseness\\tGAD7 | ORIGINAL\\nORIGINAL                        | caseness of GAD7 is given twice (first at line %d)
            problem descriptor given twice        | descriptor\\tF42 | ORIGINAL\\nORIGINAL                      | descriptor F42 is given twice (first at line %d)
            """)
    void refusesABadLineWithItsNumberAndTheReason(String name, String prefix, String replacement, String reason) {
        String start = prefix.replace("\\t", "\t");
        String table = standardWith(start, replacement.replace("\\t", "\t").replace("\\n", "\n"));
        int line = lineOf(start);
        int expectedLine = replacement.startsWith("ORIGINAL\\n") ? line + 1 : line;

        MeasureTableException e = assertThrows(MeasureTableException.class,
                () -> MeasureCatalogue.read(new StringReader(table)));

        assertEquals(expectedLine, e.line());
        assertEquals(reason.formatted(line), e.reason());
        assertEquals("Measure table, line " + expectedLine + ": " + reason.formatted(line), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no edition line                        | edition       | the table has no edition line
            no source line                         | source        | the table has no source line
            no line at all for HAI                 | measure\\tHAI  | the table has no measure line for HAI
            an ADSM without its RCI                | rci\\tSPIN     | SPIN is the anxiety measure of F40.1: it needs a caseness and an rci line
            GAD-7 without caseness                 | caseness\\tGAD7 | GAD7 is the default anxiety measure: it needs a caseness and an rci line
            """)
    void refusesATableWithSomethingMissing(String name, String prefix, String reason) {
        String table = prefix.equals("measure\\tHAI")
                ? String.join("\n", standardLines().stream().filter(l -> !l.contains("\tHAI")).toList())
                : standardWith(prefix.replace("\\t", "\t"), null);
        int lastLine = (int) table.lines().count();
        // A descriptor whose measure lacks a value is reported at the descriptor's line; the rest at the end.
        List<String> tableLines = table.lines().toList();
        int expectedLine = reason.contains("anxiety measure of F40.1")
                ? tableLines.indexOf(tableLines.stream().filter(l -> l.startsWith("descriptor\tF40.1")).findFirst()
                        .orElseThrow()) + 1
                : lastLine;

        MeasureTableException e = assertThrows(MeasureTableException.class,
                () -> MeasureCatalogue.read(new StringReader(table)));

        assertEquals(reason, e.reason());
        assertEquals(expectedLine, e.line());
    }

    @Test
    void refusesACasenessLineBeforeItsMeasure() {
        List<String> lines = new ArrayList<>(standardLines());
        String caseness = lines.stream().filter(l -> l.startsWith("caseness\tHAI")).findFirst().orElseThrow();
        lines.remove(caseness);
        lines.add(2, caseness);

        MeasureTableException e = assertThrows(MeasureTableException.class,
                () -> MeasureCatalogue.read(new StringReader(String.join("\n", lines))));

        assertEquals(3, e.line());
        assertEquals("the caseness line of HAI must come after its measure line", e.reason());
    }

    @Test
    void everyLineOfTheBundledTableIsACommentOrAKnownKind() {
        List<String> kinds = Arrays.asList("edition", "source", "measure", "items", "caseness", "rci", "bands", "risk-item",
                "codes", "descriptor", "therapy");
        for (String line : standardLines()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertTrue(kinds.contains(line.split("\t")[0]), line);
            }
        }
    }

    /** The bundled table with a service's rows added: IES-R for PTSD, and a BDD descriptor under F45.2 with its own measure. */
    static final String SERVICE_ADDITIONS = String.join("\n",
            "measure\tIESR\tIES-R\tImpact of Event Scale, revised\t22\t0\t4\tsum\t0\t0\t0\t88\tservice\tverify",
            "caseness\tIESR\t33\tat-or-above\tservice\tverify",
            "rci\tIESR\t9\tservice\tverify",
            "bands\tIESR\t0-23 low; 24-32 moderate; 33-88 high\tservice\tverify",
            "measure\tBDDQ\tBDD-Q\tBody dysmorphic disorder questionnaire\t10\t0\t4\tsum\t0\t0\t0\t40\tservice\tverify",
            "caseness\tBDDQ\t20\tat-or-above\tservice\tverify",
            "rci\tBDDQ\t8\tservice\tverify",
            "descriptor\tBDD\tBody dysmorphic disorder\tF45.2\t-\tBDDQ\tservice\tverify",
            "therapy\t1234567890\tCompassion-focused therapy\tCFT\t3\tservice\tverify",
            "");

    static String serviceTable() {
        return standardWith("descriptor\tF43.1", "descriptor\tF43.1\tPost-traumatic stress disorder\tF43.1"
                + "\t47505003\tIESR\tservice\tverify") + "\n" + SERVICE_ADDITIONS;
    }

    static MeasureCatalogue withServiceAdditions() {
        return MeasureCatalogue.read(new StringReader(serviceTable()));
    }

    @Test
    void aServiceAddsAMeasureADescriptorAndATherapyWithRowsAlone() {
        MeasureCatalogue local = withServiceAdditions();
        MeasureCode iesr = local.code("IESR").orElseThrow();

        MeasureDefinition definition = local.definition(iesr);
        assertEquals("IES-R", definition.name());
        assertEquals(new BigDecimal("44"), definition.score(java.util.Collections.nCopies(22, 2)).total());
        assertEquals(Optional.of(new BigDecimal("33")), definition.caseness());
        assertEquals(iesr, local.anxietyMeasureFor("F43.1"), "PTSD now uses IES-R");
        assertEquals(List.of(MeasureCode.HAI, local.code("BDDQ").orElseThrow()), local.anxietyMeasuresFor("BDD"),
                "BDD shares F45.2 with health anxiety: both measures are tried, in table order");
        assertEquals(local.anxietyMeasuresFor("BDD"), local.anxietyMeasuresFor("F45.2"),
                "a file carries F45.2 and reaches the same measures");
        assertEquals(local.code("BDDQ").orElseThrow(), local.anxietyMeasureFor("BDD"),
                "session entry offers a BDD referral its own measure");
        assertEquals(MeasureCode.HAI, local.anxietyMeasureFor("F45.2"), "and health anxiety its own");
        assertEquals(Optional.of("F45.2"), local.icd10Of("BDD"));
        assertEquals("BDD Body dysmorphic disorder", local.descriptor("BDD").orElseThrow().displayName());
        assertEquals("F45.2 Hypochondriacal disorder (health anxiety) or Body dysmorphic disorder",
                local.problemLabel("F45.2"));
        assertEquals("CFT", local.therapy("1234567890").orElseThrow().shortLabel());
        assertEquals(Optional.empty(), STANDARD.code("IESR"), "the bundled table does not know the service's measure");
    }

    @Test
    void readsAnEditionOneTableWithItsAdsmLines() {
        List<String> lines = new ArrayList<>();
        for (String line : standardLines()) {
            if (line.startsWith("descriptor\t")) {
                String[] f = line.split("\t");
                if (!f[5].equals("-")) {
                    lines.add("adsm\t" + f[1] + "\t" + f[5] + "\tclinical-reference §2\tstated");
                }
            } else if (!line.startsWith("codes\t") && !line.startsWith("therapy\t")) {
                lines.add(line);
            }
        }

        MeasureCatalogue old = MeasureCatalogue.read(new StringReader(String.join("\n", lines)));

        assertEquals(MeasureCode.OCIR, old.anxietyMeasureFor("F42.1"));
        assertEquals(MeasureCode.GAD7, old.anxietyMeasureFor("F41.1"));
        assertEquals(List.of(), old.therapies());
    }

    @Test
    void theBundledTableHasEveryDescriptorAndTherapyOfTheReference() {
        assertEquals(List.of("F32", "F33", "F40.0", "F40.1", "F40.2", "F41.0", "F41.1", "F41.2", "F42", "F43.1", "F43.2",
                "F45.2", "F99"), STANDARD.descriptors().stream().map(ProblemDescriptor::code).toList());
        assertEquals(List.of("748051000000105", "748041000000107", "304891004", "443730003", "449030000",
                "286711000000107", "314034001", "1129471000000105"),
                STANDARD.therapies().stream().map(Therapy::snomedCode).toList());
        assertEquals(List.of(2, 2, 3, 3, 3, 3, 3, 3), STANDARD.therapies().stream().map(Therapy::step).toList());
        assertEquals(Optional.of("720433000"), STANDARD.definition(MeasureCode.PHQ9).snomedCode());
        assertEquals(Optional.of("44261-6"), STANDARD.definition(MeasureCode.PHQ9).loincCode());
        assertEquals(Optional.of("445455005"), STANDARD.definition(MeasureCode.GAD7).snomedCode());
        assertEquals(Optional.of("70274-6"), STANDARD.definition(MeasureCode.GAD7).loincCode());
    }

    @Test
    void aCodeTheTableLacksIsNamedNeverGuessed() {
        assertEquals(Optional.empty(), STANDARD.code("PHQ8"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeasureCode.of("NOT_A_MEASURE_ANYWHERE"));
        assertTrue(e.getMessage().contains("NOT_A_MEASURE_ANYWHERE"), e.getMessage());
    }
}
